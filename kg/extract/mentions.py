"""Find the actors and places an article names, on a parsed spaCy ``Doc``.

Three sources, in order of trust: the shipped gazetteers (named actors, countries) matched as
phrases; spaCy's named entities, re-typed by their syntactic context ("the town of X" is a place
whatever the model's label); and rules for what the small model misses (proper nouns after
"the towns of" or a locative preposition; generic actors such as "Syrian troops", "rebels",
"gunmen", tied to a country: ``kg/extract/generic.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract import columns
from kg.extract.acronyms import acronyms
from kg.extract.found import Found
from kg.extract.generic import GenericActors, coalitions
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.phrases import NounPhrases
from kg.extract.place_names import PlaceNames
from kg.extract.recurring import numbered, recurring
from kg.extract.refuge import Refuges
from kg.extract.spans import (
    BEARINGS,
    a_city_of,
    break_cycles,
    captive,
    country_unit,
    entity_parts,
    ground_taken,
    is_calendar_word,
    opposed,
    place_found,
    proper_noun_runs,
    rank_before_name,
    surnames,
    titled_person,
    trim,
    unlabelled_surnames,
    vessel_tokens,
    whole_name,
)
from kg.keys import name_key
from kg.model import ActorType, PlaceType

__all__ = ["Found", "MentionFinder", "Mentions", "place_rank"]

_PLACE_RANK = {
    PlaceType.TOWN: 0,
    PlaceType.DISTRICT: 1,
    PlaceType.PROVINCE: 2,
    PlaceType.REGION: 2,
    PlaceType.COUNTRY: 3,
    PlaceType.OTHER: 1,
}
# actors whose men and women are civilians all the same ("the women of the Hawiye clan")
_NO_BODIES = frozenset({ActorType.PERSON, ActorType.CIVILIANS, ActorType.IDENTITY_MILITIA})
_COMPASS = frozenset({"north", "south", "east", "west"})
_CAPITAL_PREPOSITIONS = frozenset({"Near", "Outside", "Around", "Inside"})


def load_organisation_heads() -> frozenset[str]:
    """Last words that make a name an organisation's (``kg/data/names.toml``)."""
    return read_words("names.toml", "organisations", "heads")


def place_rank(place_type: PlaceType) -> int:
    """Smaller is more specific: town < district < province, region < country."""
    return _PLACE_RANK[place_type]


@dataclass(slots=True)
class Mentions:
    found: list[Found]
    main_country: str
    main_place: str = ""  # the key of the main country's place, when the article names it
    by_token: dict[int, Found] = field(init=False)
    event_country: str = ""  # the country the article's events happen in, where told
    implied: dict[str, tuple[str, ActorType]] = field(default_factory=dict)
    # noun phrases that name an actor by a role or a common noun ("the Foreign Secretary",
    # "the Government of Iraq"): mentions in the graph, not read by the event rules
    references: list[Found] = field(default_factory=list)
    # a country's name that is its place's only mention, where the country acts ("U.S.
    # airstrikes"): the span stays the place's, and the event rules read the state there
    acting: dict[int, Found] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_token = {i: f for f in self.found for i in range(f.start, f.end)}

    def at(self, i: int) -> Found | None:
        return self.acting.get(i) or self.by_token.get(i)

    def add(self, found: list[Found]) -> None:
        """Mentions found after the mention finder's, before the events (states, the
        coalition), so that the event rules read them; an actor's phrase wins its tokens
        from a place named inside it ("the UK" acts, "UK" stays the place's name)."""
        self.found += found
        for f in found:
            for i in range(f.start, f.end):
                current = self.by_token.get(i)
                if current is None or (f.kind == "actor" and current.kind == "place"):
                    self.by_token[i] = f

    def imply_acting(self, used: set[str]) -> None:
        """The states read only where a place named once acts, that an event took as an
        actor: actors the text implies, with no mention of their own (the span is the
        place's)."""
        for f in self.acting.values():
            if f.key in used and f.actor_type is not None:
                self.implied.setdefault(f.key, (f.label, f.actor_type))

    def implicit(self, label: str, actor_type: ActorType) -> str:
        """An actor the text implies but does not name (the unnamed perpetrator of an attack,
        as ACLED codes it); it has no mention. Its key."""
        key = name_key(label)
        self.implied[key] = (label, actor_type)
        return key

    def retype(self, key: str, label: str, actor_type: ActorType) -> str:
        """Give every mention of an actor another identity (its role in an event); the new key."""
        new_key = name_key(label)
        for f in self.found:
            if f.key == key and f.kind == "actor":
                f.key, f.label, f.actor_type, f.external = new_key, label, actor_type, False
        return new_key

    def at_key(self, key: str) -> Found | None:
        """The first mention of the actor or place with this key."""
        return next((f for f in self.found if f.key == key), None)


