"""Where the place names the entity model splits, misses or invents are in a Doc: one name
joined by a particle ("Pul-e Khumri", "Ras al-Ain", "Lagos de Moreno"), the town of an
institution ("Garissa University", "the Mandera police station", "residents of X"), a name a
place noun follows ("in X district", "on the Y front"), a sea ("the Gulf of Oman").

Each finder returns spans of the Doc; :mod:`kg.extract.place_names` settles the mentions with
them (as it does with :mod:`kg.extract.roads`' road ends). The word lists live in
``kg/data/lexicon.toml`` (``[places]``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Span, Token

from kg.extract import columns
from kg.extract.demonym_words import opens_demonym
from kg.extract.lexicon import Lexicon
from kg.extract.roads import COMPASS, HYPHENS
from kg.model import PlaceType

__all__ = ["PlaceSpans", "capital", "hyphen_joined", "indices", "name_before", "proper"]

# lines of fighting named after a place: "on the Qaniyah front", "in the Zmar axis"
_FRONTS = {"front", "frontline", "axis"}
_CENTRES = {"center", "centre", "centres", "centers"}


def capital(token: Token) -> bool:
    """A word of letters written with a capital: "Khumri", not "al" nor "1st"."""
    return token.is_alpha and token.text[:1].isupper()


def proper(token: Token) -> bool:
    return capital(token) and token.pos_ == "PROPN"


def _glued(token: Token) -> bool:
    """No space after the token: "Pul-e", not "Pul - e"."""
    return token.whitespace_ == ""


def hyphen_joined(doc: Doc, i: int) -> bool:
    """The particle at ``i`` sits between capitalised words, hyphens glued on both sides
    ("Port-au-Prince"), not written with spaces ("Port - au - Prince" is no such name)."""
    if i < 2 or i + 2 >= len(doc):
        return False
    left, right = doc[i - 1], doc[i + 1]
    return (
        left.text in HYPHENS
        and right.text in HYPHENS
        and all(_glued(doc[j]) for j in (i - 2, i - 1, i, i + 1))
        and capital(doc[i - 2])
        and capital(doc[i + 2])
    )


def name_before(doc: Doc, end: int, person: bool, named: bool = False) -> Span | None:
    """The run of capitalised proper nouns that ends before token ``end``; ``named`` (a place
    noun at ``end``): its last word may be one the tagger took for an adjective or a verb,
    where the entity model saw a name in it ("in Lowtan town", "the Sagaing region": an unknown
    name before a noun reads as its modifier), and a capitalised word between proper nouns is
    one of the name ("in Let Yet Kone village": "Yet" read as a conjunction)."""
    start = end
    if named and start > 0 and _named_modifier(doc[start - 1]):
        start -= 1
    while start > 0 and capital(doc[start - 1]) and doc[start - 1].pos_ == "PROPN":
        if doc[start - 1].ent_type_ in ("NORP", "PERSON") and not person:
            break
        start -= 1
        if named and start > 1 and _bridge(doc[start - 1]) and proper(doc[start - 2]):
            start -= 1
    return doc[start:end] if start < end else None


def _named_modifier(token: Token) -> bool:
    """A capitalised adjective or verb (by its tag) the entity model saw a name in."""
    return capital(token) and token.pos_ in ("ADJ", "VERB") and bool(token.ent_type_)


def _bridge(token: Token) -> bool:
    """A capitalised word inside a name that the tagger read as another part of speech."""
    return capital(token) and token.pos_ != "PROPN" and not token.is_sent_start


def _name_after(doc: Doc, start: int) -> Span | None:
    """The run of capitalised proper nouns that begins at token ``start``."""
    end = start
    while end < len(doc) and capital(doc[end]) and doc[end].pos_ == "PROPN":
        end += 1
    return doc[start:end] if end > start else None


def indices(values: Sequence[str], wanted: Collection[str]) -> list[int]:
    """The indices of the tokens whose value is one of ``wanted``."""
    return [i for i, value in enumerate(values) if value in wanted]


class PlaceSpans:
    """Built once with the lexicon; each finder scans a Doc for one family of names."""

    def __init__(
        self, lexicon: Lexicon, place_nouns: dict[str, PlaceType], demonyms: dict[str, str]
    ) -> None:
        self.particles = lexicon.word_set("places", "name_particles")
        self.hyphen_particles = lexicon.word_set("places", "hyphen_particles")
        spaced = lexicon.word_set("places", "spaced_particles")
        self.spaced_particles = spaced | lexicon.word_set("places", "spaced_ezafe")
        self.spaced_articles = lexicon.word_set("places", "spaced_articles")
        self.communities = lexicon.word_set("places", "community_words") | set(demonyms)
        self.place_nouns = place_nouns
        self.features = lexicon.word_set("places", "feature_nouns") | _FRONTS
        self.waters = lexicon.word_set("places", "water_heads")

    def seas(self, doc: Doc) -> list[Span]:
        """ "the Gulf", "the Red Sea", "the Gulf of Oman", "the Strait of Hormuz": a name whose
        last word is a sea's (``places.water_heads``), and the name "of" joins after it, is a
        region, whatever the model made of its words (a town "Gulf", the country "Oman"). Not a
        name the head only begins ("the Gulf Cartel"), nor one that modifies a noun after it
        ("the Lowtown Red Sea port": the port's name), nor a ship's ("HMS Ocean")."""
        seas = []
        for i, lower in enumerate(columns.lowers(doc)):  # a Token only where a sea's word is
            if lower not in self.waters or not capital(doc[i]):
                continue
            after = doc[i + 1] if i + 1 < len(doc) else None
            end = i + 1
            if after is not None and after.lower_ == "of":
                name = _name_after(doc, i + 2)
                if name is None:
                    continue
                end = name.end
            elif (after is not None and capital(after)) or self.modifier(doc, i):
                continue  # "the Gulf Cartel", "Red Sea Governorate", "the X Red Sea port"
            before = name_before(doc, i, person=True)
            if before is not None and any(t.is_upper and len(t) > 1 for t in before):
                continue  # "HMS Ocean": a ship
            seas.append(doc[before.start if before is not None else i : end])
        return seas

    # -- names joined by a particle ------------------------------------------------------------

    def joined(self, doc: Doc) -> list[Span]:
        """ "Pul-e Khumri", "Mazar-i-Sharif", "Deh-e Sabz", "Ras al-Ain", "Deir ez-Zor", and
        the names whose particle hyphens glue on both sides: "Port-au-Prince", "Aix-en-Provence"."""
        spans: list[Span] = []
        for i in indices(columns.texts(doc), self.particles | self.hyphen_particles):
            t = doc[i]
            if t.i < 1 or t.i + 2 > len(doc):
                continue
            left, right = doc[t.i - 1], doc[t.i + 1]
            if t.text not in self.particles and not hyphen_joined(doc, t.i):
                continue
            if left.text in HYPHENS and _glued(left) and t.i >= 2 and capital(doc[t.i - 2]):
                start = t.i - 2  # "Pul-e Khumri", "Mazar-i-Sharif"
                if not _glued(doc[start]):
                    continue
                end = t.i + 3 if right.text in HYPHENS and _glued(t) else t.i + 2
            elif capital(left) and right.text in HYPHENS and _glued(t) and _glued(right):
                start, end = t.i - 1, t.i + 3  # "Ras al-Ain"
            else:
                continue
            if end > len(doc) or not capital(doc[end - 1]):
                continue
            if spans and spans[-1].end > start:  # "Jisr al-Shughur al-Kabir": one name
                start = spans.pop().start
            spans.append(doc[start:end])
        return spans

    def hyphenated(self, name: Span) -> bool:
        """A name ``joined`` found by a particle glued with hyphens on both sides."""
        return any(t.text in self.hyphen_particles and hyphen_joined(name.doc, t.i) for t in name)

    def spaced(self, doc: Doc) -> list[Span]:
        """ "Catole do Rocha", "Lagos de Moreno", "Santa Cruz de la Sierra", "Dara i Nur":
        capitalised words, a lowercase particle (and an article) written with spaces,
        capitalised words."""
        spans: list[Span] = []
        lower = columns.lowers(doc)
        for i in indices(columns.texts(doc), self.spaced_particles):
            if i < 1 or not capital(doc[i - 1]) or (spans and spans[-1].end > i):
                continue
            end = i + 1
            if end < len(doc) and lower[end] in self.spaced_articles and doc[end].is_lower:
                end += 1
            if end == len(doc) or not capital(doc[end]):
                continue
            while end < len(doc) and capital(doc[end]):
                end += 1
            start = i - 1
            while start > 0 and capital(doc[start - 1]) and not doc[start - 1].is_sent_start:
                start -= 1
            spans.append(doc[start:end])
        return spans

    def bracketed(self, doc: Doc) -> list[Span]:
        """ "at the entry to Ar Rajban (Lowland Province)", "in As Shwayrif (Upland, Hilly)":
        the run of capitalised proper nouns (and capitalised particles of Arabic names: "As",
        "Al") right before an opening bracket, not begun by the sentence; whether the bracket
        names where it lies is for the caller to tell."""
        out: list[Span] = []
        for i in (i for i, t in enumerate(columns.texts(doc)) if t == "(" and i > 0):
            start = i
            while start > 0 and capital(w := doc[start - 1]) and not w.is_sent_start:
                if w.pos_ != "PROPN" and w.lower_ not in self.particles:
                    break
                start -= 1
            if start + 1 < i or (start < i and doc[start].lower_ not in self.particles):
                out.append(doc[start:i])  # a name, not a particle alone
        return out

    # -- names a place noun follows ------------------------------------------------------------

    def named_by_noun(self, doc: Doc) -> list[tuple[Span, PlaceType]]:
        """ "in Kushki Kuhna district", "in Nzerekore town", "on the Qaniyah front", "at the
        Rahbe intersection": a run of capitalised proper nouns right before a lower-case place
        noun (or a feature named after its place: ``places.feature_nouns``) is a place of its type,
        whatever the entity model made of it (a person, an organisation, a nationality).
        Names of communities and compass words ("the Syrian front", "the Eastern front") are
        not."""
        out = []
        for i, lower in enumerate(columns.lowers(doc)):
            ptype = PlaceType.OTHER if lower in self.features else self.place_nouns.get(lower)
            if ptype is None or i < 1 or not doc[i].is_lower or self.modifier(doc, i):
                continue
            name = name_before(doc, i, person=True, named=True)
            if name is None or any(
                w.lower_ in self.communities or w.lower_ in COMPASS for w in name
            ):
                continue
            if name.start > 0 and opens_demonym(
                doc[name.start - 1].lower_, name[0].lower_, self.communities
            ):
                continue  # "a Central African town"
            out.append((name, ptype))
        return out

    @staticmethod
    def modifier(doc: Doc, i: int) -> bool:
        """ "Michoacan state police", "the Kisumu county government": the place noun modifies
        the noun after it, and the whole is an actor's name ("town centre" is still the town)."""
        after = doc[i + 1] if i + 1 < len(doc) else None
        return (
            after is not None
            and after.is_lower
            and after.pos_ == "NOUN"
            and after.lower_ not in _CENTRES
        )
