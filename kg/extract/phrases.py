"""The noun phrase a mention stands in: its determiner, titles and modifiers and, for a name that
modifies a noun naming a group, that noun ("the Foreign Secretary Boris Johnson", "the Assad
regime", "an ISIL tactical unit", "the Government of Iraq", "eastern Aleppo").

The phrase becomes the mention's anchor in the text (``Found.anchor``); the actor's or place's
label and key stay its name. The word lists live in ``kg/data/lexicon.toml`` (``[mentions]``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import columns
from kg.extract.edges import (
    between_clean,
    edge_of,
    left_edge,
    of_phrase_end,
    place_phrase,
    region_after,
)
from kg.extract.found import Found
from kg.extract.generic_context import role_after_name
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.spans import countered, portfolio_word
from kg.keys import name_key
from kg.model import ActorType, PlaceType

__all__ = ["NounPhrases"]

_CLIMB_DEPS = frozenset({"compound", "nmod", "poss", "amod"})
_GROUP_TYPES = frozenset(
    {ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA,
     ActorType.ORGANISATION}
)  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "that", "those"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_PLURALS = frozenset({"NNS", "NNPS"})
_ORDINALS = frozenset({"1st", "2nd", "3rd", "first", "second", "third"})  # a rating's "Class"


def load_honorifics() -> frozenset[str]:
    """ "Mr", "Dr": words before a name that add no role (``kg/data/names.toml``)."""
    return read_words("names.toml", "people", "honorifics")


class NounPhrases:
    """Built once per lexicon; ``anchor`` runs on every Doc's mentions."""

    def __init__(self, lexicon: Lexicon, demonyms: dict[str, str]) -> None:
        self.lex = lexicon
        self.demonyms = demonyms  # demonym or country name (lower case) -> ISO code
        self.nationals = {d.lower(): c.iso for c in lexicon.countries for d in c.demonyms}
        self.governments = lexicon.word_set("mentions", "government_heads")
        self.generic: dict[str, list[str]] = dict(lexicon.words["actors"]["generic"])
        self.collectives: dict[str, str] = dict(lexicon.words["mentions"]["collectives"])
        self.group_heads = lexicon.word_set("mentions", "group_heads")
        self.of_heads = lexicon.word_set("mentions", "of_heads")
        self.place_modifiers = lexicon.word_set("mentions", "place_modifiers")
        self.titles = lexicon.word_set("mentions", "titles")
        self.group_nouns = lexicon.word_set("mentions", "group_nouns")
        self.place_nouns = lexicon.word_set("mentions", "place_nouns")
        self.region_nouns = read_words("names.toml", "places", "nouns_after")
        self.honorifics = load_honorifics()
        self.portfolios = read_words("names.toml", "people", "portfolios")
        self.known = frozenset(a.key for a in lexicon.actors)

    def anchor(self, doc: Doc, found: list[Found]) -> None:
        """Set each mention's anchor to the noun phrase it heads or modifies; one phrase is
        one mention, so of two mentions with the same phrase the second keeps its name."""
        claimed = {(f.start, f.end) for f in found}
        places = {f.start: f for f in found if f.kind == "place"}
        for f in found:
            if f.anchor is not None:
                continue  # set where it was found ("Minister for the Middle East Tobias Ellwood")
            if self._leader(doc, f):
                f.actor_type = ActorType.PERSON  # "the Asad regime": Asad is a person
            if f.kind == "actor":
                start, end = self._actor(doc, f)
            else:
                start, end = place_phrase(doc, f, self.place_modifiers, self.place_nouns)
                if (start, end) == (f.start, f.end):
                    end = region_after(doc, f, places, self.place_modifiers)
                if (start, end) == (f.start, f.end):
                    start, end = self._place_noun_after(doc, f)
            if (start, end) != (f.start, f.end) and (start, end) not in claimed:
                claimed.add((start, end))
                f.anchor = (start, end)
                # a name inside a longer phrase is a mention too; a common noun is not
                # ("3 civilians" holds no mention "civilians")
                f.nested = any(t.text[:1].isupper() for t in doc[f.start : f.end]) and (
                    end > f.end
                    or any(
                        doc[i].lower_ not in _DETERMINERS | self.honorifics
                        for i in range(start, f.start)
                    )
                )

    def _place_noun_after(self, doc: Doc, f: Found) -> tuple[int, int]:
        """ "Idlib province", "the Wadi Barada area": a name and the place noun it modifies
        are one phrase, with the noun's "the" (the name alone a mention too); the phrase's
        extent, else the name's."""
        if f.end >= len(doc) or f.place_type is PlaceType.COUNTRY:
            return f.start, f.end
        noun = doc[f.end]
        root = doc[f.start : f.end].root
        if not (
            noun.tag_ == "NN"
            and noun.lower_ in self.place_nouns | self.region_nouns
            and root.dep_ == "compound"
            and root.head.i == noun.i
        ):
            return f.start, f.end
        det = f.start - 1
        the = det >= 0 and doc[det].lower_ == "the" and doc[det].head.i == noun.i
        return (det if the else f.start), f.end + 1

    def references(self, doc: Doc, found: list[Found], main: str = "") -> list[Found]:
        """Noun phrases that name a person by a title: "the Foreign Secretary" (the last person
        so titled, else a person known by the title alone). Mentions outside the names the
        event rules read."""
        taken = {i for f in found for a, b in f.extents for i in range(a, b)}
        people = {
            i: f for f in found if f.actor_type is ActorType.PERSON for i in range(f.start, f.end)
        }
        out = [r for f in found if (r := self._regime(doc, f, found, main)) is not None]
        taken |= {i for r in out for i in range(r.start, r.end)}
        pos, dep, tag = columns.poses(doc), columns.deps(doc), columns.tags(doc)
        for i in range(len(doc)):
            if pos[i] not in _NOUNS and dep[i] != "appos" and tag[i] not in _PLURALS:
                continue  # neither a title in apposition, a nation nor a noun phrase's head
            token = doc[i]
            role = self._role(token, people)
            if role is not None:
                out.append(role)
                continue
            people_of = self._nation(token, taken)
            if people_of is not None:
                out.append(people_of)
                continue
            if token.i in taken or token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
                continue
            if (
                token.pos_ == "PROPN"
                and (lemma := token.lemma_.lower()) not in self.titles
                and lemma not in self.governments
            ):
                continue
            det = next((c for c in token.lefts if c.dep_ == "det"), None)
            if det is None and (bare := self._bare_title(doc, token, taken)) is not None:
                out.append(bare)
                continue
            portfolio = self._portfolio_title(doc, token, det, found, people)
            if portfolio is not None:
                out.append(portfolio)
                continue
            if det is None or det.lower_ not in _DETERMINERS:
                continue
            organisation = self._organisation(doc, token, found)
            if organisation is not None:
                out.append(organisation)
                continue
            official = self._official(doc, token, det, found, people)
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
                out.append(_title_of(start, token.i + 1, label, _in_apposition(token, people)))
        claimed = {e for f in found for e in f.extents}
        distinct = []
        for r in out:  # one phrase is one mention
            if (r.start, r.end) not in claimed:
                claimed.add((r.start, r.end))
                distinct.append(r)
        return distinct

    def _portfolio_title(
        self, doc: Doc, token: Token, det: Token | None, found: list[Found],
        people: dict[int, Found],
    ) -> Found | None:  # fmt: skip
        """ "Minister for the Middle East, Tobias Ellwood, said", "as Minister for Central
        Asia": a title and its portfolio with no name after them name a person, the one in
        apposition if any (else the title is the label); the portfolio's places stay
        mentions of their own."""
        if token.lemma_.lower() not in self.titles or not token.text[:1].isupper():
            return None
        if token.tag_ in _PLURALS or token.i + 2 >= len(doc):
            return None
        if doc[token.i + 1].lower_ not in ("for", "of") or any(
            c.dep_ != "det" for c in token.lefts
        ):
            return None  # "the US Secretary of State": _official's
        end = token.i + 2
        while end < len(doc) and portfolio_word(doc[end]) and doc[end].text != ",":
            end += 1
        while end > token.i + 2 and doc[end - 1].lower_ in ("the", "and", "&"):
            end -= 1
        words = doc[token.i + 2 : end]
        if not any(t.text[:1].isupper() for t in words) or end >= len(doc):
            return None
        if doc[end].pos_ == "PROPN" and doc[end].text.istitle():
            return None  # "Minister for the Middle East Tobias Ellwood": titled_person's
        start = det.i if det is not None and det.i == token.i - 1 else token.i
        places = {i for f in found if f.kind == "place" for i in range(f.start, f.end)}
        claimed = {i for f in found for a, b in f.extents for i in range(a, b)}
        if any(i in claimed and i not in places for i in range(start, end)):
            return None
        return _title_of(start, end, doc[token.i : end].text, _in_apposition(token, people))

    def _official(
        self, doc: Doc, token: Token, det: Token, found: list[Found], people: dict[int, Found]
    ) -> Found | None:
        """ "a Foreign Office spokesman", "the US Secretary of State": a person named by a title
        after the name of the body or country the person speaks or acts for (a mention of that
        body too, nested in the person's); the title, with its portfolio, is the label, or the
        person named in apposition is ("the Iraqi Foreign Minister, X")."""
        if token.lemma_.lower() not in self.titles or token.tag_ in _PLURALS:
            return None
        start = left_edge(token)
        if start != det.i:
            return None
        inside = [f for f in found if det.i < f.start and f.end <= token.i]
        body = any(
            (f.kind == "actor" and f.actor_type is not ActorType.PERSON)
            or f.place_type is PlaceType.COUNTRY
            for f in inside
        )
        covered = {i for f in inside for i in range(f.start, f.end)}
        words = doc[det.i + 1 : token.i]
        named = [t.i in covered or t.is_title for t in words]
        if not body or not named or not named[0] or sorted(named, reverse=True) != named:
            return None  # the name first, then words of the title ("commanding general")
        if any(f.start <= det.i < f.end or f.start <= token.i < f.end for f in found):
            return None  # the title is part of a name ("the Foreign Office")
        end = token.i + 1
        if (
            end + 1 < len(doc)
            and doc[end].lower_ == "of"
            and doc[end + 1].lower_ in self.portfolios
        ):
            end += 2  # "Secretary of State"
        label = doc[det.i + 1 : end].text
        return _title_of(det.i, end, label, _in_apposition(token, people))

    def _regime(self, doc: Doc, f: Found, found: list[Found], main: str) -> Found | None:
        """ "the Assad regime", "Assad's forces": a leader's name on a state's forces is a
        mention of those forces (of the leader's country, else the article's)."""
        if f.actor_type is not ActorType.PERSON:
            return None
        root = doc[f.start : f.end].root
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

    def _leader(self, doc: Doc, f: Found) -> bool:
        """ "the Asad regime": a name the model took for an organisation's, that the lexicon
        does not know, on a state's forces' noun, is its leader's."""
        if f.kind != "actor" or f.actor_type is not ActorType.ORGANISATION:
            return False
        span = doc[f.start : f.end]
        root = span.root
        entry = self.generic.get(root.head.lemma_.lower())
        return (
            f.key not in self.known
            and len(span) <= 2
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)
            and columns.text(span).lower() not in self.demonyms
            and root.dep_ in ("compound", "poss")
            and root.head.i >= f.end
            and entry is not None
            and entry[0] == ActorType.STATE_FORCES.value
            and root.head.lower_ == "regime"
        )

    def _nation(self, token: Token, taken: set[int]) -> Found | None:
        """ "the Iraqis", "Syrians": a nation's people named by its plural demonym."""
        text = token.text
        if (
            token.i in taken
            or token.tag_ not in ("NNPS", "NNS")
            or not text[:1].isupper()
            or not text.endswith("s")
            or token.dep_ in ("compound", "amod")
        ):
            return None
        iso = self.nationals.get(text[:-1].lower())
        if iso is None or self.demonyms.get(text.lower()) is not None:
            return None  # "Emirates", "Philippines": names, not demonyms
        start = token.i - 1 if token.i and token.nbor(-1).lower_ == "the" else token.i
        return Found(
            "actor",
            start,
            token.i + 1,
            name_key(text),
            text,
            actor_type=ActorType.ORGANISATION,
            country=iso,
            reference=True,
        )

    def _bare_title(self, doc: Doc, token: Token, taken: set[int]) -> Found | None:
        """ "Foreign Secretary welcomes ...", "Prime Minister and President X met": a title
        in capitals without an article or a name, as headlines and datelines write a person
        named by role only (the role is the label)."""
        if token.lemma_.lower() not in self.titles or token.tag_ in _PLURALS:
            return None
        start = left_edge(token)
        words = doc[start : token.i + 1]
        if len(words) < 2 or not all(t.is_title for t in words) or start in taken:
            return None
        if any(t.dep_ == "det" or t.pos_ == "PRON" for t in words):
            return None
        if start > 0 and not (doc[start].is_sent_start or "\n" in doc[start - 1].whitespace_
                              or doc[start - 1].is_space):  # fmt: skip
            return None  # where a headline or a sentence starts
        label = words.text
        return Found("actor", start, token.i + 1, name_key(label), label,
                     actor_type=ActorType.PERSON, reference=True)  # fmt: skip

    def _role(self, token: Token, people: dict[int, Found]) -> Found | None:
        """ "Gen. Joseph Votel, commander of U.S. Central Command": a title in apposition to
        a person's name is a mention of the person."""
        doc, i = token.doc, token.i
        t = columns.tree(doc)
        if t.dep[i] != "appos":
            return None  # most nouns: no Token of their head made
        person = people.get(t.head[i])
        if person is None:
            return None
        if t.lemma[i] not in self.titles and not (
            t.lemma[i] in self.generic and role_after_name(token)
        ):
            return None
        start, end = token.left_edge.i, token.right_edge.i + 1
        punct, space = columns.is_puncts(doc), columns.is_spaces(doc)
        while end > start and (punct[end - 1] or space[end - 1]):
            end -= 1
        if any(people.get(i) is person for i in range(start, end)):
            return None
        return Found(
            "actor",
            start,
            end,
            person.key,
            person.label,
            actor_type=person.actor_type,
            country=person.country,
            reference=True,
        )

    def _organisation(self, doc: Doc, token: Token, found: list[Found]) -> Found | None:
        """ "the Government of Iraq", "the Iraqi government", "the international community":
        an organisation named by a common noun and a country or a telling modifier."""
        lemma = token.lemma_.lower()
        start = left_edge(token)
        if lemma in self.collectives:
            if not any(c.lower_ == self.collectives[lemma] for c in token.lefts):
                return None
            label = f"{self.collectives[lemma]} {token.lower_}"
            return Found(
                "actor",
                start,
                token.i + 1,
                name_key(label),
                label,
                actor_type=ActorType.ORGANISATION,
                reference=True,
            )
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
                if _shares_of(token):
                    end = token.i + 1  # "the government and people of Iraq": "the government"
        country = self.lex.country_by_iso.get(iso)
        if country is None:
            return None
        label = f"Government of {country.name}"
        return Found(
            "actor",
            start,
            end,
            name_key(label),
            label,
            actor_type=ActorType.ORGANISATION,
            country=iso,
            reference=True,
        )

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

    def _actor(self, doc: Doc, f: Found) -> tuple[int, int]:
        t = columns.tree(doc)
        root = doc[f.start : f.end].root.i
        # "an ISIL tactical unit", "the Assad regime", "Assad's brutal regime"
        while (
            f.actor_type is not ActorType.PERSON  # "the Assad regime" is not Assad
            and not countered(doc, f.start)  # "the counter-ISIL coalition" is not ISIL
            and t.dep[root] in _CLIMB_DEPS
            and t.head[root] >= f.end
            and t.pos[t.head[root]] in ("NOUN", "PROPN")
            and t.lemma[t.head[root]] in self.group_heads
            and between_clean(doc, f.end, t.head[root])
        ):
            root = t.head[root]
        start = min(f.start, edge_of(doc, root))
        if f.actor_type is ActorType.PERSON:
            start = _rated_from(doc, start)
        end = max(f.end, root + 1)
        after = f.end
        if (  # "Islamic State of Iraq and the Levant fighters": a parse that broke the phrase
            f.end - f.start >= 3
            and not countered(doc, f.start)
            and after < len(doc)
            and t.pos[after] == "NOUN"
            and doc[after].is_lower
            and t.lemma[after] in self.group_heads
            and t.head[after] < f.end
            and f.actor_type is not ActorType.PERSON
        ):
            end = f.end + 1
        # "the Government of Iraq", "the people of Mosul"
        if t.lemma[root] in self.of_heads and not _shares_of(doc[root]):
            end = max(end, of_phrase_end(doc[root]))
            head = t.head[root]  # "the government and people of Iraq": the "of" both share
            if t.dep[root] == "conj" and t.lemma[head] in self.of_heads and end == root + 1:
                end = max(end, of_phrase_end(doc[head]))
        # "the government of Iraq": a name that is the object of such a noun's "of"
        if (
            t.dep[root] == "pobj"
            and t.lower[t.head[root]] == "of"
            and t.head[t.head[root]] < f.start
        ):
            head = t.head[t.head[root]]
            if t.lemma[head] in self.of_heads and t.pos[head] in ("NOUN", "PROPN"):
                start = min(start, edge_of(doc, head))
        return start, end


