"""``kg.rdf.mapping``: ``Triples`` (an ordered set) and ``to_triples`` beside ``to_graph``."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kg.model import Actor, ActorType, Article, Event, Extraction, Span
from kg.rdf import iris
from kg.rdf.mapping import Triples, graph_of, sort_key, to_graph, to_triples
from kg.rdf.namespaces import ACTOR_TYPE, KG, NIF, SEM

TEXT = "Gunmen attacked a market and killed traders, police said."
A, B, C = URIRef("urn:x:a"), URIRef("urn:x:b"), URIRef("urn:x:c")


def _span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


def _extraction() -> Extraction:
    """Two events in one sentence: the sentence's triples are made twice by the mapping."""
    sentence = _span(TEXT)
    gunmen = Actor("gunmen", "Gunmen", ActorType.REBEL_GROUP, (_span("Gunmen"),))
    events = (
        Event("attack", trigger=_span("attacked"), sentence=sentence, agents=("gunmen",)),
        Event("attack", trigger=_span("killed"), sentence=sentence, agents=("gunmen",)),
    )
    article = Article(id="art-9", text=TEXT, origin="tests/rdf/test_mapping.py")
    return Extraction(article, (sentence,), (gunmen,), (), events)


def test_triples_keep_the_first_insertion_order_and_each_triple_once() -> None:
    triples = Triples([(A, RDF.type, B)])
    triples.add((C, RDF.type, B))
    triples.add((A, RDF.type, B))  # again: neither counted nor moved
    triples.add((B, RDF.value, Literal("1")))
    assert list(triples) == [(A, RDF.type, B), (C, RDF.type, B), (B, RDF.value, Literal("1"))]
    assert len(triples) == 3
    assert (C, RDF.type, B) in triples and (B, RDF.type, C) not in triples


def test_to_triples_holds_what_to_graph_holds_each_once() -> None:
    extraction = _extraction()
    triples = to_triples(extraction, "test-model")
    graph = to_graph(extraction, "test-model")
    assert set(triples) == set(graph)
    assert len(triples) == len(graph) == len(list(triples))
    sentence = iris.sentence("art-9", _span(TEXT))
    assert (sentence, RDF.type, NIF.Sentence) in triples  # made twice, kept once


def test_a_graph_of_the_triples_serialises_as_the_graph_does() -> None:
    extraction = _extraction()
    expected = to_graph(extraction, "test-model").serialize(format="turtle")
    assert graph_of(to_triples(extraction, "test-model")).serialize(format="turtle") == expected
    assert "@prefix sem:" in expected  # kg's prefixes bound


def test_triples_pickle_with_their_order() -> None:
    """Workers (issue 7) hand an article's triples between processes."""
    import pickle

    triples = to_triples(_extraction(), "test-model")
    copy = pickle.loads(pickle.dumps(triples))
    assert isinstance(copy, Triples) and list(copy) == list(triples)


def test_an_event_carries_its_position() -> None:
    """kg:position is the trigger's nif:beginIndex: an article's events sort on it, and no
    query has to read an IRI."""
    text = "Gunmen attacked traders in Hama on Monday, and soldiers clashed with them."
    sentence = Span(0, len(text), text)

    def span(needle: str) -> Span:
        return Span(text.index(needle), text.index(needle) + len(needle), needle)

    events = (
        Event("attack", trigger=span("attacked"), sentence=sentence),
        Event("armed-clash", trigger=span("clashed"), sentence=sentence),
    )
    article = Article(id="art-10", text=text, origin="tests/rdf/test_mapping.py")
    graph = to_graph(Extraction(article, (sentence,), (), (), events), "test-model")
    for event in events:
        node = iris.event("art-10", event.trigger)
        trigger = graph.value(node, KG.trigger)
        assert graph.value(node, KG.position) == graph.value(trigger, NIF.beginIndex)
        assert graph.value(node, KG.position) == Literal(event.trigger.start)
        assert len(list(graph.objects(node, KG.position))) == 1


