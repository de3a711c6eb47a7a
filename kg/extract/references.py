"""Mentions of actors the text names without their name: a person by a title ("the Foreign
Secretary", "a Foreign Office spokesman": :mod:`kg.extract.titles`), a nation by its plural
demonym ("the Iraqis"), a government by its country ("the Government of Iraq"), a state's forces
by its leader ("the Assad regime") and a group by a noun that refers back ("the group").

Each is a ``Found`` with ``reference=True``, outside the names the event rules read; the noun
phrases of named mentions are :mod:`kg.extract.phrases`'. The word lists live in
``kg/data/lexicon.toml`` (``[mentions]``) and ``kg/data/names.toml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import parse_tree
from kg.extract.edges import between_clean, left_edge, shares_of
from kg.extract.found import Found
from kg.extract.lexicon import Lexicon
from kg.extract.roots import span_root
from kg.extract.titles import Titles, in_apposition, title_of
from kg.keys import name_key
from kg.model import ActorType, PlaceType

__all__ = ["References"]

_GROUP_TYPES = frozenset(
    {ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA,
     ActorType.ORGANISATION}
)  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "that", "those"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_PLURALS = frozenset({"NNS", "NNPS"})


class References:
    """Built once per lexicon; ``find`` runs on every Doc's mentions."""

    def __init__(self, lexicon: Lexicon, demonyms: dict[str, str]) -> None:
        self.lex = lexicon
        self.demonyms = demonyms  # demonym or country name (lower case) -> ISO code
        self.nationals = {d.lower(): c.iso for c in lexicon.countries for d in c.demonyms}
        self.governments = lexicon.word_set("mentions", "government_heads")
        self.generic: dict[str, list[str]] = dict(lexicon.words["actors"]["generic"])
        self.collectives: dict[str, str] = dict(lexicon.words["mentions"]["collectives"])
        self.people = Titles(lexicon)
        self.titles = self.people.titles
        self.group_nouns = lexicon.word_set("mentions", "group_nouns")

    def find(self, doc: Doc, found: list[Found], main: str = "") -> list[Found]:
        """Noun phrases that name an actor without its name: a person by a title ("the Foreign
        Secretary": the last person so titled, else a person known by the title alone), a
        nation, a government, a leader's forces, a group referred back to. Mentions outside
        the names the event rules read; one phrase is one mention."""
        taken = {i for f in found for a, b in f.extents for i in range(a, b)}
        people = {
            i: f for f in found if f.actor_type is ActorType.PERSON for i in range(f.start, f.end)
        }
        out = [r for f in found if (r := self._regime(doc, f, found, main)) is not None]
        taken |= {i for r in out for i in range(r.start, r.end)}
        cols = parse_tree.tree(doc)
        pos, dep, tag, lemma, lower = cols.pos, cols.dep, cols.tag, cols.lemma, cols.lower
        for i in range(len(doc)):
            if pos[i] not in _NOUNS and dep[i] != "appos" and tag[i] not in _PLURALS:
                continue  # neither a title in apposition, a nation nor a noun phrase's head
            # the tests on the columns first: a Token only for the few tokens that pass them
            if dep[i] == "appos" and (role := self.people.role(doc[i], people)) is not None:
                out.append(role)  # ``role`` finds none but in apposition
                continue
            people_of = self._nation(doc, i, taken)
            if people_of is not None:
                out.append(people_of)
                continue
            if i in taken or pos[i] not in _NOUNS or dep[i] == "compound":
                continue
            if (
                pos[i] == "PROPN"
                and lemma[i] not in self.titles
                and lemma[i] not in self.governments
            ):
                continue
            left_det = next((c for c in cols.kids[i] if c < i and dep[c] == "det"), None)
            if lemma[i] not in self.titles and (
                left_det is None or lower[left_det] not in _DETERMINERS
            ):
                continue  # ``bare`` and ``portfolio`` find titles only; the rest needs an article
            token = doc[i]
            det = None if left_det is None else doc[left_det]
            if det is None and (bare := self.people.bare(doc, token, taken)) is not None:
                out.append(bare)
                continue
            portfolio = self.people.portfolio(doc, token, det, found, people)
            if portfolio is not None:
                out.append(portfolio)
                continue
            if det is None or det.lower_ not in _DETERMINERS:
                continue
            organisation = self._organisation(doc, token, found)
            if organisation is not None:
                out.append(organisation)
                continue
            official = self.people.official(doc, token, det, found, people)
            if official is not None:
                out.append(official)
                continue
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
                continue  # "the city of Mosul": the name's own phrase
            start = left_edge(token)
            if any(i in taken for i in range(start, token.i)):
                continue
            antecedent = self._antecedent(doc, token, found)
            if antecedent is not None and det.lower_ in ("the", "this", "that"):
                out.append(
                    Found(
                        antecedent.kind,
                        start,
                        token.i + 1,
                        antecedent.key,
                        antecedent.label,
                        actor_type=antecedent.actor_type,
                        country=antecedent.country,
                        reference=True,
                    )
                )
            elif (
                antecedent is None
                and token.lemma_.lower() in self.titles
                and any(t.is_title for t in doc[det.i + 1 : token.i + 1])
                and token.i > det.i + 1
            ):
                # "the Foreign Secretary", "a Foreign Office spokesman": a person the text
                # names by role only; the role is the label (a bare "the President" is not
                # told apart from other articles' presidents)
                label = (
                    doc[det.i + 1 : token.i + 1].text
                    if det.i == start
                    else doc[start : token.i + 1].text
                )
                out.append(title_of(start, token.i + 1, label, in_apposition(token, people)))
        claimed = {e for f in found for e in f.extents}
        distinct = []
        for r in out:  # one phrase is one mention
            if (r.start, r.end) not in claimed:
                claimed.add((r.start, r.end))
                distinct.append(r)
        return distinct

    def _regime(self, doc: Doc, f: Found, found: list[Found], main: str) -> Found | None:
        """ "the Assad regime", "Assad's forces": a leader's name on a state's forces is a
        mention of those forces (of the leader's country, else the article's)."""
        if f.actor_type is not ActorType.PERSON:
            return None
        root = doc[span_root(doc, f.start, f.end)]
        head = root.head
        entry = self.generic.get(head.lemma_.lower())
        if (
            root.dep_ not in ("compound", "poss")
            or head.i < f.end
            or entry is None
            or entry[0] != ActorType.STATE_FORCES.value
            or not between_clean(doc, f.end, head.i)
        ):
            return None
        country = self.lex.country_by_iso.get(f.country or main)
        if country is None:
            return None
        label = entry[1].format(country=country.name)
        actor_type = ActorType.STATE_FORCES
        if not any(g.key == name_key(label) for g in found):
            # forces the text names no otherwise: the leader's regime, an organisation
            label, actor_type = f"{doc[f.start : f.end].text} {head.lower_}", ActorType.ORGANISATION
        return Found(
            "actor",
            left_edge(head),
            head.i + 1,
            name_key(label),
            label,
            actor_type=actor_type,
            country=country.iso,
            reference=True,
        )

    def _nation(self, doc: Doc, i: int, taken: set[int]) -> Found | None:
        """ "the Iraqis", "Syrians": a nation's people named by its plural demonym."""
        t = parse_tree.tree(doc)
        text = t.text[i]
        if (
            i in taken
            or t.tag[i] not in ("NNPS", "NNS")
            or not text[:1].isupper()
            or not text.endswith("s")
            or t.dep[i] in ("compound", "amod")
        ):
            return None
        iso = self.nationals.get(text[:-1].lower())
        if iso is None or self.demonyms.get(text.lower()) is not None:
            return None  # "Emirates", "Philippines": names, not demonyms
        start = i - 1 if i and t.lower[i - 1] == "the" else i
        return _organisation_at(start, i + 1, text, iso)

    def _organisation(self, doc: Doc, token: Token, found: list[Found]) -> Found | None:
        """ "the Government of Iraq", "the Iraqi government", "the international community":
        an organisation named by a common noun and a country or a telling modifier."""
        lemma = token.lemma_.lower()
        start = left_edge(token)
        if lemma in self.collectives:
            if not any(c.lower_ == self.collectives[lemma] for c in token.lefts):
                return None
            return _organisation_at(start, token.i + 1, f"{self.collectives[lemma]} {token.lower_}")
        if lemma not in self.governments:
            return None
        end, iso = token.i + 1, ""
        for child in token.lefts:
            iso = iso or self.demonyms.get(child.lower_, "")
        of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if not iso and of is not None:
            place = next(
                (f for f in found if f.kind == "place" and f.start == of.i + 1 and f.country), None
            )
            if place is not None and place.place_type is PlaceType.COUNTRY:
                iso, end = place.country, place.end
                if shares_of(token):
                    end = token.i + 1  # "the government and people of Iraq": "the government"
        country = self.lex.country_by_iso.get(iso)
        if country is None:
            return None
        return _organisation_at(start, end, f"Government of {country.name}", iso)

    def _antecedent(self, doc: Doc, token: Token, found: list[Found]) -> Found | None:
        """The last mention before ``token`` it refers back to (looked for from the last one
        back: the nearest usually comes first)."""
        lemma = token.lemma_.lower()
        before = (f for f in reversed(found) if f.end <= token.i)
        if lemma in self.group_nouns:  # "the group", "this terrorist organisation"
            return next(
                (
                    f for f in before
                    if f.kind == "actor" and f.actor_type in _GROUP_TYPES
                    and any(t.text[:1].isupper() for t in doc[f.start : f.end])
                ),
                None,
            )  # fmt: skip
        if lemma in self.titles:
            return next(
                (
                    f for f in before
                    if f.actor_type is ActorType.PERSON and f.anchor is not None
                    and any(t.lemma_.lower() == lemma for t in doc[f.anchor[0] : f.start])
                ),
                None,
            )  # fmt: skip
        return None


def _organisation_at(start: int, end: int, label: str, country: str = "") -> Found:
    """A reference at doc[start:end] to an organisation known by ``label`` (of ``country``)."""
    return Found(
        "actor",
        start,
        end,
        name_key(label),
        label,
        actor_type=ActorType.ORGANISATION,
        country=country,
        reference=True,
    )
