"""From character offsets to tokens (kg/extract/char_spans.py) as spaCy's ``char_span``
finds them."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.char_spans import char_span, char_tokens

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def doc(extractor: Any) -> Any:
    """A text with runs of spaces, a blank line and trailing whitespace."""
    return extractor.nlp(
        "Gunmen from the Lowland Front raided two villages near Lowtown on 4 May.\n"
        "Update:  Police  detained three men\n\nResidents said they were 'shaken' by (early) "
        "reports.  "
    )


def test_char_span_is_spacys_expanded_char_span(doc: Any) -> None:
    size = len(doc.text)
    for start in range(-1, size + 2):
        for end in range(start, min(start + 12, size + 2) + 1):
            try:
                expected = doc.char_span(start, end, alignment_mode="expand")
            except (ValueError, IndexError) as error:  # a span that would end before it starts
                with pytest.raises(type(error)):
                    char_span(doc, start, end)
                continue
            found = char_span(doc, start, end)
            if expected is None:
                assert found is None, (start, end)
                assert char_tokens(doc, start, end) is None
            else:
                assert (found.start, found.end) == (expected.start, expected.end), (start, end)
                assert char_tokens(doc, start, end) == (expected.start, expected.end)


def test_char_span_of_a_word_and_of_the_space_after_it(extractor: Any) -> None:
    lowtown = extractor.nlp("Gunmen raided Lowtown  at dawn.")
    at = lowtown.text.index("Lowtown")
    assert char_span(lowtown, at, at + 4).text == "Lowtown"
    assert char_span(lowtown, at + 7, at + 9).text == " "  # the extra space's token
    assert char_span(lowtown, 0, len(lowtown.text) + 5) is None
