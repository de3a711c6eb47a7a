"""Alternations of many words for patterns that ignore case, grouped by first letter.

Python's regular expressions try every branch of an alternation at every position when the
pattern ignores case (the quick test of a branch's first character is made only for
case-sensitive literals), so an alternation of names run over a whole text costs a branch
entry per name and position. Grouped by first letter, "(?:j(?:anuary|une|an)|f(?:ebruary|eb))"
instead of "january|february|june|feb|jan", a position enters only its letter's branches.
The matches are the same: within a group the names keep their order (the order in which the
flat alternation tries them), and a name of another group cannot match where a group's letter
is. Where two first letters match each other ignoring case ("s" and the long s, "\u017f"), the
names stay one flat alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["by_first_letter"]


def by_first_letter(names: Iterable[str]) -> str:
    """The alternation of ``names`` (non-empty, each tried in the order given), grouped by
    first letter, as a non-capturing group to put in a pattern that ignores case."""
    ordered = list(names)
    groups: dict[str, list[str]] = {}
    for name in ordered:
        groups.setdefault(name[0], []).append(name)
    letters = sorted(groups)
    if any(re.fullmatch(re.escape(a), b, re.I) for a in letters for b in letters if a != b):
        return "(?:" + "|".join(re.escape(n) for n in ordered) + ")"
    return (
        "(?:"
        + "|".join(
            re.escape(letter) + "(?:" + "|".join(re.escape(n[1:]) for n in groups[letter]) + ")"
            for letter in letters
        )
        + ")"
    )
