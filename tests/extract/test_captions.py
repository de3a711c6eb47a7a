"""Photo captions before the story (kg/extract/captions.py), on made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.captions import is_caption

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Soldiers stand beside weapons found near the town on March 3, 2020.", True),
        ("A photo shows fighters near the checkpoint.", True),
        ("Rebel fighters take away a flag in Lowtown. AFP", True),
        ("On 3 May 2020, herders clash with farmers in the village.", False),  # a note's date
        ("Police say they arrested three men.", False),  # a story told in the present
        ("Gunmen killed two farmers near the village.", False),
    ],
)
def test_a_caption_is_a_present_sentence_dated_or_credited(
    extractor: Any, text: str, caption: bool
) -> None:
    first = next(extractor.nlp(text).sents)
    assert is_caption(first) is caption
