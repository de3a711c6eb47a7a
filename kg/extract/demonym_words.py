"""Demonyms of two words ("South Sudanese", "Central African"): the word before a demonym may
make one with it that names another country than the demonym alone ("Sudanese": Sudan)."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence

__all__ = ["demonym_at", "opens_demonym"]


def demonym_at(lowers: Sequence[str], i: int, demonyms: Mapping[str, str]) -> str | None:
    """The country word ``i`` names: with the word before it where the two make one name
    ("south sudanese": SS), else alone ("sudanese": SD); None where it names none, or opens a
    name of two words that the next word ends ("south" of "South Sudanese")."""
    if i + 1 < len(lowers) and opens_demonym(lowers[i], lowers[i + 1], demonyms):
        return None
    if i > 0 and (iso := demonyms.get(f"{lowers[i - 1]} {lowers[i]}")) is not None:
        return iso
    return demonyms.get(lowers[i])


def opens_demonym(before: str, first: str, demonyms: Container[str]) -> bool:
    """Whether ``before`` and ``first`` (lower-case words) make a demonym of two words: the
    "Central" of "Central African town" makes "African" no town's name."""
    return f"{before} {first}" in demonyms
