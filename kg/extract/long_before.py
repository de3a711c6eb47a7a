"""Happenings a story tells long before its own: "Militants were blamed for a bombing in
Lowtown in December 2023 that killed four people" in a story of March 2025 is background (who
the militants are), not a happening the story reports. An event whose own date (a date in its
own sentence, not one carried from another) falls more than ``_LONG_DAYS`` before the story's
reference date is dropped, when the story tells some happening of its own days; a story of
past events alone (a retrospective) keeps them."""

from __future__ import annotations

import datetime as dt

from kg.extract.drafts import Draft

__all__ = ["recent_only"]

# a happening dated more than a year before the story's is told as background
_LONG_DAYS = 365


def recent_only(drafts: list[Draft], reference: dt.date | None) -> list[Draft]:
    """``drafts`` without the happenings dated long before ``reference``, if any other
    happening (not a statement) is of the story's own days."""
    if reference is None:
        return drafts
    old = {id(d) for d in drafts if _long_before(d, reference)}
    if not old:
        return drafts
    if not any(d.event_class != "statement" and id(d) not in old for d in drafts):
        return drafts  # "In December 2023, a bombing killed four": the story's only news
    return [d for d in drafts if id(d) not in old]


def _long_before(d: Draft, reference: dt.date) -> bool:
    if d.time is None or d.date is None:
        return False
    if not d.sentence.start <= d.time.start < d.sentence.end:
        return False  # a day carried from another sentence
    return (reference - d.date).days > _LONG_DAYS
