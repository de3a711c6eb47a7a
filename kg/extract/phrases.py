"""The noun phrase a mention stands in: its determiner, titles and modifiers and, for a name that
modifies a noun naming a group, that noun ("the Foreign Secretary Boris Johnson", "the Assad
regime", "an ISIL tactical unit", "the Government of Iraq", "eastern Aleppo").

The phrase becomes the mention's anchor in the text (``Found.anchor``); the actor's or place's
label and key stay its name. Phrases that name an actor without its name ("the Foreign
Secretary", "the Iraqis") are :mod:`kg.extract.references`'. The word lists live in
``kg/data/lexicon.toml`` (``[mentions]``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import columns, parse_tree
from kg.extract.edges import (
    between_clean,
    edge_of,
    of_phrase_end,
    place_phrase,
    region_after,
    shares_of,
)
from kg.extract.found import Found
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.roots import span_root
from kg.extract.spans import countered
from kg.model import ActorType, PlaceType

__all__ = ["NounPhrases"]

_CLIMB_DEPS = frozenset({"compound", "nmod", "poss", "amod"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "that", "those"})
_ORDINALS = frozenset({"1st", "2nd", "3rd", "first", "second", "third"})  # a rating's "Class"


def load_honorifics() -> frozenset[str]:
    """ "Mr", "Dr": words before a name that add no role (``kg/data/names.toml``)."""
    return read_words("names.toml", "people", "honorifics")


class NounPhrases:
    """Built once per lexicon; ``anchor`` runs on every Doc's mentions."""

    def __init__(self, lexicon: Lexicon, demonyms: dict[str, str]) -> None:
        self.demonyms = demonyms  # demonym or country name (lower case) -> ISO code
        self.generic: dict[str, list[str]] = dict(lexicon.words["actors"]["generic"])
        self.group_heads = lexicon.word_set("mentions", "group_heads")
        self.of_heads = lexicon.word_set("mentions", "of_heads")
        self.place_modifiers = lexicon.word_set("mentions", "place_modifiers")
        self.place_nouns = lexicon.word_set("mentions", "place_nouns")
        self.region_nouns = read_words("names.toml", "places", "nouns_after")
        self.built_heads = read_words("names.toml", "places", "built_heads")
        self.water_heads = read_words("names.toml", "places", "water_heads")
        self.honorifics = load_honorifics()
        self.known = frozenset(a.key for a in lexicon.actors)

    def anchor(self, doc: Doc, found: list[Found]) -> None:
        """Set each mention's anchor to the noun phrase it heads or modifies; one phrase is
        one mention, so of two mentions with the same phrase the second keeps its name."""
        claimed = {(f.start, f.end) for f in found}
        places = {f.start: f for f in found if f.kind == "place"}
        text = columns.texts(doc)
        for f in found:
            if f.anchor is not None:
                continue  # set where it was found ("Minister for the Middle East Tobias Ellwood")
            if self._leader(doc, f):
                f.actor_type = ActorType.PERSON  # "the Asad regime": Asad is a person
            if f.kind == "actor":
                start, end = self._actor(doc, f)
                if f.actor_type is ActorType.PERSON:
                    start = _after_conjunct(doc, found, f, start)
                    start = _after_body(doc, found, f, start)
            else:
                start, end = place_phrase(doc, f, self.place_modifiers, self.place_nouns)
                if (start, end) == (f.start, f.end):
                    end = region_after(doc, f, places, self.place_modifiers)
                if (start, end) == (f.start, f.end):
                    start, end = self._place_noun_after(doc, f)
                if (start, end) == (f.start, f.end):
                    start = self._built_from(doc, f)
            if (start, end) != (f.start, f.end) and (start, end) not in claimed:
                claimed.add((start, end))
                f.anchor = (start, end)
                # a name inside a longer phrase is a mention too; a common noun is not
                # ("3 civilians" holds no mention "civilians")
                f.nested = any(text[i][:1].isupper() for i in range(f.start, f.end)) and (
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
        root = doc[span_root(doc, f.start, f.end)]
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

    def _built_from(self, doc: Doc, f: Found) -> int:
        """ "the Samarra Barrage", "the Lowtown Mosque": a built place's name, whose last word
        says what was built, keeps its "the" (the name's own article), as a body of water's
        does ("the Red Sea", "the Gulf"); the phrase's start, else the name's."""
        last = doc[f.end - 1]
        water = last.lower_ in self.water_heads
        if (
            f.start == 0
            or (f.end - f.start < 2 and not water)
            or not last.text[:1].isupper()
            or not (water or last.lower_ in self.built_heads)
            or doc[f.start - 1].lower_ != "the"
        ):
            return f.start
        return f.start - 1

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

    def _actor(self, doc: Doc, f: Found) -> tuple[int, int]:
        t = parse_tree.tree(doc)
        root = span_root(doc, f.start, f.end)
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
        named = f.start <= root < f.end  # the name's own words are no modifiers of it
        start = min(f.start, edge_of(doc, root, f.start if named else None))
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
        if t.lemma[root] in self.of_heads and not shares_of(doc[root]):
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


def _after_conjunct(doc: Doc, found: list[Found], f: Found, start: int) -> int:
    """ "Foreign Minister Lia Ken and Defence Minister Omar Farah": a person's phrase that the
    parse began at another person named before an "and" or "or" (the first name read as a
    modifier of the second) starts after the conjunction: one title, one person."""
    ends = [g.end for g in found if g is not f and g.kind == "actor"
            and g.actor_type is ActorType.PERSON and start < g.end <= f.start]  # fmt: skip
    for end in sorted(ends, reverse=True):
        cut = next((i for i in range(end, f.start) if doc[i].dep_ == "cc"), None)
        if cut is not None:
            return cut + 1
    return start


def _after_body(doc: Doc, found: list[Found], f: Found, start: int) -> int:
    """ "Envoy for the Coalition to Counter ISIL Brett McGurk": a person's phrase that the
    parse began before another body's name written right before the person's, with no title
    between them ("ISIL Brett McGurk"), is the person's name alone; "U.S. Army General Jo
    Brown" keeps its title, "the Lowland citizen Jo Brown" its common noun."""
    body = any(g.kind == "actor" and g.actor_type is not ActorType.PERSON
               and g.end == f.start and start <= g.start
               and doc[g.end - 1].text[:1].isupper() for g in found)  # fmt: skip
    return f.start if body else start


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
