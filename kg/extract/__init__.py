"""Extraction: articles in, ``Extraction`` records out. spaCy stays inside this package.

extractor = Extractor()            # loads the model and the lexicons once
for extraction in extractor.extract(articles):
    ...
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from kg.extract import columns
from kg.extract.abroad import external_in_events
from kg.extract.aliases import aliases
from kg.extract.coref import coalitions, default_coalition
from kg.extract.coref import resolve as resolve_coreference
from kg.extract.datelines import agency, reporting_date
from kg.extract.dates import MONTHS, WEEKDAYS
from kg.extract.events import Draft, EventFinder
from kg.extract.lexicon import load as load_lexicon
from kg.extract.mentions import Found, MentionFinder, Mentions
from kg.extract.nlp import add_headline_verbs, load_model, model_label
from kg.extract.place_nouns import place_nouns
from kg.extract.placed_country import countryless_templates, event_sides, place_countries
from kg.extract.relations import find_relations
from kg.extract.states import StateFinder
from kg.geo.gazetteer import default_gazetteer
from kg.geo.geocode import Geocoder
from kg.geo.lookup import sole_country
from kg.model import (
    Actor,
    ActorType,
    Article,
    Counts,
    Event,
    Extraction,
    Place,
    PlaceType,
    Span,
    TimeExpr,
)

__all__ = ["ExtractionFailed", "Extractor"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ExtractionFailed:
    """An article the rules could not process; it is quarantined, and the batch goes on."""

    article: Article
    reason: str


class Extractor:
    """The spaCy model and kg's rules, loaded once and run over many articles."""

    def __init__(
        self, model: str | None = None, batch_size: int = 32, geocode: bool = True
    ) -> None:
        """``geocode``: resolve places in GeoNames (:mod:`kg.geo`); off, places keep only
        their names and events get no location."""
        self.nlp = load_model(model)
        self.model_name = model_label(self.nlp)
        self.batch_size = batch_size
        lexicon = load_lexicon()
        # verbs a headline's parse may have read as nouns ("Police battle armed gangsters")
        add_headline_verbs(
            self.nlp, (t.lemmas[0] for t in lexicon.triggers if t.pos in ("VERB", "ANY"))
        )
        self.wikidata = lexicon.wikidata
        self.mentions = MentionFinder(self.nlp, lexicon)
        self.events = EventFinder(self.nlp, lexicon)
        self.states = StateFinder(lexicon)
        self.geocoder = Geocoder(default_gazetteer()) if geocode else None
        # "Police Forces" -> "Police Forces of {country}": unnamed actors a place's country keys
        self.countryless = countryless_templates(_templates(lexicon.words))
        self.country_names = {c.iso: c.name for c in lexicon.countries}
        self.extracted = 0  # articles, for ``_freeze_loaded``

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction | ExtractionFailed]:
        """Extract each article in turn (streaming: the model parses in batches). An article
        longer than the model accepts (``nlp.max_length`` characters) fails without stopping
        the others."""
        for parsed in self.parse(articles):
            if isinstance(parsed, ExtractionFailed):
                yield parsed
                continue
            doc, article = parsed
            try:
                yield self.extract_doc(doc, article)
            except Exception as exc:  # a rule tripping on one text must not stop the batch
                log.debug("extraction failed for %s", article.id, exc_info=True)
                yield ExtractionFailed(article, f"{type(exc).__name__}: {exc}")

    def parse(
        self, articles: Iterable[Article]
    ) -> Iterator[tuple[Any, Article] | ExtractionFailed]:
        """The model's parse of each article, streamed in batches, for ``extract_doc``; the
        parse is opaque outside this package (``kg.pipeline`` times the rules on it). An
        article longer than the model accepts is an ExtractionFailed, and the rest go on."""
        refused: list[ExtractionFailed] = []

        def parseable() -> Iterator[tuple[str, Article]]:
            for article in articles:
                if len(article.text) > self.nlp.max_length:
                    refused.append(ExtractionFailed(article, _too_long(article, self.nlp)))
                else:
                    yield article.text, article

        for parsed in self.nlp.pipe(parseable(), as_tuples=True, batch_size=self.batch_size):
            yield from _drain(refused)
            yield parsed
        yield from _drain(refused)

    def extract_one(self, article: Article) -> Extraction:
        """Extract one article, raising if the rules fail on it (for tests and the REPL)."""
        doc = self.nlp(article.text)
        return self.extract_doc(doc, article)

    def extract_doc(self, doc: Any, article: Article) -> Extraction:
        gazetteer = self.geocoder.gazetteer if self.geocoder is not None else None
        mentions = self.mentions.find(
            doc, partial(sole_country, gazetteer) if gazetteer is not None else None
        )
        # relative days ("on Sunday") count from the day the story was filed (its dateline's)
        published = reporting_date(article.text, _as_date(article.published))
        # countries acting through their forces and the coalition: actors the events read
        # too (kg/extract/states.py, coref.py)
        self.states.find(doc, mentions, military=True)
        mentions.add(coalitions(doc, mentions.found))
        default_coalition(  # "the Coalition" of an article on Iraq: the US-led one
            [*mentions.found, *mentions.references],
            (mentions.main_country, mentions.event_country),
            self.mentions.actors,
        )
        # "after seizing the area": the place named before, read by the events as named
        mentions.add(place_nouns(doc, [*mentions.found, *mentions.references]))
        drafts, _ = self.events.find(doc, mentions, published)
        # "the Qasim Battalions clashed with regime forces": a unit's group fights the state
        self.mentions.units.fighting_the_state(drafts, mentions, self.mentions.actors)
        mentions.imply_acting({key for d in drafts for key in (*d.agents, *d.targets)})
        # countries acting as governments, pronouns and generic nouns: actors' mentions for
        # the relations and the graph, found after the events
        self.states.find(
            doc,
            mentions,
            placed=frozenset(p for d in drafts for p in d.places),
            used=frozenset(  # actors of events between two sides: ends of their relations
                k
                for d in drafts
                if d.event_class != "statement" and len({*d.agents, *d.targets}) > 1
                for k in (*d.agents, *d.targets)
            ),
        )
        mentions.found += resolve_coreference(doc, [*mentions.found, *mentions.references])
        if article.source is None:  # "(Reuters)": the agency that filed the story
            article = dataclasses.replace(article, source=agency(article.text))
        extraction = build(article, doc, mentions, drafts, self.wikidata)
        if self.geocoder is not None:
            votes = Counter(f.country for f in mentions.found if f.kind == "actor" and f.country)
            votes[mentions.main_country] += 1
            aside = frozenset(  # a protest's topic passed over: "... in Upton" of its demands
                columns.char_offsets(doc, f.start, f.end)
                for f in mentions.found
                if f.kind == "place" and f.start in mentions.set_aside
            )
            extraction = self.geocoder.geocode(
                extraction, votes, _unclaimed_names(doc, mentions), mentions.topic_places, aside
            )
            if not mentions.main_country:  # "Police in Dhaka": no word told the country
                topics = [
                    columns.char_offsets(doc, f.start, f.end)
                    for f in mentions.found
                    if f.kind == "place" and f.key in mentions.topic_places
                ]
                extraction = place_countries(
                    extraction, self.countryless, self.country_names, topics
                )
            else:  # "Afghan troops killed soldiers in Kunduz": whose soldiers the events tell
                extraction = event_sides(extraction, self.countryless, self.country_names)
        extraction = external_in_events(extraction)  # where a state's forces act abroad
        problem = extraction.unheld()
        if problem is not None:  # records that do not fit together: the article fails here
            raise ValueError(problem)
        self.extracted += 1
        _freeze_loaded(self.extracted)
        return extraction


