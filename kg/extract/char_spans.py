"""From character offsets to tokens: the records carry character offsets (a mention's, an
event trigger's), the rules read tokens. ``char_span`` is spaCy's
``Doc.char_span(start_char, end_char, alignment_mode="expand")``, found by bisecting the
``idx`` column (:mod:`kg.extract.columns`) instead of making ``Token``s to read offsets; the
other way, ``columns.char_offsets`` gives a span's ``start_char`` and ``end_char``."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Span

from kg.extract.columns import idxs, texts, whitespaces

__all__ = ["char_span", "char_tokens"]


def char_span(doc: Any, start_char: int, end_char: int) -> Any:
    """``doc.char_span(start_char, end_char, alignment_mode="expand")``: the tokens that hold
    the characters, None where one end falls outside every token (``char_tokens``)."""
    found = char_tokens(doc, start_char, end_char)
    return None if found is None else Span(doc, *found)  # as spaCy's makes it


def char_tokens(doc: Any, start_char: int, end_char: int) -> tuple[int, int] | None:
    """``(span.start, span.end)`` of ``char_span(doc, start_char, end_char)``, found in the
    ``idx`` column: spaCy's ``Doc.char_span`` makes five ``Token``s to read offsets (a
    ``Span`` itself three: its first and last characters)."""
    idx, text, space = idxs(doc), texts(doc), whitespaces(doc)
    # the token whose text or trailing whitespace holds a character (spaCy's token_by_char)
    first, last = bisect_right(idx, start_char) - 1, bisect_right(idx, end_char - 1) - 1
    if first < 0 or start_char >= idx[first] + len(text[first]) + len(space[first]):
        return None
    if last < 0 or end_char - 1 >= idx[last] + len(text[last]) + len(space[last]):
        return None
    if start_char == idx[first] + len(text[first]):
        first += 1  # on the whitespace after a token: the span starts after it
    if first > last + 1:  # spaCy's own error for a span that would end before it starts
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        return None if span is None else (span.start, span.end)
    return first, last + 1