def _named_actor(span: Span, actor_type: ActorType) -> Found:
    """An actor named by the words of ``span``."""
    text = columns.text(span)
    return Found("actor", span.start, span.end, name_key(text), text, actor_type=actor_type)


class MentionFinder:
    """Built once per model (the phrase matchers hold its vocabulary), run on every Doc."""

    def __init__(self, nlp: Any, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.actors = {a.key: a for a in lexicon.actors}
        for actor in lexicon.actors:
            self._add(nlp, f"A:{actor.key}", (actor.label, *actor.aliases))
        for country in lexicon.countries:
            self._add(nlp, f"C:{country.iso}", (country.name, *country.aliases))
        self.demonyms: dict[str, str] = {}
        for country in lexicon.countries:
            for name in (*country.demonyms, country.name, *country.aliases):
                self.demonyms.setdefault(name.lower(), country.iso)
        words = lexicon.words
        self.place_nouns: dict[str, PlaceType] = {}
        for kind, ptype in (
            ("town", PlaceType.TOWN),
            ("district", PlaceType.DISTRICT),
            ("province", PlaceType.PROVINCE),
        ):
            for noun in words["places"][kind]:
                self.place_nouns[noun] = ptype
        self.locative = lexicon.word_set("places", "locative_prepositions")
        self.region_heads = lexicon.word_set("places", "region_heads")
        self.place_verbs = lexicon.word_set("places", "place_verbs")
        self.communities = lexicon.word_set("places", "community_words")
        self.not_names = lexicon.word_set("mentions", "not_names")
        self.operation_words = lexicon.word_set("mentions", "operation_words")
        self.agreement_heads = lexicon.word_set("mentions", "agreement_heads")
        self.titles = lexicon.word_set("mentions", "titles")
        self.portfolios = read_words("names.toml", "people", "portfolios")
        self.route_words = lexicon.word_set("mentions", "route_words")
        self.taken_verbs = read_words("names.toml", "places", "taken_verbs")
        self.ranks = read_words("names.toml", "people", "ranks")
        self.services = read_words("names.toml", "people", "services")
        self.taking_nouns = read_words("names.toml", "places", "taking_nouns")
        self.organisation_heads = load_organisation_heads()
        self.kin_nouns = read_words("names.toml", "organisations", "kin_nouns")
        self.generics = GenericActors(lexicon, self.demonyms)
        self.refuges = Refuges(lexicon)
        self.phrases = NounPhrases(lexicon, self.demonyms)
        self.place_names = PlaceNames(lexicon, self.place_nouns, self.locative, self.demonyms)

    def _add(self, nlp: Any, label: str, names: tuple[str, ...]) -> None:
        exact = [n for n in names if n.isupper() and len(n.replace(".", "")) <= 6]
        other = [n for n in names if n not in exact]
        if other:
            self.lower.add(label, list(nlp.tokenizer.pipe(other)))
        if exact:
            self.exact.add(label, list(nlp.tokenizer.pipe(exact)))

    # -- the passes ---------------------------------------------------------------------------

    def find(self, doc: Doc) -> Mentions:
        spans = self._gazetteer(doc)
        taken = {i for s in spans for i in range(s.start, s.end)} | vessel_tokens(doc)
        found = [self._from_gazetteer(s) for s in spans]
        countries = {i for s in spans if s.label_.startswith("C:") for i in range(s.start, s.end)}
        found += self._entities(doc, taken, countries)
        surnames(doc, found, self.actors)
        taken |= {i for f in found for i in range(f.start, f.end)}
        found += unlabelled_surnames(doc, found, taken)  # "'We will win,' Lyons said"
        taken |= {i for f in found for i in range(f.start, f.end)}
        known = {i for s in spans for i in range(s.start, s.end)}
        found += self._proper_noun_places(doc, taken, known)
        found = self.place_names.settle(doc, found, taken)
        found += acronyms(doc, found, taken)  # "the Harakat Nour al-Din Brigade (HNDB)"
        taken |= {i for f in found for i in range(f.start, f.end)}
        found += recurring(doc, found, taken)  # an organisation's name used again
        taken |= {i for f in found for i in range(f.start, f.end)}
        places = {f.key for f in found if f.kind == "place"}
        for f in found:  # "the recapture of the Halfaya": a place named elsewhere stays a place
            if f.kind == "actor" and f.key in places and f.key not in self.actors:
                f.kind, f.actor_type, f.place_type = "place", None, PlaceType.OTHER
        _shortened(doc, found, self.actors)  # "the CJTF releases" of CJTF-OIR
        # "refugees fled to Bangladesh": where people went tells no country of the events
        fled = {id(f) for f in self.refuges.destinations(doc, found)}
        voting = [f for f in found if id(f) not in fled]
        main = self._main_country(doc, voting)
        # "Russian bombers struck rebel positions": the rebels are not Russia's; a demonym
        # naming whose war machines strike tells no country of those they strike
        home = self._main_country(doc, voting, arms=False)
        # "US soldiers": the country's name tells whose they are; the generic rules name them
        owning = self.generics.owners(doc, found)
        found = [f for f in found if f not in owning]
        owners = frozenset(i for f in owning for i in range(f.start, f.end))
        _within_country(found, self.actors, main)
        dep, head = columns.deps(doc), columns.heads(doc)
        # nor does a country that acts ("Turkey shelled ...", "rebels backed by Iran")
        event = self.generics.event_country(
            doc, [f for f in found if id(f) not in fled and not acting_country(f, dep, head)]
        )
        bodies = [f for f in found if f.kind == "actor" and f.actor_type not in _NO_BODIES]
        actors = frozenset(i for f in bodies for i in range(f.start, f.end))
        found += self.generics.find(doc, taken, event or main, actors, owners, event or home)
        self.generics.abroad(found, event)
        coalitions(found)
        found.sort(key=lambda f: f.start)
        self._settle_places(doc, found)
        self.phrases.anchor(doc, found)
        main_place = next((f.key for f in found if f.kind == "place" and f.country == main), "")
        return Mentions(
            found,
            main,
            main_place,
            references=self.phrases.references(doc, found, main),
            event_country=event,
        )

    def _gazetteer(self, doc: Doc) -> list[Span]:
        matches = [*self.lower(doc), *self.exact(doc)]
        spans = [
            Span(doc, s, e, label=m)
            for m, s, e in matches
            if not opposed(doc, s) and not a_city_of(doc, m, e)
        ]
        return list(filter_spans(spans))

    def _from_gazetteer(self, span: Span) -> Found:
        kind, _, key = span.label_.partition(":")
        if kind == "A":
            actor = self.actors[key]
            return Found("actor", span.start, span.end, actor.key, actor.label,
                         actor_type=actor.actor_type, country=actor.country)  # fmt: skip
        country = self.lex.country_by_iso[key]
        return Found("place", span.start, span.end, name_key(country.name), country.name,
                     place_type=PlaceType.COUNTRY, country=key)  # fmt: skip

    def _entities(self, doc: Doc, taken: set[int], countries: set[int]) -> list[Found]:
        out = []
        for ent, label in entity_parts(doc):
            if label not in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
                continue
            span = trim(ent)
            if (
                span is not None
                and label == "ORG"
                and country_unit(span, countries, self.organisation_heads)
            ):
                out.append(_named_actor(span, ActorType.ORGANISATION))  # the country nests
                continue
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if len(span) == 1 and self.generics.names_a_people_in_arms(span[0]):
                continue  # "Tuareg rebels": an ethnic militia (generic.py), no person "Tuareg"
            if len(span) == 1 and self.generics.common_actor_noun(span[0]):
                continue  # "Rebels succeeded in ...", labelled GPE: the generic rules' rebels
            after_preposition = len(span) > 1 and self._preposition(span[0])
            # "Near Sinjar, ...": a capital preposition the model read as part of a name
            before = doc[span.start - 1] if span.start > 0 else None
            after_capital = before is not None and before.text in _CAPITAL_PREPOSITIONS
            if after_preposition:  # "Near Palmyra, ...": the model took the preposition in
                span = span[1:]
            whole = whole_name(span)  # "Dayr az Zawr" cut at "az"
            if not any(i in taken for i in range(whole.start, whole.end)):
                span = whole
            end = numbered(doc, span.start, span.end) if label == "ORG" else span.end
            if end > span.end and end - 1 not in taken:
                span = doc[span.start : end]  # "CTF 150": the number ends the unit's name
            machine = _machine(span)
            if machine is not None and not self._organisation_name(span):  # "F-16 Squadron"
                span = span[:machine]  # "Air Force F-16 Fighting Falcons": the Air Force's
                if not len(span):
                    continue
            if is_calendar_word(span) or self._not_a_name(span) or self._body(span):
                continue
            if rank_before_name(span, self.ranks, self.services):  # "Staff Sgt." Albert Connelly
                continue
            if span.root.pos_ not in ("PROPN", "NOUN") or span.root.is_lower:
                continue
            titled = titled_person(span, self.titles, self.organisation_heads, self.demonyms)
            if titled is not None:  # "Minister for the Middle East Tobias Ellwood"
                title, person = titled
                out.append(Found("actor", person.start, person.end, name_key(columns.text(person)),
                                 columns.text(person), actor_type=ActorType.PERSON,
                                 anchor=(title, person.end), nested=True))  # fmt: skip
                portfolio = trim(doc[span.start : person.start])
                if portfolio is not None and len(portfolio):  # "the Middle East": a place
                    out.append(place_found(portfolio, self._region_or(portfolio, PlaceType.OTHER)))
                continue
            if self._kin_group(span):  # "the Al Bu Nimr tribe": a tribe, not a person
                out.append(_named_actor(span, ActorType.IDENTITY_MILITIA))
                continue
            if self._organisation_name(span):  # "from the 158th Fighter Wing"
                out.append(_named_actor(span, ActorType.ORGANISATION))
                continue
            place_type = self._place_context(span)
            if place_type is None and (after_preposition or after_capital):
                place_type = self._region_or(span, PlaceType.OTHER)
            if place_type is None and label in ("GPE", "LOC", "FAC"):
                place_type = self._region_or(span, PlaceType.OTHER)
            if place_type is not None:
                out.append(place_found(span, place_type))
            elif label == "ORG":
                out.append(_named_actor(span, ActorType.ORGANISATION))
            else:
                out.append(_named_actor(span, ActorType.PERSON))
        return out

    def _proper_noun_places(self, doc: Doc, taken: set[int], known: set[int]) -> list[Found]:
        """Places named by proper nouns the model left unlabelled; ``known``: the tokens of
        the gazetteers' names."""
        out = []
        for span in proper_noun_runs(doc, taken):
            name = columns.text(span).lower()
            if name in self.demonyms or name in self.communities:
                continue  # "Syrian", "Afghan": not places
            if name.endswith("s") and name[:-1] in self.communities:
                continue  # "killed five Christians", "attacked Yazidis": people, no place
            if len(span) > 1 and self._preposition(span[0]):
                out.append(place_found(span[1:], self._region_or(span, PlaceType.OTHER)))
                continue  # "Near Sinjar, ...": the capital made the preposition a name
            if self._body(span):
                continue
            if self._kin_group(span):  # "a sheikh of the Karabla clan", left unlabelled
                whole = whole_name(span)  # "the Al bu Nimr tribe" cut at "bu"
                if any(i in taken for i in range(whole.start, whole.end)):
                    whole = span
                out.append(_named_actor(whole, ActorType.IDENTITY_MILITIA))
                continue
            place_type = self._place_context(span)
            if place_type is None and self._listed_place(span):
                place_type = PlaceType.OTHER  # "access to eastern Aleppo": a listed place
            if place_type is None or _continues_name(span, known):
                continue  # "the Pentagon Press", "the US Secretary of State": not a place
            if self._organisation_name(span):  # "deployed from the 158th Fighter Wing"
                out.append(_named_actor(span, ActorType.ORGANISATION))
            else:
                out.append(place_found(span, place_type))
        return out

    def _listed_place(self, span: Span) -> bool:
        """A name of the lexicon's places where foreign forces fight ("Aleppo"), not the end
        of a longer name ("the Gulf of Aden"), nor telling where people are from ("Isiolo
        herders", "an Embu man": a community, typed by the generic rules)."""
        doc, i = span.doc, span.start
        of_name = i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].text[:1].isupper()
        root = span.root
        people = (
            root.dep_ in ("compound", "amod", "nmod")
            and root.head.i >= span.end
            and root.head.pos_ in ("NOUN", "PROPN")
            and root.head.lower_ not in self.place_nouns
            and root.head.lower_ not in self.phrases.region_nouns
        )
        return not of_name and not people and columns.text(span).lower() in self.generics.regions

    def _not_a_name(self, span: Span) -> bool:
        """Weapons, military operations and agreements the model takes for organisations: "a
        VBIED", "Operation Inherent Resolve", "the Cessation of Hostilities"."""
        return (
            columns.text(span).lower() in self.not_names
            or span[0].lower_ in self.operation_words
            or (span[0].text[:1].isupper() and span[0].lower_ in self.agreement_heads)
            or (len(span) > 1 and span[-1].text[:1].isupper()
                and span[-1].lower_ in self.agreement_heads)
            or self._portfolio(span)
        )  # fmt: skip

    def _body(self, span: Span) -> bool:
        """One capitalised word naming a kind of body ("support from the Coalition", "the
        Army's barracks"): no place, and the generic nouns say whose body it is."""
        return len(span) == 1 and span[0].lower_ in self.organisation_heads

    def _portfolio(self, span: Span) -> bool:
        """ "Secretary of State", "Minister of Interior": a portfolio after a title's "of"."""
        doc, i = span.doc, span.start
        return (
            i > 1
            and doc[i - 1].lower_ == "of"
            and doc[i - 2].lower_ in self.titles
            and columns.text(span).lower() in self.portfolios
        )

    def _organisation_name(self, span: Span) -> bool:
        """A name of several words whose last word names an organisation ("Air Reserve
        Component", "Kurdistan Regional Government"), not a country's or a place's own."""
        last = span[-1]
        return (
            len(span) > 1
            and last.text[:1].isupper()
            and last.lower_ in self.organisation_heads
            and columns.text(span).lower() not in self.demonyms
        )

    def _kin_group(self, span: Span) -> bool:
        """A name that modifies "tribe" or "clan" ("the Darood clan"), that a "clan of" or
        "tribe of" governs ("a sub-clan of the Hawiye") or that is called one ("the Abgaal are
        a sub-clan") names a kin group."""
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and after.lower_ in self.kin_nouns and after.pos_ == "NOUN":
            return True
        root = span.root
        head = root.head
        if root.dep_ == "pobj" and head.lower_ == "of":
            return head.head.lower_ in self.kin_nouns
        if root.dep_ == "nsubj" and head.lemma_ == "be":
            return any(c.dep_ == "attr" and c.lower_ in self.kin_nouns for c in head.children)
        return False

    def _preposition(self, token: Token) -> bool:
        """A locative preposition, not a compass word that starts a name ("West Bank")."""
        return token.lower_ in self.locative and token.lower_ not in _COMPASS

    def _place_context(self, span: Span) -> PlaceType | None:
        """The place type a proper-noun span's syntax gives it, or None if not a place."""
        root = span.root
        while root.dep_ == "conj" and root.head.i < span.start:
            root = root.head
        head = root.head
        if (
            root.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in self.place_nouns
        ):
            noun = head.head.lemma_.lower()
            return self._region_or(span, self.place_nouns[noun])
        if root.dep_ == "pobj" and head.lower_ in self.locative:
            return self._region_or(span, PlaceType.OTHER)
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in BEARINGS:
            return self._region_or(span, PlaceType.OTHER)  # "areas north and west of Raqqah"
        if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in self.route_words:
            return self._region_or(span, PlaceType.OTHER)  # "on the way to Raqqah"
        if root.dep_ == "dobj" and head.lemma_.lower() in self.place_verbs and not captive(head):
            return self._region_or(span, PlaceType.OTHER)  # "captured Rasafa", "shelled Pivnichne"
        if ground_taken(root, self.taken_verbs, self.taking_nouns):  # "Sinjar was liberated"
            return self._region_or(span, PlaceType.OTHER)
        if root.dep_ == "poss" and head.lemma_.lower() in self.place_nouns:
            return self._region_or(span, PlaceType.OTHER)
        if root.dep_ in ("compound", "nmod") and head.lemma_.lower() in self.place_nouns:
            if any(t.text == "," for t in root.doc[span.end : head.i]):
                return PlaceType.OTHER  # "Horlivka, Donetsk region": a place in the region
            return self._region_or(span, self.place_nouns[head.lemma_.lower()])
        return None

    def _region_or(self, span: Span, default: PlaceType) -> PlaceType:
        return PlaceType.REGION if span[-1].lower_ in self.region_heads else default

    def _main_country(self, doc: Doc, found: list[Found], arms: bool = True) -> str:
        """The country the article's names and demonyms name most (a place counts twice);
        ``arms`` false: the country where things happen, not counting war machines named
        ("Russian bombers", a demonym that says whose they are) nor a country that acts
        ("rebels backed by Iran")."""
        votes: Counter[str] = Counter()
        dep, head = columns.deps(doc), columns.heads(doc)
        for f in found:
            if not arms and self._abroad(doc, f):
                continue
            if f.country:
                acting = f.kind == "place" and acting_country(f, dep, head)
                if arms or not acting:
                    votes[f.country] += 2 if f.kind == "place" and not acting else 1
        pos, ent_type = columns.poses(doc), columns.ent_types(doc)
        for i, lower in enumerate(columns.lowers(doc)):
            iso = self.demonyms.get(lower)
            if not iso or pos[i] not in ("ADJ", "PROPN") or ent_type[i] != "NORP":
                continue
            if arms or not self.generics.arms_of(doc[i]):
                votes[iso] += 1
        return votes.most_common(1)[0][0] if votes else ""

    def _abroad(self, doc: Doc, f: Found) -> bool:
        """A state's war machines named ("Russian bombers"), of a country where the lexicon
        places no war: they strike abroad, as :meth:`GenericActors.arms_of` reads them."""
        return (
            f.kind == "actor"
            and f.country not in self.generics.war_countries
            and doc[f.start : f.end].root.lemma_.lower() in self.generics.hardware
        )

    def _settle_places(self, doc: Doc, found: list[Found]) -> None:
        """One type per place (the most telling mention wins) and what contains what."""
        places = [f for f in found if f.kind == "place"]
        best: dict[str, PlaceType] = {}
        for f in places:
            assert f.place_type is not None
            if best.get(f.key, PlaceType.OTHER) == PlaceType.OTHER:
                best[f.key] = f.place_type
        # "Tarinkot city, Urozgan", "Wadi al-Rabi (Aljfara)", "in Kabul, Afghanistan": what
        # follows a place after a comma or in brackets is the region it lies in
        by_end = {f.end: f for f in places}
        regions: dict[str, str] = {}  # place key -> key of the region named after it
        for f in places:
            i = f.start - 1
            while i >= 0 and doc[i].text in ("(", ",", "-"):
                i -= 1
            separated = i < f.start - 1
            while i >= 0 and doc[i].lemma_.lower() in self.place_nouns and i + 1 not in by_end:
                i -= 1  # "Tarinkot city, Urozgan"
            if separated and i + 1 in by_end and by_end[i + 1].key != f.key:
                inner = by_end[i + 1]
                regions.setdefault(inner.key, f.key)
                if best[f.key] in (PlaceType.OTHER, PlaceType.TOWN):
                    best[f.key] = (
                        PlaceType.DISTRICT
                        if best[f.key] == PlaceType.TOWN
                        else (PlaceType.PROVINCE)
                    )
        by_start = {f.start: f for f in places}
        for f in places:
            f.place_type = best[f.key]
        for f in places:
            f.within = self._container(doc, f, by_start) or regions.get(f.key)
        break_cycles(places)

    def _container(self, doc: Doc, place: Found, by_start: dict[int, Found]) -> str | None:
        # "Syria's southern province of Qunaitera"
        root = doc[place.end - 1]
        if root.dep_ == "pobj" and root.head.lower_ == "of":
            for child in root.head.head.children:
                if child.dep_ == "poss" and child.i in by_start:
                    owner = by_start[child.i]
                    if _PLACE_RANK[owner.place_type or PlaceType.OTHER] > 0:
                        return owner.key
        # "Um Batneh and Bir Ajam in Qunaitera", "the towns of A and B in the province of C"
        i = place.end
        while i < len(doc) and i < place.end + 12:
            token = doc[i]
            if i in by_start and token.lower_ != "in":
                i = by_start[i].end
                continue
            if (
                token.lower_ in ("and", ",", "the", "of")
                or token.lemma_.lower() in self.place_nouns
            ):
                i += 1
                continue
            if token.lower_ == "in":
                j = i + 1
                while j < len(doc) and (
                    doc[j].lower_ in ("the", "of")
                    or doc[j].pos_ == "ADJ"
                    or doc[j].lemma_.lower() in self.place_nouns
                ):
                    j += 1  # fmt: skip
                outer = by_start.get(j)
                rank = _PLACE_RANK[place.place_type or PlaceType.OTHER]
                if outer is not None and _PLACE_RANK[outer.place_type or PlaceType.OTHER] > rank:
                    return outer.key
            break
        return None