def _rated_from(doc: Doc, start: int) -> int:
    """ "Special Warfare Operator 1st Class Jo Brown": a phrase the parse started at the
    "Class" of a rating ("Petty Officer 2nd Class", "Airman First Class") starts at the
    rating's first word: the capitalised words before its ordinal; else ``start``."""
    lower = columns.lowers(doc)
    if lower[start] != "class" or start < 2 or lower[start - 1] not in _ORDINALS:
        return start
    first = start - 1
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text.istitle():
        first -= 1
    return first if first < start - 1 else start


def _in_apposition(title: Token, people: dict[int, Found]) -> Found | None:
    """The person named in apposition after a title: "the Iraqi Foreign Minister, X" (a
    conjunct with no "and", as the parse often reads a name after a comma)."""
    listed = any(c.dep_ == "cc" for c in title.children)
    return next(
        (
            people[c.i]
            for c in title.rights
            if (c.dep_ == "appos" or (c.dep_ == "conj" and not listed)) and c.i in people
        ),
        None,
    )


def _title_of(start: int, end: int, title: str, person: Found | None) -> Found:
    """A person's title at doc[start:end]: a mention of the person named in apposition, else
    of a person known by the title alone (the label)."""
    key, label, country = (
        (name_key(title), title, "")
        if person is None
        else (person.key, person.label, person.country)
    )
    return Found(
        "actor",
        start,
        end,
        key,
        label,
        actor_type=ActorType.PERSON,
        country=country,
        reference=True,
    )


def _shares_of(head: Token) -> bool:
    """ "the government and people of Iraq": a conjunct stands between the noun and its "of",
    which the two share; the noun's phrase ends with it ("the government")."""
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return of is not None and any(c.dep_ == "conj" and c.i < of.i for c in head.rights)
