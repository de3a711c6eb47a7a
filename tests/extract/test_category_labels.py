"""kg.extract.category_labels: a category label before a sentence gives its event's type."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the label types the sentence's event
        ("Movement of forces: On 3 March 2021, a convoy of troops entered Lowtown.",
         ["change-to-group-activity"]),
        # a label over a sentence whose verbs tell no event makes one
        ("Movement of forces: On 3 March 2021, the army's 5th Brigade was in Lowtown.",
         ["change-to-group-activity"]),
    ],
)  # fmt: skip
def test_a_label_types_its_sentence(extractor: Any, text: str, expected: list[str]) -> None:
    assert [e.event_type for e in acled_events(extractor, text)] == expected