def _continues_name(span: Span, known: set[int]) -> bool:
    """The words go on a gazetteer's name, which modifies them: "the Pentagon Press" after
    "Pentagon", "the US Secretary of State" after "US"."""
    before = span.start - 1
    return (
        before >= 0
        and before in known
        and span.doc[before].dep_ in ("compound", "nmod", "poss")
        and span.start <= span.doc[before].head.i < span.end
    )


# a model designation: "F-16", "MQ-9", "KC-135R", "Su-24", "MiG-29" (and "F-16s")
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,2}-\d{1,3}[A-Z]?s?")


def _machine(span: Span) -> int | None:
    """Where a machine's name starts in a name the model took for a body's (offset in the
    span), or None: a model designation named on with more capitalised words or in the
    plural ("Air Force F-16 Fighting Falcons", "an MQ-9 Reaper", "F-16s"). A designation
    alone may be a group's name ("M-23"): it stays."""
    for k, token in enumerate(span):
        if _DESIGNATION.fullmatch(token.text):
            after = span[k + 1 :]
            named_on = token.text.endswith("s") or any(t.text[:1].isupper() for t in after)
            return k if named_on else None
    return None


def _shortened(doc: Doc, found: list[Found], gazetteer: dict[str, Any]) -> None:
    """An acronym that begins a longer one the article names ("CJTF" beside "CJTF-OIR",
    "the CJTF releases") is that body's short name, whatever other body the gazetteer gives
    the letters to (Nigeria's Civilian Joint Task Force is "CJTF" too)."""
    longer: dict[str, Found] = {}
    for f in found:
        first, hyphen, _ = columns.text(doc[f.start : f.end]).partition("-")
        if f.kind == "actor" and hyphen and first.isupper() and " " not in first:
            longer.setdefault(first, f)
    for f in found:
        text = doc[f.start].text
        owner = longer.get(text) if f.kind == "actor" and f.end - f.start == 1 else None
        if owner is not None and owner.key != f.key and f.key in gazetteer:
            f.key, f.label, f.actor_type = owner.key, owner.label, owner.actor_type
            f.country = owner.country


