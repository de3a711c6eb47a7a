"""Place names the entity model splits, misses or invents, settled after the mention passes
(:mod:`kg.extract.mentions`): one name joined by a particle ("Pul-e Khumri", "Ras al-Ain"),
the two towns of a road ("the Kitale-Lodwar road", "the road connecting X and Y":
:mod:`kg.extract.roads`), the town of an institution ("Garissa University", "the Mandera
police station"), a place's noun and "of" the model took for its name ("the Municipality
of"); the mentions that name no place of the article ("pro-Turkey factions", "the US dollar")
are :mod:`kg.extract.placeless`'. :mod:`kg.extract.place_spans` finds most of these names in
the Doc; this module decides what they make of the mentions."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract import columns
from kg.extract.found import Found
from kg.extract.institution_towns import InstitutionTowns
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.name_context import body_of
from kg.extract.place_spans import PlaceSpans, capital
from kg.extract.placeless import Placeless
from kg.extract.roads import COMPASS, road_ends
from kg.extract.spans import place_found
from kg.model import ActorType, PlaceType

__all__ = ["PlaceNames"]

# lower-case words before a name that place it: "in central Kut", "an area southeast Ar Rutba"
_BEARINGS = COMPASS | {"central", "northeast", "northwest", "southeast", "southwest", "downtown"}
_POSSESSIVES = {"'s", "'", "\u2019s", "\u2019"}


def _overlapping(found: list[Found], start: int, end: int) -> list[Found]:
    return [f for f in found if f.start < end and f.end > start]


_WIDE = frozenset({PlaceType.COUNTRY, PlaceType.PROVINCE, PlaceType.REGION})


class PlaceNames:
    """Built once with the lexicon, run on every Doc's mentions."""

    def __init__(
        self,
        lexicon: Lexicon,
        place_nouns: dict[str, PlaceType],
        locative: frozenset[str],
        demonyms: dict[str, str],
    ) -> None:
        self.spans = PlaceSpans(lexicon, place_nouns, demonyms)
        self.institution_towns = InstitutionTowns(lexicon, demonyms)
        self.placeless = Placeless(lexicon)
        self.routes = lexicon.word_set("places", "route_heads")
        self.lexicon_actors = {a.key for a in lexicon.actors}
        self.place_nouns = place_nouns
        self.locative = locative
        self.place_prepositions = lexicon.word_set("places", "place_prepositions")
        # "the streets of X", and "outside of X"
        self.place_parts = lexicon.word_set("places", "place_parts") | self.place_prepositions
        self.organisation_heads = read_words("names.toml", "organisations", "heads")
        self.titles = lexicon.word_set("mentions", "titles")
        # the war regions' best-known places, as news spells them ("Jisr al-Shughur")
        self.region_names = frozenset(
            name.lower() for names in lexicon.words["places"]["regions"].values() for name in names
        )

    def settle(self, doc: Doc, found: list[Found], taken: set[int]) -> list[Found]:
        """The mentions with these place names mended; tokens of dropped places stay taken."""
        kept = []
        for f in found:
            if f.kind == "place" and self.placeless.names_no_place(doc, f):
                taken.update(range(f.start, f.end))
            else:
                kept.append(f)
        for span in self.spans.joined(doc):
            if self.spans.hyphenated(span):
                kept = kept if self._titled(span) else self._join_hyphenated(kept, span)
            else:
                kept = self._join(doc, kept, span)
        for span in self.spans.spaced(doc):
            kept = self._join_spaced(doc, kept, span)
        for town in road_ends(doc, self.routes):
            kept = self._road_end(kept, town)
        for town, start, end in self.institution_towns.towns(doc):
            kept = self._institution(kept, town, start, end)
        for f in [f for f in kept if f.kind == "place"]:
            cut = self._noun_of(doc, f)
            if cut is not None:
                name, ptype = cut
                kept = self._replace(kept, f.start, max(f.end, name.end if name else 0), [])
                kept += [place_found(name, ptype)] if name is not None else []
        for name, ptype in self.spans.named_by_noun(doc):
            kept = self._noun_place(doc, kept, name, ptype)
        for f, ptype in [(f, t) for f in kept if (t := self._placed_actor(doc, f)) is not None]:
            kept = self._replace(kept, f.start, f.end, [place_found(doc[f.start : f.end], ptype)])
        for name in self.spans.bracketed(doc):
            kept = self._bracketed(doc, kept, name)
        for sea in self.spans.seas(doc):
            if not any(f.kind == "actor" for f in _overlapping(kept, sea.start, sea.end)):
                kept = self._replace(kept, sea.start, sea.end, [place_found(sea, PlaceType.REGION)])
        return sorted(kept, key=lambda f: f.start)

    # -- names joined by a particle ------------------------------------------------------------

    def _join_spaced(self, doc: Doc, found: list[Found], span: Span) -> list[Found]:
        """One name, when the words are a place's (a part of them one, or none a mention and
        the name told as a place's) and no part is an actor's or a country's name: not the
        "Forces Democratiques de Liberation du Rwanda", nor "Jose da Silva" the person."""
        parts = _overlapping(found, span.start, span.end)
        if any(f.kind != "place" or f.place_type is PlaceType.COUNTRY for f in parts):
            return found
        return self._join(doc, found, span)

    def _join(self, doc: Doc, found: list[Found], span: Span) -> list[Found]:
        parts = _overlapping(found, span.start, span.end)
        places = [f for f in parts if f.kind == "place"]
        inside = all(span.start <= f.start and f.end <= span.end for f in parts)
        if not places and not (inside and self._in_place_context(doc, span)):
            return found
        start = min([span.start, *(f.start for f in parts)])
        end = max([span.end, *(f.end for f in parts)])
        types = [f.place_type for f in places if f.place_type not in (None, PlaceType.OTHER)]
        after = doc[end].lemma_.lower() if end < len(doc) else ""
        ptype = types[0] if types else self.place_nouns.get(after, PlaceType.OTHER)
        return self._replace(found, start, end, [place_found(doc[start:end], ptype)])

    def _titled(self, span: Span) -> bool:
        """A title, not a place: "Editor-in-Chief", "Commander-in-Chief"."""
        return any(t.lower_ in self.titles for t in span)

    def _join_hyphenated(self, found: list[Found], span: Span) -> list[Found]:
        """ "Port-au-Prince", "Aix-en-Provence": words a particle joins with hyphens on both
        sides are one place's name, whatever the model made of a part ("Prince" a person,
        "Provence" the region, or nothing), unless a part is a group's or a country's, or a
        person's name that runs on past it ("Jean-de-Dieu Lowande")."""
        parts = _overlapping(found, span.start, span.end)
        if any(_named_group(f) or f.place_type is PlaceType.COUNTRY for f in parts):
            return found
        if any(f.kind == "actor" and not span.start <= f.start < f.end <= span.end for f in parts):
            return found  # "Jean-de-Dieu Lowande": a person's name runs on past it
        start = min([span.start, *(f.start for f in parts)])
        end = max([span.end, *(f.end for f in parts)])
        types = [f.place_type for f in parts if f.place_type not in (None, PlaceType.OTHER)]
        ptype = types[0] if types and types[0] not in _WIDE else PlaceType.OTHER
        return self._replace(found, start, end, [place_found(span.doc[start:end], ptype)])

    def _in_place_context(self, doc: Doc, span: Span) -> bool:
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lemma_.lower() if span.end < len(doc) else ""
        return before in self.locative or after in self.place_nouns

    # -- roads and institutions ----------------------------------------------------------------

    def _road_end(self, found: list[Found], town: Span) -> list[Found]:
        """A road's end is a place, unless it is an actor the lexicon knows or a country."""
        parts = _overlapping(found, town.start, town.end)
        if any(f.key in self.lexicon_actors or f.place_type == PlaceType.COUNTRY for f in parts):
            return found
        if any(f.kind == "place" and (f.start, f.end) == (town.start, town.end) for f in parts):
            return found
        return self._replace(found, town.start, town.end, [place_found(town, PlaceType.OTHER)])

    def _institution(self, found: list[Found], town: Span, start: int, end: int) -> list[Found]:
        parts = _overlapping(found, start, end)
        if any(f.key in self.lexicon_actors or f.place_type == PlaceType.COUNTRY for f in parts):
            return found
        if any(f.kind == "place" and (f.start, f.end) == (town.start, town.end) for f in parts):
            return found  # "near Dadaab refugee camp": the town is already a place
        types = [f.place_type for f in parts if f.kind == "place" and f.place_type is not None]
        ptype = types[0] if types else PlaceType.OTHER
        return self._replace(found, start, end, [place_found(town, ptype)])

    # -- a place's noun and "of" taken for its name -----------------------------------------

    def _noun_of(self, doc: Doc, f: Found) -> tuple[Span | None, PlaceType] | None:
        """ "in the Municipality of Nuevo Laredo", "the Municipality of Puerto Lowtown": the
        entity model's place is a place's noun and "of" (the name cut off, or only its first
        word kept); the place is the name after them (none when no name follows), of the
        model's type (a municipality is named after its seat, the town news means). A name
        the model kept whole after a province's noun is that province's ("the State of
        Mexico" is not Mexico)."""
        start = f.start + int(doc[f.start].lower_ == "the")
        of = start + 1
        if of >= f.end or doc[of].lower_ != "of":
            return None
        noun = self.place_nouns.get(doc[start].lemma_.lower())
        if noun is None or (of + 1 < f.end and noun is PlaceType.PROVINCE):
            return None
        end = f.end
        while end < len(doc) and capital(doc[end]):
            end += 1
        return (doc[of + 1 : end] if end > of + 1 else None), f.place_type or PlaceType.OTHER

    # -- names a place noun follows -------------------------------------------------------------

    def _noun_place(
        self, doc: Doc, found: list[Found], name: Span, ptype: PlaceType
    ) -> list[Found]:
        parts = _overlapping(found, name.start, name.end)
        if _cut_at_bridge(name, parts):  # "Let Yet Kone village": one name, not two towns
            return self._replace(found, name.start, name.end, [place_found(name, ptype)])
        if any(f.kind == "place" for f in parts):
            return found  # already a place (its type and extent are the mention rules')
        if any(f.key in self.lexicon_actors for f in parts):
            return found  # a known actor ("the Taliban district")
        noun = name.end
        longer = [f for f in parts if f.start < name.start or f.end > noun + 1]
        if not longer:
            return self._replace(found, name.start, name.end, [place_found(name, ptype)])
        start, end = min(f.start for f in longer), max(f.end for f in longer)
        if end > noun:  # "Shah Joy district Zabul": no actor's name holds a lower-case place noun
            return self._replace(found, start, end, [place_found(doc[start:end], ptype)])
        if end == noun and self._place_phrase(doc, start):  # "in Laram of Muqur district"
            end = noun + 1  # with the province glued after it: "... district Ghazni"
            end = next((f.end for f in found if f.kind == "place" and f.start == end), end)
            return self._replace(found, start, end, [place_found(doc[start:end], ptype)])
        return found  # a longer name ("MP John Mbadi of Suba constituency")

    # -- a name a bracket of places follows -------------------------------------------------

    def _bracketed(self, doc: Doc, found: list[Found], name: Span) -> list[Found]:
        """ "killed six civilians at the entry to Ar Rajban (Lowland Province)": a name whose
        bracket opens with a place is a place (the bracket tells where it lies, as ACLED's
        notes and many wires write "Town (District, Province)"), whatever the entity model made
        of it or missed; not a place already, an actor the lexicon knows, a name inside a
        longer mention, nor a titled person ("Governor Ali Musa (Upland)")."""
        first = next((f for f in found if f.start == name.end + 1), None)
        if first is None or first.kind != "place":
            return found
        parts = _overlapping(found, name.start, name.end)
        if any(
            f.kind == "place"
            or f.key in self.lexicon_actors
            or f.start < name.start
            or f.end > name.end
            for f in parts
        ):
            return found
        if name.start > 0 and doc[name.start - 1].lower_ in self.titles:
            return found
        return self._replace(found, name.start, name.end, [place_found(name, PlaceType.OTHER)])

    # -- names the model took for actors where the text places them ---------------------------

    def _placed_actor(self, doc: Doc, f: Found) -> PlaceType | None:
        """ "in Laram", "near central Kut", "the streets of Kitui", "the village of X": a name
        the entity model took for a person or an organisation is a place when a preposition of
        place or a place's noun and "of" governs it, or when it is one of the lexicon's known
        places of a war region named in two words or more (``[places.regions]``: "Airstrikes
        hit Jisr al-Shughur"); the type the noun gives, else OTHER. Not
        an actor the lexicon knows, an organisation's name ("at Kenyatta University"), a
        titled person, a person's possessive ("in Ruto's cabinet"), nor a name an organisation's
        noun follows ("shot at Morelos police") or heads before "of" ("at the Ministry of
        Culture")."""
        if f.kind != "actor" or f.key in self.lexicon_actors or f.anchor is not None:
            return None
        last, after = doc[f.end - 1], doc[f.end] if f.end < len(doc) else None
        if not capital(doc[f.start]) or last.lower_ in self.organisation_heads:
            return None
        if body_of(doc[f.start : f.end], self.organisation_heads):
            return None
        if after is not None and (
            after.text in _POSSESSIVES
            or (after.is_lower and after.lower_ in self.organisation_heads)
        ):
            return None  # "at Morelos police": the name names whose police
        name = columns.span_text(doc, f.start, f.end)
        if " " in name and name.lower() in self.region_names and f.label == name:
            # "Airstrikes hit Jisr al-Shughur": a war region's known place of two words or
            # more (one word may be a surname: "Mr Meru", "Ahmed Meru ... Meru denied")
            return PlaceType.OTHER
        return self._place_phrase(doc, f.start)

    def _place_phrase(self, doc: Doc, start: int) -> PlaceType | None:
        """The place type the words before a name at ``start`` give it: a preposition of place
        ("in", "near"), a lower-case bearing ("central Kut", "southeast Ar Rutba"), or "of"
        after a place's noun or one of its parts ("the district of", "the streets of")."""
        i = start - 1
        if i >= 0 and doc[i].is_lower and doc[i].lower_ in _BEARINGS:
            return PlaceType.OTHER
        if i < 0 or not doc[i].is_lower:
            return None
        if doc[i].lower_ in self.place_prepositions:
            return PlaceType.OTHER
        if doc[i].lemma_.lower() in self.place_nouns and doc[start].lower_ not in self.titles:
            return PlaceType.OTHER  # "the town Tell Halaf", "Dikili and Foca districts Izmir"
        if doc[i].lower_ != "of" or i < 1 or not (doc[i - 1].is_lower or doc[i - 1].is_upper):
            return None  # not "the University of X"; "the CBD of X" is a place's part
        noun = doc[i - 1].lemma_.lower()
        if noun in self.place_nouns:
            return self.place_nouns[noun]
        return PlaceType.OTHER if {noun, doc[i - 1].lower_} & self.place_parts else None

    @staticmethod
    def _replace(found: list[Found], start: int, end: int, new: list[Found]) -> list[Found]:
        return [f for f in found if not (f.start < end and f.end > start)] + new


def _named_group(f: Found) -> bool:
    """An actor mention that is a group's, not a person's (the model's "Prince")."""
    return f.kind == "actor" and f.actor_type is not ActorType.PERSON


def _cut_at_bridge(name: Span, parts: list[Found]) -> bool:
    """The model made places of parts of one name a place noun follows, leaving words of it
    out ("Let Yet Kone village": "Let" and "Kone", "Yet" read as a conjunction): parts that
    are all places below a province's size (not "Lowland Province Hightown district") inside
    the name, and a word of the name in none of them."""
    covered = {i for f in parts for i in range(f.start, f.end)}
    return (
        bool(parts)
        and any(t.i not in covered for t in name)
        and all(
            f.kind == "place"
            and f.place_type not in _WIDE
            and name.start <= f.start
            and f.end <= name.end
            for f in parts
        )
    )
