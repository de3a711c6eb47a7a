"""Clean an article's text before extraction: one form for newlines, HTML reduced to its text,
NFC, no invisible characters, no page boilerplate. Offsets in the graph point into the result.
"""

from __future__ import annotations

import functools
import itertools
import re
import sys
import unicodedata
from html.parser import HTMLParser

from kg.errors import ResourceError
from kg.resources import data_dir

_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_TAG = re.compile(
    r"</?(?:p|div|br|span|a|b|i|em|strong|h[1-6]|li|ul|ol|table|tr|td|img|script|style"
    r"|article|section|header|footer|nav|figure|meta|link|body|head)\b[^<>]*>",
    re.IGNORECASE,
)
_HTML_TAG_THRESHOLD = 5
_SKIP_TAGS = re.compile(  # dropped with their text: code, and the page around the story
    r"script|style|noscript|template|head|svg|nav|footer|aside|form|button|select"
)
_BLOCK_TAGS = re.compile(  # become line breaks
    r"p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|hr|figure"
    r"|figcaption|aside|nav|main|dd|dt|title|body|html"
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # a missing </head> must not swallow the page
            self._skip = 0
        if _SKIP_TAGS.fullmatch(tag):
            self._skip += 1
        elif _BLOCK_TAGS.fullmatch(tag):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if _SKIP_TAGS.fullmatch(tag):
            self._skip = max(0, self._skip - 1)
        elif _BLOCK_TAGS.fullmatch(tag):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:9].lower()
    if head.startswith(("<!doctype", "<html")):
        return True
    return len(_TAG.findall(text, 0, 200_000)) >= _HTML_TAG_THRESHOLD


def html_to_text(html: str) -> str:
    """Text of an HTML page: markup, scripts and styles dropped, blocks on their own lines."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return "\n".join(line.strip() for line in "".join(parser.parts).split("\n"))


@functools.cache
def _boilerplate() -> re.Pattern[str]:
    """The patterns of ``kg/data/boilerplate.txt`` as one case-insensitive alternation."""
    path = data_dir() / "boilerplate.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(path, f"cannot be read ({exc.strerror}); reinstall kg") from exc
    patterns = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                patterns.append(re.compile(line).pattern)
            except re.error as exc:
                raise ResourceError(path, f"line {number}: bad pattern {line!r}: {exc}") from exc
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)


@functools.cache
def _invisible() -> re.Pattern[str]:
    """Control (Cc but tab and newline), format (Cf: zero-width, bidi marks, soft hyphen) and
    surrogate (Cs) characters: one class built from the Unicode database, once (~0.3 s)."""
    codes = [
        code
        for code in range(sys.maxunicode + 1)
        if code not in (9, 10) and unicodedata.category(chr(code)) in ("Cc", "Cf", "Cs")
    ]
    runs = itertools.groupby(enumerate(codes), key=lambda pair: pair[1] - pair[0])
    spans = [[code for _, code in run] for _, run in runs]
    return re.compile("[" + "".join(f"\\U{s[0]:08x}-\\U{s[-1]:08x}" for s in spans) + "]+")


def _without_invisible(text: str) -> str:
    """``text`` without the characters of ``_invisible``. ``str.isprintable`` is false for
    every Cc, Cf and Cs character, so a text printable but for its newlines and tabs (most
    are) has none, and the class, costly to build, is not built (a re-ingest that skips every
    article spends its time reading)."""
    if text.replace("\n", "").replace("\t", "").isprintable():
        return text
    return _invisible().sub("", text)


def _is_boilerplate(line: str) -> bool:
    trimmed = line.strip()
    return bool(trimmed) and _boilerplate().fullmatch(trimmed) is not None


def clean_text(text: str) -> str:
    """Normalise an article's text; the result is what extraction sees and offsets point into.

    Newlines become ``\\n``; HTML is reduced to its text; NFC; zero-width, format and control
    characters other than ``\\n`` and ``\\t`` go; trailing spaces go; lines of page boilerplate
    (``kg/data/boilerplate.txt``) go; runs of blank lines become one; the whole is stripped.
    """
    text = _NEWLINES.sub("\n", text)
    if looks_like_html(text):
        text = html_to_text(text)
    text = unicodedata.normalize("NFC", _without_invisible(text))
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if not _is_boilerplate(line))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
