"""Invariants of the extraction records that the SHACL gate relies on: a text span denotes one
thing (an actor, a place or an event's trigger), and no sentence makes the rules loop."""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from kg.model import Article, Extraction

TEXTS = [
    "Defusal: a bomb was discovered in Kisumu and defused by police.",
    "Defusal: Bomb discovered in Kitengela",
    "The Syrians fled. Syrians in Aleppo said the Syrian government shelled them.",
    "The Government of Iraq welcomed the statement. Iraq said its forces would fight ISIL.",
    # no finite verb: the rules climbing to the root must stop there
    "Bandits returning from a cattle raid against herders in Moyale, ambushed by police.",
    "Air strikes in support of the army against the rebels near Hama.",
    "Strikes in support of Kurdish forces against ISIL fighters, the coalition said.",
]


@pytest.fixture
def deadline() -> Iterator[None]:
    def expired(*_: Any) -> None:
        raise TimeoutError("the extraction rules took over 20 s on one sentence: a loop?")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _spans(extraction: Extraction) -> Counter[tuple[int, int]]:
    spans: Counter[tuple[int, int]] = Counter()
    for thing in (*extraction.actors, *extraction.places):
        spans.update({(m.start, m.end) for m in thing.mentions})
    spans.update({(e.trigger.start, e.trigger.end) for e in extraction.events})
    return spans


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_a_span_denotes_one_thing(geo_extractor: Any, text: str, deadline: None) -> None:
    extraction = geo_extractor.extract_one(Article("t", text))
    shared = {span: n for span, n in _spans(extraction).items() if n > 1}
    assert not shared, [(text[a:b], n) for (a, b), n in shared.items()]
