"""The parse walk the event stages share (kg/extract/drafts.py)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.drafts import CLAUSE_DEPS, Draft, paragraph_start, walk, walk_depth

pytestmark = pytest.mark.model

TEXT = (
    "Al Qaeda-linked gunmen and soldiers, backed by jets, attacked the village that the army "
    "had taken, according to residents, and killed two farmers who were working in a field. "
    "Police said the attackers fled."
)


def _walk_by_tokens(token: Any, stop: set[int]) -> list[tuple[int, int]]:
    """The walk's rule read off spaCy's Tokens, as it was written first."""
    out, todo = [], [(token, 0)]
    while todo:
        t, depth = todo.pop()
        out.append((t.i, depth))
        for child in t.children:
            if child.i in stop or child.dep_ in CLAUSE_DEPS:
                continue
            if child.dep_ == "amod" and child.pos_ == "VERB":
                continue
            if child.dep_ == "prep" and child.lower_ == "according":
                continue
            todo.append((child, depth if child.dep_ in ("conj", "cc", "appos") else depth + 1))
    return out


def test_the_walk_follows_its_rule_from_every_token(extractor: Any) -> None:
    doc = extractor.nlp(TEXT)
    verbs = [t.i for t in doc if t.pos_ == "VERB"]
    assert len(verbs) > 3
    for token in doc:
        for stop in (set(), set(verbs), {token.head.i}):
            assert walk_depth(token, stop) == _walk_by_tokens(token, stop)
            assert walk(token, stop) == [i for i, _ in _walk_by_tokens(token, stop)]


def test_the_walk_stays_out_of_clauses_and_stops(extractor: Any) -> None:
    doc = extractor.nlp(TEXT)
    attacked = next(t for t in doc if t.lower_ == "attacked")
    reached = {doc[i].lower_ for i in walk(attacked, set())}
    assert {"attacked", "village", "gunmen", "soldiers"} <= reached
    assert not reached & {"had", "taken", "residents", "linked", "according"}
    killed = next(t.i for t in doc if t.lower_ == "killed")
    assert killed not in walk(attacked, {killed})


def test_drafts_of_one_paragraph_share_its_start(extractor: Any) -> None:
    doc = extractor.nlp("Gunmen attacked Lowtown. Police came.\nRebels shelled Hightown.")
    first, second, third = (Draft("attack", s[:1], s) for s in doc.sents)
    assert paragraph_start(first) == paragraph_start(second) == -1
    assert paragraph_start(third) == doc.text.index("\n")