def _templates(words: Any) -> Iterator[str]:
    """The label templates of the lexicon's words ("Protesters ({country})"), at any depth."""
    if isinstance(words, str):
        if "{country}" in words:
            yield words
    elif isinstance(words, dict):
        for value in words.values():
            yield from _templates(value)
    elif isinstance(words, list):
        for value in words:
            yield from _templates(value)


def _freeze_loaded(extracted: int) -> None:
    """Keep what is loaded by now out of the garbage collector's full collections, after the
    1st, 2nd, 4th ... 1024th article. A full collection visits every object Python tracks: the
    model's, the lexicons' and the gazetteer's (some read on first use, by the first articles)
    made it cost ~0.3 s, one every ~100 articles, ~3 ms an article (``bench/stages.py``).
    Those live as long as the process; frozen (``gc.freeze``), a full collection visits only
    what came after. Reference counting still frees frozen objects; a reference cycle among
    the few articles' objects alive at a freeze would stay (at most 11 times)."""
    if extracted <= 1024 and extracted & (extracted - 1) == 0:
        gc.freeze()


def _too_long(article: Article, nlp: Any) -> str:
    return (
        f"is {len(article.text):,} characters long, more than the model's limit of "
        f"{nlp.max_length:,} (spaCy's nlp.max_length); split it into several articles"
    )


def _drain(failed: list[ExtractionFailed]) -> Iterator[ExtractionFailed]:
    while failed:
        yield failed.pop(0)


_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
_TIMES = frozenset({"DATE", "TIME"})  # the entity model's labels of days and hours


def _unclaimed_names(doc: Any, mentions: Mentions) -> list[Span]:
    """Runs of proper nouns no rule made an actor or a place, and no day ("a Christmas
    attack"): the geocoder's toponym spotter keeps those GeoNames knows in the
    article's countries ("in Kibera" the model missed)."""
    runs: list[Span] = []
    start = None
    claimed = {  # names, phrases, states and pronouns found: none is a toponym
        i
        for f in [*mentions.found, *mentions.references]
        for a, b in (*f.extents, (f.start, f.end))
        for i in range(a, b)
    }
    pos, lower = columns.poses(doc), columns.lowers(doc)
    for i in range(len(doc) + 1):
        free = (
            i < len(doc)
            and pos[i] == "PROPN"
            and i not in claimed
            and lower[i] not in _CALENDAR
            and doc[i].is_title
            and not doc[i].is_stop
            and not _day_of(doc[i])
        )
        if free and start is None:
            start = i
        elif not free and start is not None:
            runs.append(_span(doc, start, i))
            start = None
    return runs


