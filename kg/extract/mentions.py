"""Find the actors and places an article names, on a parsed spaCy ``Doc``.

Three sources, in order of trust: the shipped gazetteers (named actors, countries) matched as
phrases; spaCy's named entities, re-typed by their syntactic context ("the town of X" is a place
whatever the model's label); and rules for what the small model misses (proper nouns after
"the towns of" or a locative preposition; generic actors such as "Syrian troops", "rebels",
"gunmen", tied to a country: ``kg/extract/generic.py``). The entities and the unlabelled proper
nouns are typed in :mod:`kg.extract.entities`; this module runs the passes in order.
"""

from __future__ import annotations

from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract import columns
from kg.extract.acronyms import acronyms
from kg.extract.asides import aside_tokens
from kg.extract.country_in_name import towns_ending_in_countries
from kg.extract.datelines import filed_from
from kg.extract.dissidents import dissidents_of
from kg.extract.entities import NamedEntities
from kg.extract.found import Found, Mentions
from kg.extract.generic import GenericActors, coalitions
from kg.extract.group_men import named_group_men
from kg.extract.joint_owners import split_joint
from kg.extract.lexicon import Lexicon
from kg.extract.main_country import (
    CountryVotes,
    PlaceCountry,
    acting_country,
    main_place,
    mission_hosts,
    within_country,
)
from kg.extract.name_context import NameContext
from kg.extract.person_names import surnames, unlabelled_surnames
from kg.extract.phrases import NounPhrases
from kg.extract.place_names import PlaceNames
from kg.extract.place_settling import settle_places
from kg.extract.possessed import group_owned
from kg.extract.recurring import recurring
from kg.extract.references import References
from kg.extract.refuge import Refuges
from kg.extract.relation_words import load_words
from kg.extract.same_foe import same_foe
from kg.extract.spans import a_city_of, opposed, vessel_tokens
from kg.extract.unit_names import UnitNames
from kg.extract.war_regions import WarRegions
from kg.keys import name_key
from kg.model import ActorType, PlaceType

__all__ = ["Found", "MentionFinder", "Mentions"]