def _within_country(found: list[Found], gazetteer: dict[str, Any], country: str) -> None:
    """Named actors the gazetteer lacks converge by name within the article's country
    ("Hamza Division" in Syria is ``hamza-division-sy``), so two namesakes from different
    countries stay apart; with no country told, by name alone."""
    if not country:
        return
    for f in found:
        if f.kind == "actor" and f.key not in gazetteer:
            f.key = f"{f.key}-{country.lower()}"


def acting_country(f: Found, dep: Sequence[str], head: Sequence[int]) -> bool:
    """A country's name that is the subject of an active verb ("The U.S. reaffirms its
    commitment", "Russia has a responsibility to press the regime to end its strikes"): the
    state acting, which says nothing of where the events are (a passive subject, "Syria was
    hit", stays the place), or the agent of a passive ("rebels supported by Turkey and Qatar":
    who does it, not where)."""
    if f.place_type is not PlaceType.COUNTRY:
        return False
    for i in range(f.start, f.end):
        if f.start <= head[i] < f.end:
            continue
        if dep[i] == "nsubj":
            return True
        j = i
        while dep[j] == "conj" and head[j] != j:
            j = head[j]  # "by Turkey and Qatar"
        if dep[j] == "pobj" and dep[head[j]] == "agent":
            return True
    return False
