"""What a trigger acts on (kg/extract/trigger_args.py), read from the Doc's columns, is what
spaCy's Tokens give."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.drafts import Draft
from kg.extract.trigger_args import object_lemmas

pytestmark = pytest.mark.model


def _by_tokens(head: Any) -> frozenset[str]:
    out = set()
    for child in head.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr") or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            out |= {t.lemma_.lower() for t in child.subtree}
        elif child.dep_ == "ccomp":
            subjects = (c for c in child.children if c.dep_ == "nsubj")
            out |= {t.lemma_.lower() for s in subjects for t in s.subtree}
    if head.dep_ in ("compound", "amod"):
        out |= {t.lemma_.lower() for t in head.head.subtree}
    if head.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in head.children):
        out.add(head.head.lemma_.lower())
    return frozenset(out)


@pytest.mark.parametrize(
    "text",
    [
        "Troops seized a large cache of rifles and ammunition near Lowtown on Monday.",
        "The rifles the militia seized were destroyed, and a weapons cache was found.",
        "Police found a car believed to be the gunmen's in the old quarter of Lowtown.",
    ],
)
def test_object_lemmas_are_the_subtrees_lemmas(extractor: Any, text: str) -> None:
    doc = extractor.nlp(text)
    sent = doc[:]
    for token in doc:
        draft = Draft("seizure", doc[token.i : token.i + 1], sent)
        assert object_lemmas(draft) == _by_tokens(token), token.text
    seized = next(t for t in doc if t.lower_ in ("seized", "found"))
    assert object_lemmas(Draft("seizure", doc[seized.i : seized.i + 1], sent))