def test_an_article_carries_a_sort_key_of_its_own() -> None:
    """kg:sortKey orders articles by publication date, then by a hash of the identifier; it
    depends on the article alone (any ingest, batch or worker writes the same key)."""
    text = "Gunmen attacked traders in Lowtown on Monday."
    older = Article(id="zz-old", text=text, origin="t", published=dt.date(2024, 3, 4))
    newer = Article(id="aa-new", text=text, origin="t", published=dt.datetime(2024, 3, 5, 23, 0))
    undated = Article(id="aa-undated", text=text, origin="t")
    keys = [sort_key(a.id, a.published) for a in (older, newer, undated)]
    assert keys == sorted(keys) and len(set(keys)) == 3
    assert keys[0] // 10**10 == 20240304 and keys[2] // 10**10 == 99999999
    assert sort_key("a1", None) != sort_key(
        "a2", None
    )  # the identifier tells same-day articles apart
    assert sort_key("a1", None) == sort_key("a1", None) < 2**63 - 1  # an xsd:long
    graph = to_graph(Extraction(older, (), (), (), ()), "test-model")
    assert list(graph.objects(iris.article("zz-old"), KG.sortKey)) == [Literal(keys[0])]


def test_state_forces_abroad_are_one_node_and_external_in_their_events() -> None:
    """A state's forces acting outside their country keep their own node and type (State
    forces); the events they take part in there name them with kg:externalActor (ACLED's
    External/Other forces for that event), and only those events' actors."""
    text = "Lowland forces shelled Hightown, and Hightown militants attacked a market."
    sentence = Span(0, len(text), text)

    def span(needle: str) -> Span:
        return Span(text.index(needle), text.index(needle) + len(needle), needle)

    forces = Actor("military-forces-of-lowland", "Military Forces of Lowland",
                   ActorType.STATE_FORCES, (span("Lowland forces"),), external=True,
                   country="LL")  # fmt: skip
    militants = Actor("militants-hightown", "Militants (Hightown)", ActorType.REBEL_GROUP,
                      (span("Hightown militants"),))  # fmt: skip
    shelling = Event("shelling-artillery-missile-attack", trigger=span("shelled"),
                     sentence=sentence, agents=(forces.key,), external=(forces.key,))  # fmt: skip
    attack = Event("attack", trigger=span("attacked"), sentence=sentence,
                   agents=(militants.key,))  # fmt: skip
    article = Article(id="art-11", text=text, origin="tests/rdf/test_mapping.py")
    extraction = Extraction(article, (sentence,), (forces, militants), (), (shelling, attack))
    graph = to_graph(extraction, "test-model")
    node = iris.actor(forces.key)
    assert list(graph.objects(node, SEM.actorType)) == [ACTOR_TYPE["state-forces"]]
    assert list(graph.objects(iris.event("art-11", shelling.trigger), KG.externalActor)) == [node]
    assert not list(graph.objects(iris.event("art-11", attack.trigger), KG.externalActor))
    assert forces.acled_inter == 8 and militants.acled_inter == 2
    # an event where the actor is at home names no external actor, whatever the article
    home = Event("attack", trigger=span("attacked"), sentence=sentence, agents=(forces.key,))
    graph = to_graph(dataclasses.replace(extraction, events=(home,)), "test-model")
    assert not list(graph.objects(iris.event("art-11", home.trigger), KG.externalActor))


def test_an_event_naming_an_actor_the_article_lacks_is_refused_in_words() -> None:
    extraction = _extraction()
    stray = dataclasses.replace(extraction.events[1], targets=("traders-nowhere",))
    broken = dataclasses.replace(extraction, events=(extraction.events[0], stray))
    with pytest.raises(ValueError, match=r"names the actor 'traders-nowhere'.*bug in kg"):
        to_triples(broken, "test-model")
