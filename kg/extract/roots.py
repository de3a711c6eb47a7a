"""A span's root read on the token columns (:mod:`kg.extract.columns`): ``doc[start:end].root``
without the ``Span``, which costs ~3 us to make (a slice normalised in Python, three
``Token``s for its character offsets) besides the root's ``Token``."""

from __future__ import annotations

from typing import Any

from kg.extract import columns

__all__ = ["span_root"]


def span_root(doc: Any, start: int, end: int) -> int:
    """``doc[start:end].root.i`` for a non-empty span, as spaCy's ``Span.root`` finds it: a
    sentence's root inside the span, else the first of the tokens whose heads lie outside it
    that is fewest steps below its sentence's root (a space or punctuation without children
    counts as farthest)."""
    if end - start == 1:  # a word is its own root (~60 % of the calls)
        return start
    head = columns.heads(doc)
    outside: list[int] = []  # the tokens whose heads lie outside the span
    for i in range(start, end):
        h = head[i]
        if h == i:
            return i
        if not start <= h < end:
            outside.append(i)
    if len(outside) == 1:  # the common case: one subtree, no steps to count
        return outside[0]
    best, root = len(head), -1
    for i in outside:
        steps = _steps_to_root(doc, head, i)
        if steps < best:
            best, root = steps, i
    return start if root == -1 else root


def _steps_to_root(doc: Any, head: tuple[int, ...], i: int) -> int:
    """spaCy's ``_count_words_to_root``: the steps up from token ``i`` to its sentence's root;
    a space or punctuation mark without children one less than the Doc's length."""
    if not columns.children(doc)[i] and (columns.is_spaces(doc)[i] or columns.is_puncts(doc)[i]):
        return len(head) - 1
    for steps in range(len(head)):
        if head[i] == i:
            return steps
        i = head[i]
    return len(head)  # heads in a loop, which no parse makes (spaCy raises its E039)