# actors whose men and women are civilians all the same ("the women of the Hawiye clan")
_NO_BODIES = frozenset({ActorType.PERSON, ActorType.CIVILIANS, ActorType.IDENTITY_MILITIA})


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
        self.country_names = {country.iso: country.name for country in lexicon.countries}
        self.regions = WarRegions(lexicon)
        self.generics = GenericActors(lexicon, self.demonyms, self.regions.war_countries)
        words = load_words()
        # "call on X to", "urge X to"; "its backers, notably Russia"
        self.countries = CountryVotes(
            self.generics,
            self.regions,
            self.demonyms,
            words.demand_verbs,
            words.ally_nouns,
            frozenset(lexicon.words["actors"]["serving_abroad"]["words"]),
            mission_hosts(lexicon.actors, self.demonyms),
            lexicon.word_set("places", "border_nouns"),
        )
        self.refuges = Refuges(lexicon)
        self.phrases = NounPhrases(lexicon, self.demonyms)
        self.references = References(lexicon, self.demonyms)
        self.names = NameContext(
            lexicon, self.demonyms, self.regions.regions, self.phrases.region_nouns
        )
        self.units = UnitNames(self.demonyms)
        self.entities = NamedEntities(
            nlp, lexicon, self.names, self.generics.entries, self.demonyms
        )
        self.place_names = PlaceNames(
            lexicon, self.names.place_nouns, self.names.locative, self.demonyms
        )

    def _add(self, nlp: Any, label: str, names: tuple[str, ...]) -> None:
        exact = [n for n in names if n.isupper() and len(n.replace(".", "")) <= 6]
        other = [n for n in names if n not in exact]
        if other:
            self.lower.add(label, list(nlp.tokenizer.pipe(other)))
        if exact:
            self.exact.add(label, list(nlp.tokenizer.pipe(exact)))

    # -- the passes ---------------------------------------------------------------------------

    def find(self, doc: Doc, place_country: PlaceCountry | None = None) -> Mentions:
        """The article's mentions; ``place_country``: the one country a place's name lies in
        by the gazetteer, or "" (``kg.geo.lookup.sole_country``: the name, and whether its
        towns count or only its provinces), for the main country's votes; none without
        geocoding."""
        asides = aside_tokens(doc)  # "(Arabic: ...)", "QUESTION:": no names of their own
        spans = [s for s in self._gazetteer(doc) if not asides.intersection(range(s.start, s.end))]
        taken = {i for s in spans for i in range(s.start, s.end)} | vessel_tokens(doc) | asides
        found = [self._from_gazetteer(s) for s in spans]
        _sub_bodies(doc, found, self.names.organisation_heads)  # "the UN Independent Commission"
        countries = {i for s in spans if s.label_.startswith("C:") for i in range(s.start, s.end)}
        found += self.units.find(doc, taken)  # "the Farouq Battalions": an armed group's name
        taken |= {i for f in found for i in range(f.start, f.end)}
        found += self.entities.find(doc, taken, countries)
        surnames(doc, found, self.actors)
        taken |= {i for f in found for i in range(f.start, f.end)}
        found += unlabelled_surnames(doc, found, taken)  # "'We will win,' Lyons said"
        taken |= {i for f in found for i in range(f.start, f.end)}
        known = {i for s in spans for i in range(s.start, s.end)}
        found += self.entities.proper_noun_places(doc, taken, known)
        found = self.place_names.settle(doc, found, taken)
        found = towns_ending_in_countries(doc, found, place_country)  # "Port of Spain"
        found += acronyms(doc, found, taken)  # "the Harakat Nour al-Din Brigade (HNDB)"
        taken |= {i for f in found for i in range(f.start, f.end)}
        found += recurring(doc, found, taken)  # an organisation's name used again
        taken |= {i for f in found for i in range(f.start, f.end)}
        places = {f.key for f in found if f.kind == "place"}
        for f in found:  # "the recapture of the Halfaya": a place named elsewhere stays a place
            if f.kind == "actor" and f.key in places and f.key not in self.actors:
                f.kind, f.actor_type, f.place_type = "place", None, PlaceType.OTHER
        _shortened(doc, found, self.actors)  # "the CJTF releases" of CJTF-OIR
        dissidents_of(doc, found, self.actors)  # "dissidents of the former FARC"
        # "refugees fled to Bangladesh": where people went tells no country of the events
        fled = {id(f) for f in self.refuges.destinations(doc, found)}
        # "marched in London calling for a ceasefire in Gaza": nor does a protest's topic
        # where the text names other places, where it happens ("protested over a killing in
        # Lowtown": the topic's place is the only one, likely the protest's too)
        topics = {id(f) for f in self.refuges.topics(doc, found)}
        if all(id(f) in fled | topics for f in found if f.kind == "place"):
            topics = set()
        passed = fled | topics  # the places that vote for no country, made once
        voting = [f for f in found if id(f) not in passed]
        # "CAIRO (AP) - Thousands of Sudanese rallied": where the story was filed tells the
        # country only where nothing else does
        filed = filed_from(doc)
        told_too = [f for f in voting if not filed.intersection(range(f.start, f.end))]
        main, told = self.countries.main_country(doc, told_too, place_country=place_country)
        if not main and len(told_too) < len(voting):
            main, told = self.countries.main_country(doc, voting, place_country=place_country)
        # "Russian bombers struck rebel positions": the rebels are not Russia's; a demonym
        # naming whose war machines strike tells no country of those they strike
        home, _ = self.countries.main_country(
            doc, told_too, arms=False, place_country=place_country
        )
        if not home and len(told_too) < len(voting):
            home, _ = self.countries.main_country(
                doc, voting, arms=False, place_country=place_country
            )
        # "US soldiers": the country's name tells whose they are; the generic rules name them
        owning = self.generics.owners(doc, found)
        found = [f for f in found if f not in owning]
        # the topics' tokens, made once for the event country and the mentions (what is
        # found below is no topic, and nothing is dropped from ``found`` after this)
        topic_tokens = frozenset(i for f in found if id(f) in topics for i in range(f.start, f.end))
        owners = frozenset(i for f in owning for i in range(f.start, f.end))
        within_country(found, self.actors, main)
        dep, head = columns.deps(doc), columns.heads(doc)
        # nor does a country that acts ("Turkey shelled ...", "rebels backed by Iran") or is
        # asked to act ("We call on Russia to stop the regime's attacks": the regime is not
        # Russia's)
        event = self.regions.event_country(
            doc,
            [
                f
                for f in found
                if id(f) not in passed
                and not filed.intersection(range(f.start, f.end))
                and not acting_country(f, dep, head)
                and not self.countries.asked_country(doc, f)
                and not self.countries.serving_abroad(doc, f)
                and not self.countries.neighbour(doc, f)  # "near the border with Bolivia"
            ],
            topic_tokens,
            main,
        )
        bodies = [f for f in found if f.kind == "actor" and f.actor_type not in _NO_BODIES]
        actors = frozenset(i for f in bodies for i in range(f.start, f.end))
        # "a Shabaab militia commander": the militia is a known group's (not an acronym's
        # the lexicon does not type, "NAF rebel forces", whose type the noun tells)
        armed = frozenset(i for f in bodies if f.actor_type is not ActorType.ORGANISATION
                          for i in range(f.start, f.end))  # fmt: skip
        placed = frozenset(i for f in found if f.kind == "place" for i in range(f.start, f.end))
        generics = self.generics.find(
            doc, taken, event or main, actors, owners, event or home, armed, placed
        )
        group_owned(doc, generics, bodies)  # "Hamas said its fighters ...": Hamas's men
        named_group_men(doc, generics, bodies)  # "an M23 attack, killing 20 rebels": M23's
        # "U.S. and British forces": each country's forces
        generics = split_joint(doc, generics, self.demonyms, self.country_names)
        same_foe(doc, generics, found)  # "clashed with Israeli troops, throwing stones at soldiers"
        found += generics
        self.generics.allegiance.abroad(found, event)
        coalitions(found)
        found.sort(key=lambda f: f.start)
        settle_places(doc, found, self.names.place_nouns)
        self.phrases.anchor(doc, found)
        lying_in = self.countries.place_countries(found, main, place_country)
        # "the AMISOM Burundi contingent": whose men, no country of the events either
        elsewhere = topics | {id(f) for f in found if self.countries.serving_abroad(doc, f)}
        mentions = Mentions(
            found,
            main,
            main_place(found, main, told),
            references=self.references.find(doc, found, event or main),
            event_country=event,
            place_countries=lying_in,
            topic_places=frozenset(f.key for f in found if id(f) in elsewhere)
            - {f.key for f in found if id(f) not in elsewhere},
            topic_tokens=topic_tokens,
        )
        _leaders_bodies(mentions)
        return mentions

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


