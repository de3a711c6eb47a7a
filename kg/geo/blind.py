"""A quick check before a case-blind pattern's search of a whole text: whether a word the
pattern needs is there at all. ``str.lower`` and a few ``in`` tests run at C speed; a
pattern that starts case-blind (``re.I``, ``\\b``) has no literal prefix for ``re`` to
skip to, and tries every position of the text (speed only: a check says False only where
the pattern cannot match)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["UNFOLDED", "may_hold"]

# the letters a case-blind pattern matches to an ASCII letter that ``str.lower`` does not
# turn into it ("\u0130", "\u0131" for "i", "\u017f" for "s"; every code point checked)
UNFOLDED = ("\u0130", "\u0131", "\u017f")


def may_hold(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` may hold one of ``words`` (lower-case ASCII) written in any case, as a
    case-blind pattern matches it: False only when the lower-cased text has none of them and
    no letter of ``UNFOLDED``. A word not in lower-case ASCII makes the answer True."""
    if any(char in text for char in UNFOLDED):
        return True
    lower = text.lower()
    return any(not w.isascii() or w != w.lower() or w in lower for w in words)
