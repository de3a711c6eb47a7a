"""Read the numbers news writes: "190,000", "6.5 million", "Three million", "at least 12"."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "single": 1,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
_RANGE = re.compile(r"\s*(?:-|\u2013|\bto\b|\bor\b|\band\b)\s*")
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
# words around a figure that do not change its value ("at least", "more than", "some")
_IGNORED = frozenset(
    [
        "at",
        "least",
        "more",
        "than",
        "over",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "up",
        "to",
        "approximately",
        "roughly",
        "another",
        "and",
        ",",
        "the",
        "estimated",
        "between",
    ]
)


# the words a figure is made of, besides digits ("twenty-one", "a dozen", "at least")
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | _IGNORED


def parse_number(text: str) -> int | None:
    """The integer a figure denotes, or None when it is not a definite number.

    >>> parse_number("6.5 million"), parse_number("Three million"), parse_number("190,000")
    (6500000, 3000000, 190000)
    """
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w not in _IGNORED]
    if not words:
        return None
    low = _range(text)
    if low is not None:
        return low
    return _value(words)


def _range(text: str) -> int | None:
    """The lower bound of a range ("7-9", "two or three", "between 5 and 10"): ACLED codes
    the lowest credible figure. None if the text is not a range ("twenty-one", "a hundred
    and twenty")."""
    parts = _RANGE.split(text.lower().strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    words = [[w for w in re.split(r"[\s-]+", p) if w and w not in _IGNORED] for p in parts]
    low, high = _value(words[0]), _value(words[1])
    if low is None or high is None or low >= high:
        return None  # "twenty-one": 20 and 1 are no range
    return low


def _value(words: list[str]) -> int | None:
    total = 0
    current: float = 0
    seen = False
    for word in words:
        word = word.strip(".")
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += round(current)
                current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return round(total + current)