def _shortened(doc: Doc, found: list[Found], gazetteer: dict[str, Any]) -> None:
    """An acronym that begins a longer one the article names ("CJTF" beside "CJTF-OIR",
    "the CJTF releases") is that body's short name, whatever other body the gazetteer gives
    the letters to (Nigeria's Civilian Joint Task Force is "CJTF" too)."""
    longer: dict[str, Found] = {}
    texts = columns.texts(doc)
    for f in found:
        first, hyphen, _ = columns.span_text(doc, f.start, f.end).partition("-")
        if f.kind == "actor" and hyphen and first.isupper() and " " not in first:
            longer.setdefault(first, f)
    for f in found:
        text = texts[f.start]
        owner = longer.get(text) if f.kind == "actor" and f.end - f.start == 1 else None
        if owner is not None and owner.key != f.key and f.key in gazetteer:
            f.key, f.label, f.actor_type = owner.key, owner.label, owner.actor_type
            f.country = owner.country


def _sub_bodies(doc: Doc, found: list[Found], heads: frozenset[str]) -> None:
    """ "the UN Independent Commission", "the Lowtown Front Political Council": a known
    actor's name followed by capitalised words, the last a body's noun, names a body of its
    own (an organisation), not the known actor."""
    text, lower = columns.texts(doc), columns.lowers(doc)
    starts = {f.start for f in found}
    for f in found:
        if f.kind != "actor" or (f.start > 0 and text[f.start - 1][:1].isupper()):
            continue  # "the Global Coalition to Counter ISIL Coalition": a longer name's words
        end = f.end
        while end < len(doc) and end not in starts and text[end][:1].isupper():
            if doc[end].pos_ not in ("PROPN", "NOUN", "ADJ") or doc[end].is_sent_start:
                break
            end += 1
        while end > f.end and lower[end - 1] not in heads:
            end -= 1  # "the UN Independent Commission Chairman": the body ends at its noun
        if end > f.end and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end:
            continue  # "AFP Government forces": the noun modifies another, a credit before
        if end > f.end:
            end = _of_words(doc, end, starts)  # "the UN Board of Inquiry"
            first = f.start + (lower[f.start] == "the")  # the label without the gazetteer's "the"
            name = columns.text(doc[first:end])
            f.end, f.key, f.label = end, name_key(name), name
            f.actor_type, f.country = ActorType.ORGANISATION, ""


def _of_words(doc: Doc, end: int, starts: set[int]) -> int:
    """ "the UN Board of Inquiry": "of" and the capitalised words after a body's noun that
    the model's entity holds with it are the body's name too; else ``end``."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or doc[end].ent_iob_ != "I":
        return end
    stop = end + 1
    while (
        stop < len(doc)
        and doc[stop].ent_iob_ == "I"
        and stop not in starts
        and doc[stop].text[:1].isupper()
    ):
        stop += 1
    return stop if stop > end + 1 else end


def _leaders_bodies(mentions: Mentions) -> None:
    """ "The Asad regime bombed Aleppo": a person's name inside a body's phrase is no one
    who acts; the event rules read the body there (``Mentions.acting``), while the name
    stays the person's mention."""
    for r in mentions.references:
        if r.kind != "actor" or r.actor_type is ActorType.PERSON:
            continue
        for f in mentions.found:
            if f.actor_type is ActorType.PERSON and r.start <= f.start and f.end <= r.end:
                mentions.acting.update((i, r) for i in range(f.start, f.end))
