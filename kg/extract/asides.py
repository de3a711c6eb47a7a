"""Words that look like names but name no one new: a name's rendering in another language or
spelling, in brackets after it ("the Lowan Hills (Arabic: Jabal Lowan, Kurdish: Ciya Lowan)",
"the Book of Lowtown (Kiteba Lowan in Kurdish; also transliterated as Kitab Lowan)"), as
encyclopaedias write; a transcript's speaker labels ("QUESTION: Did the Secretary ...");
and a wire story's credits (its dateline's "(Reuters)", its byline: :mod:`kg.extract.datelines`).

:class:`kg.extract.mentions.MentionFinder` leaves these tokens to no finder, as it does
ships' names. The words are ``kg/data/names.toml``'s ``[asides]``.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from kg.extract import columns
from kg.extract.datelines import credit_tokens
from kg.extract.lexicon import read_words

__all__ = ["aside_tokens", "rendering_tokens", "speaker_label_tokens"]

_LONGEST_BRACKETS = 40  # tokens: a rendering is short; a longer bracket is prose


@functools.cache
def _words(key: str) -> frozenset[str]:
    return read_words("names.toml", "asides", key)


def aside_tokens(doc: Doc) -> set[int]:
    """The tokens of renderings and speaker labels in ``doc``."""
    return rendering_tokens(doc) | speaker_label_tokens(doc) | credit_tokens(doc)


def rendering_tokens(doc: Doc) -> set[int]:
    """The tokens of a name's renderings in brackets right after it. In each part of the
    bracket (parts split at semicolons): from a language's name and a colon to a comma or
    the part's end ("Arabic: ..."; an English name after a comma is a name); else the whole
    part where it ends "in <language>" or spells the name again ("also transliterated as")."""
    text = columns.texts(doc)
    out: set[int] = set()
    for i, word in enumerate(text):
        if word != "(" or i == 0 or not text[i - 1][:1].isupper():
            continue
        last = min(len(doc), i + _LONGEST_BRACKETS)
        close = next((j for j in range(i + 1, last) if text[j] in "()"), None)
        if close is None or text[close] != ")":
            continue
        start = i + 1
        for end in [j for j in range(i + 1, close) if text[j] == ";"] + [close]:
            out |= _rendering(doc, start, end)
            start = end + 1
    return out


def _rendering(doc: Doc, start: int, end: int) -> set[int]:
    """The rendering's tokens in one part of a bracket, doc[start:end]."""
    text, lower = columns.texts(doc), columns.lowers(doc)
    languages = _words("languages")
    labels = [k for k in range(start, end - 1) if lower[k] in languages and text[k + 1] == ":"]
    out: set[int] = set()
    for label in labels:
        stop = next((k for k in range(label, end) if text[k] == ","), end)
        out.update(range(label, stop))
    if labels:
        return out
    in_language = end - start > 2 and lower[end - 2] == "in" and lower[end - 1] in languages
    if in_language or any(lower[k] in _words("spellings") for k in range(start, end)):
        out.update(range(start, end))
    return out


def speaker_label_tokens(doc: Doc) -> set[int]:
    """A transcript's speaker label that names no one ("QUESTION:", "Answer:"), before a
    colon where the text or a line starts."""
    text, lower = columns.texts(doc), columns.lowers(doc)
    labels = _words("speaker_labels")
    out: set[int] = set()
    for i, word in enumerate(lower):
        if word not in labels or i + 1 >= len(doc) or text[i + 1] != ":":
            continue
        if not text[i][:1].isupper():
            continue
        if i == 0 or "\n" in doc[i - 1].whitespace_ or "\n" in text[i - 1]:
            out.add(i)
    return out