def _day_of(token: Any) -> bool:
    """Whether ``token`` is a name the entity model reads as a date that says when a thing
    was: "in a Christmas attack", "a Ramadan raid" (not "the region of Dahuk", a town's name
    the model also takes for a date)."""
    return token.ent_type_ in _TIMES and token.dep_ == "compound" and token.head.pos_ == "NOUN"


def _as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _span(doc: Any, start: int, end: int) -> Span:
    if start >= end:
        s = doc[start:end]
        return Span(s.start_char, s.end_char, s.text)
    first, last = columns.char_offsets(doc, start, end)
    return Span(first, last, columns.doc_text(doc)[first:last])


def _own_type(key: str, actor_type: ActorType | None, external: set[str]) -> ActorType:
    """The actor's own type: state forces acting abroad are the state's forces still."""
    if key in external:
        return ActorType.STATE_FORCES
    return actor_type or ActorType.ORGANISATION


def build(
    article: Article,
    doc: Any,
    mentions: Mentions,
    drafts: list[Draft],
    wikidata: Mapping[str, str] | None = None,
) -> Extraction:
    """Turn mentions and event drafts into the stage's plain records, and find the relations
    between the actors (:mod:`kg.extract.relations`). ``wikidata``: actor key -> Wikidata id
    (the lexicon's ``actor_ids.tsv``)."""
    ids = wikidata or {}
    actors: dict[str, list[Found]] = {}
    places: dict[str, list[Found]] = {}
    # (kind, key) -> its mentions' token offsets; one text span denotes one thing: the first
    extents: dict[tuple[str, str], list[tuple[int, int]]] = {}
    referent = {(d.trigger.start, d.trigger.end): ("event", "") for d in drafts}  # "Defusal:"
    for f in [*mentions.found, *mentions.references]:
        (actors if f.kind == "actor" else places).setdefault(f.key, []).append(f)
        thing = (f.kind, f.key)
        for extent in f.extents:
            if referent.setdefault(extent, thing) == thing and extent not in extents.get(thing, ()):
                extents.setdefault(thing, []).append(extent)
    for f in mentions.unnamed_places:  # an event's place whose name became its state's
        places.setdefault(f.key, []).append(f)
    acting = [*mentions.found, *mentions.references, *mentions.acting.values()]
    external = {f.key for f in acting if f.external and f.kind == "actor"}
    homes: dict[str, str] = {}  # actor key -> the country it belongs to, where found
    for f in acting:
        if f.kind == "actor" and (f.country or f.state):
            homes.setdefault(f.key, f.country or f.state)
    actor_records = tuple(
        Actor(
            key=key,
            label=found[0].label,
            actor_type=_own_type(key, found[0].actor_type, external),
            mentions=tuple(_span(doc, *x) for x in extents.get(("actor", key), ())),
            aliases=aliases(doc, found),
            wikidata=ids.get(key),
            external=key in external,
            country=homes.get(key, ""),
        )
        for key, found in actors.items()
    ) + tuple(
        Actor(
            key=key,
            label=label,
            actor_type=_own_type(key, actor_type, external),
            mentions=(),
            wikidata=ids.get(key),
            external=key in external,
            country=homes.get(key, ""),
        )
        for key, (label, actor_type) in mentions.implied.items()
        if key not in actors
    )
    place_records = tuple(
        Place(
            key=key,
            label=found[0].label,
            place_type=found[0].place_type or PlaceType.OTHER,
            mentions=tuple(_span(doc, *x) for x in extents.get(("place", key), ())),
            within=next((f.within for f in found if f.within in places), None),
        )
        for key, found in places.items()
    )
    events = tuple(_event(doc, d) for d in drafts)
    sentences = tuple(_span(doc, start, end) for start, end in columns.sentence_bounds(doc))
    extraction = Extraction(article, sentences, actor_records, place_records, events)
    return dataclasses.replace(extraction, relations=find_relations(doc, extraction))


def _event(doc: Any, d: Draft) -> Event:
    time = None
    if d.time is not None:
        time = TimeExpr(_span(doc, d.time.start, d.time.end), d.date, d.precision)
    start, end = d.sentence.start, d.sentence.end
    is_space = columns.is_spaces(doc)
    while end > start and is_space[end - 1]:
        end -= 1
    return Event(
        event_type=d.event_class,
        trigger=_span(doc, d.trigger.start, d.trigger.end),
        sentence=_span(doc, start, end),
        agents=tuple(d.agents),
        targets=tuple(d.targets),
        places=tuple(d.places),
        time=time,
        counts=Counts(**d.counts),
        reported_by=tuple(d.reported_by),
        confidence=d.confidence,
    )
