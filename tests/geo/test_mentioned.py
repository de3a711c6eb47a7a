"""Where an article tells its places (kg.geo.mentioned.py): the indexes answer as the scans did."""

from __future__ import annotations

import random

from kg.geo.mentioned import Sentences, Told, inside
from kg.model import Place, PlaceType, Span


def _sentences(rng: random.Random, text: str) -> tuple[Span, ...]:
    cuts = sorted(rng.sample(range(1, len(text)), rng.randint(0, 12)))
    bounds = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
    return tuple(Span(a, b, text[a:b]) for a, b in bounds)


def _continued_by_scan(sentence: Span, sentences: tuple[Span, ...]) -> list[Span]:
    out: list[Span] = []
    last = sentence
    for s in sentences:
        if s.start < last.end:
            continue
        if not s.text[:1].islower() or s.text[:1] == "":
            break
        out.append(s)
        last = s
    return out


def test_the_indexes_answer_as_a_scan_of_every_sentence_and_mention() -> None:
    rng = random.Random(5)
    text = "Shelling hit Lowtown. in Midtown too. Rebels fled to Hightown. and then west. " * 3
    for _ in range(300):
        sentences = _sentences(rng, text)
        index = Sentences(sentences)
        assert index.ordered
        mentions = [Span(a, a + rng.randint(0, 9), "") for a in rng.sample(range(len(text)), 8)]
        expected = [s for s in sentences if any(inside(m, s) for m in mentions)]
        assert index.holding(mentions) == expected
        for s in sentences:
            assert index.continued(s) == _continued_by_scan(s, sentences)
        places = [
            Place(f"p{i}", f"P{i}", PlaceType.TOWN, tuple(mentions[i : i + 2]))
            for i in range(0, len(mentions), 2)
        ]
        spans = rng.sample(list(sentences), min(2, len(sentences)))
        expected_keys = {
            p.key for p in places if any(inside(m, s) for m in p.mentions for s in spans)
        }
        assert Told(places).named_in(spans) == expected_keys


def test_sentences_out_of_order_are_scanned() -> None:
    text = "Lowtown burned. Midtown fled."
    second, first = Span(16, 29, text[16:29]), Span(0, 15, text[:15])
    index = Sentences((second, first))
    assert not index.ordered
    assert index.holding([Span(0, 7, "Lowtown")]) == [first]
