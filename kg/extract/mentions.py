"""Find the actors and places an article names, on a parsed spaCy ``Doc``.

Three sources, in order of trust: the shipped gazetteers (named actors, countries) matched as
phrases; spaCy's named entities, re-typed by their syntactic context ("the town of X" is a place
whatever the model's label); and rules for what the small model misses (proper nouns after
"the towns of" or a locative preposition; generic actors such as "Syrian troops", "rebels",
"gunmen", tied to a country: ``kg/extract/generic.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract import columns
from kg.extract.acronyms import acronyms
from kg.extract.common_nouns import CommonNouns
from kg.extract.found import Found, Mentions
from kg.extract.generic import GenericActors, coalitions
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.main_country import CountryVotes, acting_country, main_place, within_country
from kg.extract.name_context import NameContext, with_nickname, with_ordinal
from kg.extract.phrases import NounPhrases
from kg.extract.place_names import PlaceNames
from kg.extract.place_settling import settle_places
from kg.extract.possessed import group_owned
from kg.extract.recurring import numbered, recurring
from kg.extract.references import References
from kg.extract.refuge import Refuges
from kg.extract.relation_words import load_words
from kg.extract.spans import (
    a_city_of,
    country_unit,
    entity_parts,
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
from kg.extract.unit_names import UnitNames
from kg.extract.war_regions import WarRegions
from kg.geo.admin1 import names_division
from kg.keys import name_key
from kg.model import ActorType, PlaceType

__all__ = ["Found", "MentionFinder", "Mentions"]

# actors whose men and women are civilians all the same ("the women of the Hawiye clan")
_NO_BODIES = frozenset({ActorType.PERSON, ActorType.CIVILIANS, ActorType.IDENTITY_MILITIA})
_CAPITAL_PREPOSITIONS = frozenset({"Near", "Outside", "Around", "Inside"})
_PEOPLE = frozenset({"PERSON", "ORG"})  # the model's labels a titled person's name gets


_SPACED_PARTICLE = re.compile(r"\b([a-z]{2,3})- (?=[A-Z])")


def _named_actor(span: Span, actor_type: ActorType) -> Found:
    """An actor named by the words of ``span`` (a particle's stray space closed: "Ibrahim
    al- Jaafari" is Ibrahim al-Jaafari)."""
    text = _SPACED_PARTICLE.sub(r"\1-", columns.text(span))
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
        self.ranks = read_words("names.toml", "people", "ranks")
        self.services = read_words("names.toml", "people", "services")
        self.regions = WarRegions(lexicon)
        self.generics = GenericActors(lexicon, self.demonyms, self.regions.war_countries)
        self.common_nouns = CommonNouns(
            nlp,
            (label for label, _ in lexicon.prefixes),
            read_words("coref.toml", "nouns", "speech_verbs"),
        )
        words = load_words()
        # "call on X to", "urge X to"; "its backers, notably Russia"
        self.countries = CountryVotes(
            self.generics, self.regions, self.demonyms, words.demand_verbs, words.ally_nouns
        )
        self.refuges = Refuges(lexicon)
        self.phrases = NounPhrases(lexicon, self.demonyms)
        self.references = References(lexicon, self.demonyms)
        self.names = NameContext(
            lexicon, self.demonyms, self.regions.regions, self.phrases.region_nouns
        )
        self.units = UnitNames(self.demonyms)
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

    def find(self, doc: Doc, place_country: Callable[[str, bool], str] | None = None) -> Mentions:
        """The article's mentions; ``place_country``: the one country a place's name lies in
        by the gazetteer, or "" (``kg.geo.lookup.sole_country``: the name, and whether its
        towns count or only its provinces), for the main country's votes; none without
        geocoding."""
        spans = self._gazetteer(doc)
        taken = {i for s in spans for i in range(s.start, s.end)} | vessel_tokens(doc)
        found = [self._from_gazetteer(s) for s in spans]
        countries = {i for s in spans if s.label_.startswith("C:") for i in range(s.start, s.end)}
        found += self.units.find(doc, taken)  # "the Farouq Battalions": an armed group's name
        taken |= {i for f in found for i in range(f.start, f.end)}
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
        main, told = self.countries.main_country(doc, voting, place_country=place_country)
        # "Russian bombers struck rebel positions": the rebels are not Russia's; a demonym
        # naming whose war machines strike tells no country of those they strike
        home, _ = self.countries.main_country(doc, voting, arms=False, place_country=place_country)
        # "US soldiers": the country's name tells whose they are; the generic rules name them
        owning = self.generics.owners(doc, found)
        found = [f for f in found if f not in owning]
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
                if id(f) not in fled
                and not acting_country(f, dep, head)
                and not self.countries.asked_country(doc, f)
            ],
        )
        bodies = [f for f in found if f.kind == "actor" and f.actor_type not in _NO_BODIES]
        actors = frozenset(i for f in bodies for i in range(f.start, f.end))
        # "a Shabaab militia commander": the militia is a known group's (not an acronym's
        # the lexicon does not type, "NAF rebel forces", whose type the noun tells)
        armed = frozenset(i for f in bodies if f.actor_type is not ActorType.ORGANISATION
                          for i in range(f.start, f.end))  # fmt: skip
        generics = self.generics.find(
            doc, taken, event or main, actors, owners, event or home, armed
        )
        group_owned(doc, generics, bodies)  # "Hamas said its fighters ...": Hamas's men
        found += generics
        self.generics.allegiance.abroad(found, event)
        coalitions(found)
        found.sort(key=lambda f: f.start)
        settle_places(doc, found, self.names.place_nouns)
        self.phrases.anchor(doc, found)
        lying_in = self.countries.place_countries(found, main, place_country)
        mentions = Mentions(
            found,
            main,
            main_place(found, main, told),
            references=self.references.find(doc, found, event or main),
            event_country=event,
            place_countries=lying_in,
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

    def _entities(self, doc: Doc, taken: set[int], countries: set[int]) -> list[Found]:
        out = []
        for ent, label in entity_parts(doc):
            if label not in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
                continue
            span = trim(ent)
            if (
                span is not None
                and label == "ORG"
                and country_unit(span, countries, self.names.organisation_heads)
            ):
                out.append(_named_actor(span, ActorType.ORGANISATION))  # the country nests
                continue
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if span.end < len(doc) and doc[span.end].text == "=":
                continue  # "[Size=no report]": a field's name in a tag, no name
            if self.generics.names_a_people(span):
                continue  # "Tuareg rebels", "Pokot herders": a people (generic.py), no person
            if len(span) == 1 and self.generics.common_actor_noun(span[0]):
                continue  # "Rebels succeeded in ...", labelled GPE: the generic rules' rebels
            if len(span) == 1 and self.names.community(span[0]):
                continue  # "the Yazidi community", "Druze villagers": a people, no place
            after_preposition = len(span) > 1 and self.names.preposition(span[0])
            # "Near Sinjar, ...": a capital preposition the model read as part of a name
            before = doc[span.start - 1] if span.start > 0 else None
            after_capital = before is not None and before.text in _CAPITAL_PREPOSITIONS
            if after_preposition:  # "Near Palmyra, ...": the model took the preposition in
                span = span[1:]
            whole = whole_name(span)  # "Dayr az Zawr" cut at "az"
            if label == "PERSON":
                whole = with_nickname(whole)  # 'Paul "Tex" Redmond' cut at the quotes
            if whole is not span and any(f.start < whole.end and whole.start < f.end for f in out):
                continue  # "Omar al- Haddad": the name made whole from its other part already
            if not any(i in taken for i in range(whole.start, whole.end)):
                span = whole
            end = numbered(doc, span.start, span.end) if label == "ORG" else span.end
            if end > span.end and end - 1 not in taken:
                span = doc[span.start : end]  # "CTF 150": the number ends the unit's name
            machine = _machine(span)
            if machine is not None and not self.names.organisation_name(span):  # "F-16 Squadron"
                span = span[:machine]  # "Air Force F-16 Fighting Falcons": the Air Force's
                if not len(span):
                    continue
            if is_calendar_word(span) or self.names.not_a_name(span) or self.names.body(span):
                continue
            if rank_before_name(span, self.ranks, self.services):  # "Staff Sgt." Albert Connelly
                continue
            if span.root.pos_ not in ("PROPN", "NOUN") or span.root.is_lower:
                continue
            titled = titled_person(
                span, self.names.titles, self.names.organisation_heads, self.demonyms
            )
            if titled is not None:  # "Minister for the Middle East Tobias Ellwood"
                title, person = titled
                out.append(Found("actor", person.start, person.end, name_key(columns.text(person)),
                                 columns.text(person), actor_type=ActorType.PERSON,
                                 anchor=(title, person.end), nested=True))  # fmt: skip
                portfolio = trim(doc[span.start : person.start])
                if portfolio is not None and len(portfolio):  # "the Middle East": a place
                    out.append(
                        place_found(portfolio, self.names.region_or(portfolio, PlaceType.OTHER))
                    )
                continue
            if self.names.kin_group(span):  # "the Al Bu Nimr tribe": a tribe, not a person
                out.append(_named_actor(span, ActorType.IDENTITY_MILITIA))
                continue
            if self.names.organisation_name(span):  # "from the 158th Fighter Wing"
                out.append(_named_actor(with_ordinal(span, taken), ActorType.ORGANISATION))
                continue
            if label != "PERSON" and self.names.after_title(span):  # "the Minister, X al- Y"
                out.append(_named_actor(span, ActorType.PERSON))
                continue
            # "from Ambassador Robert Ford": no place "Robert Ford" (a place's label keeps
            # "General Santos City" a place)
            named = self.names.titled(span, label == "PERSON") if label in _PEOPLE else None
            if named is not None:
                out.append(_named_actor(named, ActorType.PERSON))
                continue
            place_type = self.names.place_context(span)
            if label == "PERSON" and place_type is None and self._region_named(span):
                place_type = self.names.region_or(span, PlaceType.OTHER)  # "city (Al Hudaydah)"
            if place_type is None and (after_preposition or after_capital):
                place_type = self.names.region_or(span, PlaceType.OTHER)
            if place_type is None and label in ("GPE", "LOC", "FAC"):
                place_type = self.names.region_or(span, PlaceType.OTHER)
            if place_type is not None:
                out.append(place_found(span, place_type))
            elif label == "ORG":
                out.append(_named_actor(span, ActorType.ORGANISATION))
            elif not self.common_nouns.misread(span, self.generics.common_actor_noun):
                out.append(_named_actor(span, ActorType.PERSON))  # not "Riot: ...", a noun
        return out

    def _region_named(self, span: Span) -> bool:
        """A name the model took for a person's where a place's region is named: in brackets
        after a place, or after a place and a comma when it is a province's name."""
        return self.names.in_place_brackets(span) or (
            self.names.after_place_comma(span) and names_division(columns.text(span))
        )

    def _proper_noun_places(self, doc: Doc, taken: set[int], known: set[int]) -> list[Found]:
        """Places named by proper nouns the model left unlabelled; ``known``: the tokens of
        the gazetteers' names."""
        out = []
        for span in proper_noun_runs(doc, taken):
            name = columns.text(span).lower()
            if name in self.demonyms or name in self.names.communities:
                continue  # "Syrian", "Afghan": not places
            if name.endswith("s") and name[:-1] in self.names.communities:
                continue  # "killed five Christians", "attacked Yazidis": people, no place
            if self.generics.names_a_people(span):
                continue  # "the Pokot and Samburu communities", unlabelled: a people, no place
            if len(span) > 1 and self.names.preposition(span[0]):
                out.append(place_found(span[1:], self.names.region_or(span, PlaceType.OTHER)))
                continue  # "Near Sinjar, ...": the capital made the preposition a name
            if self.names.body(span) or self.names.not_a_name(span):  # "took part in Exercise X"
                continue
            if self.names.kin_group(span):  # "a sheikh of the Karabla clan", left unlabelled
                whole = whole_name(span)  # "the Al bu Nimr tribe" cut at "bu"
                if any(i in taken for i in range(whole.start, whole.end)):
                    whole = span
                out.append(_named_actor(whole, ActorType.IDENTITY_MILITIA))
                continue
            place_type = self.names.place_context(span)
            if place_type is None and self.names.listed_place(span):
                place_type = PlaceType.OTHER  # "access to eastern Aleppo": a listed place
            if place_type is None or _continues_name(span, known):
                continue  # "the Pentagon Press", "the US Secretary of State": not a place
            if self.names.organisation_name(span):  # "deployed from the 158th Fighter Wing"
                out.append(_named_actor(with_ordinal(span, taken), ActorType.ORGANISATION))
            else:
                out.append(place_found(span, place_type))
        return out


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
