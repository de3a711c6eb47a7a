"""Rules that scan a whole sentence or story read the token columns (kg/extract/columns.py)
and make a spaCy ``Token`` only for the few words their rule is about: a ``doc[i]`` for
every word of a sentence, on every event of it, was a tenth of the mention rules' time
(bench/PERF.md). Made-up sentences."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from kg.extract.bare_claims import claimants_named
from kg.extract.found import Found, Mentions
from kg.extract.reporters import teller_tokens
from kg.model import ActorType

pytestmark = pytest.mark.model


class _Reads:
    """A Doc that records what the rules index it with (``doc[i]``, ``doc[a:b]``)."""

    def __init__(self, doc: Any) -> None:
        self._doc = doc
        self.keys: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._doc, name)

    def __len__(self) -> int:
        return len(self._doc)

    def __getitem__(self, key: Any) -> Any:
        self.keys.append(key)
        return self._doc[key]


def test_tellers_make_tokens_for_appositions_and_conjuncts_only(extractor: Any) -> None:
    text = "Gunmen kidnapped at least 30 pupils, police and residents said."
    doc = extractor.nlp(text)
    reads = _Reads(doc)
    verbs = frozenset({"say"})
    tellers = teller_tokens(reads, 0, len(doc), verbs)  # type: ignore[arg-type]
    assert tellers == teller_tokens(doc, 0, len(doc), verbs)
    assert {doc[i].text for i in tellers} >= {"police", "residents"}
    hung = [t.i for t in doc if t.dep_ in ("appos", "conj")]
    assert hung and len(reads.keys) <= 2 * len(hung)


def test_a_bare_claim_reads_only_the_verbs_of_claiming(extractor: Any) -> None:
    text = (
        "Gunmen stormed a market in Lowtown, killing 19 traders. "
        "The Lowtown Front claimed responsibility in a statement."
    )
    doc = extractor.nlp(text)
    first = next(iter(doc.sents))
    front = next(i for i, t in enumerate(doc) if t.text == "Front")
    found = Found("actor", front - 1, front + 1, "lowtown-front", "Lowtown Front",
                  actor_type=ActorType.REBEL_GROUP)  # fmt: skip
    act = SimpleNamespace(event_class="armed-clash", background=False, sentence=first, agents=[])
    reads = _Reads(doc)
    claimants_named(
        reads,  # type: ignore[arg-type]
        [act],  # type: ignore[list-item]
        Mentions([found], main_country=""),
        frozenset({"claim"}),
        frozenset({"responsibility"}),
        lambda key: True,
        lambda a, b: True,
    )
    assert act.agents == ["lowtown-front"]
    assert [doc[i].lemma_ for i in reads.keys] == ["claim"]  # no slice, no other word
