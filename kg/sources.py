"""Read articles from files, folders, JSON Lines and stdin, one at a time.

``read_articles`` yields an ``Article`` per readable input and a ``Problem`` per input that is
not one; a Problem is reported and counted by the caller, never fatal here. Inputs are
streamed: a JSON Lines file or stdin is read a line at a time, a folder an entry at a time.
Every article's text goes through ``clean_text``; offsets in the graph point into that text.
"""

from __future__ import annotations

import codecs
import datetime as dt
import itertools
import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from kg.clean import clean_text
from kg.errors import InputError
from kg.model import Article

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# A folder's own documentation, not articles (seeds/README.md); still read when named directly.
DOC_STEMS = frozenset({"readme", "license", "licence", "attribution", "changelog", "notice"})
_TOO_BIG = "is larger than the {:,}-byte limit; pass a larger --max-bytes to read it"
_BINARY = "looks binary (NUL bytes{}); give kg UTF-8 text (re-save UTF-16 as UTF-8)"
_NOT_UTF8 = "is not UTF-8 (byte 0x{:02x} at offset {}); convert it: iconv -f CP1252 -t UTF-8"
_EXAMPLE = '{"id": "a1", "text": "..."}'


#: A Problem's ``kind`` -> how the summary names it ("unreadable: 2 not UTF-8, 1 binary").
PROBLEM_KINDS = {
    "missing-path": "no such path",
    "cannot-read": "cannot be read",
    "stdin-twice": "stdin named twice",
    "too-large": "too large",
    "binary": "binary",
    "not-utf8": "not UTF-8",
    "empty": "no text",
    "bad-json": "bad JSON",
    "missing-field": "no id or text",
    "bad-field": "bad field",
    "duplicate-id": "duplicate id",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not be read as an article: reported and counted, never fatal."""

    origin: str  # path, "path:line" or "<stdin>:line"
    reason: str  # readable: what is wrong and what to do
    kind: str = "cannot-read"  # one of PROBLEM_KINDS, for the summary's counts


class _Refused(InputError):
    """An InputError that says which kind of problem it is (a key of PROBLEM_KINDS)."""

    def __init__(self, source: str, kind: str, reason: str) -> None:
        super().__init__(source, reason)
        self.kind = kind


@dataclass(slots=True)
class ReadStats:
    """Filled in by ``read_articles`` when passed: files found in folders and not read.

    ``skipped`` counts them by suffix (``".pdf"``, ``""`` for none), and documentation files
    such as ``README.md`` under ``"README"``.
    """

    skipped: Counter[str] = field(default_factory=Counter)


# --- reading --------------------------------------------------------------------------------

_Lines = Iterator[tuple[int, bytes | None]]


def read_articles(
    paths: Sequence[str],
    *,
    stdin: IO[str] | IO[bytes] | None = None,
    max_bytes: int = 5_000_000,
    stdin_name: str = "stdin",
    stats: ReadStats | None = None,
) -> Iterator[Article | Problem]:
    """Yield an Article for each readable input and a Problem for each one that is not.

    ``paths`` are files, folders (read recursively, sorted) or ``-`` for ``stdin`` (default:
    the process's stdin); ``stdin_name`` is the id of a plain-text article read from stdin.
    ``max_bytes`` limits a file, a plain-text stdin, and each line of JSON Lines. An id seen
    before in the batch is a Problem: the first article wins.
    """
    seen: dict[str, str] = {}
    stdin_read = False
    for arg in [paths] if isinstance(paths, str) else paths:
        if arg != "-":
            items = _read_path(arg, max_bytes, stats if stats is not None else ReadStats())
        elif stdin_read:
            items = iter(
                [
                    Problem(
                        "<stdin>", "stdin is named more than once; it is read once", "stdin-twice"
                    )
                ]
            )
        else:
            stdin_read = True
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
            items = _read_stdin(stream, stdin_name, max_bytes)
        for item in items:
            if isinstance(item, Article) and item.id in seen:
                first = seen[item.id]
                reason = f"duplicate id {item.id!r}, first read from {first}; give each its own id"
                item = Problem(item.origin, reason, "duplicate-id")
            elif isinstance(item, Article):
                seen[item.id] = item.origin
            yield item


def _read_path(arg: str, max_bytes: int, stats: ReadStats) -> Iterator[Article | Problem]:
    if os.path.isdir(arg):
        yield from _read_folder(arg, (), max_bytes, stats, set())
    elif os.path.exists(arg):
        yield from _read_file(arg, os.path.splitext(os.path.basename(arg))[0], max_bytes)
    else:
        yield Problem(arg, "no such file or folder; check the path", "missing-path")


def _read_folder(
    root: str, rel: tuple[str, ...], max_bytes: int, stats: ReadStats, visited: set[str]
) -> Iterator[Article | Problem]:
    """Files under ``root/rel`` in name order, hidden ones skipped; ids are relative paths."""
    folder = os.path.join(root, *rel)
    if (real := os.path.realpath(folder)) in visited:  # a symlink loop
        return
    visited.add(real)
    try:
        with os.scandir(folder) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield Problem(folder, f"cannot be listed ({exc.strerror}); check its permissions")
        return
    for entry in entries:
        stem, suffix = os.path.splitext(entry.name)
        if entry.is_dir():
            yield from _read_folder(root, (*rel, entry.name), max_bytes, stats, visited)
        elif stem.lower() in DOC_STEMS:
            stats.skipped["README"] += 1
            logger.debug("skipped %s: a folder's documentation, not an article", entry.path)
        elif suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
            yield from _read_file(entry.path, "/".join((*rel, stem)), max_bytes)
        else:
            stats.skipped[suffix.lower()] += 1
            logger.debug("skipped %s: not .txt, .md, .jsonl or .ndjson", entry.path)


def _read_file(path: str, article_id: str, max_bytes: int) -> Iterator[Article | Problem]:
    """A JSON Lines file by its suffix; any other file is one plain-text article."""
    try:
        with open(path, "rb") as file:
            if os.path.splitext(path)[1].lower() in JSONL_SUFFIXES:
                yield from _jsonl_items(_lines(file.readline, max_bytes), path, max_bytes)
            else:
                yield _guard(_text_article, file.read(max_bytes + 1), article_id, path, max_bytes)
    except OSError as exc:
        yield Problem(path, f"cannot be read ({exc.strerror}); check that it is a readable file")


def _read_stdin(stream: IO[Any], name: str, max_bytes: int) -> Iterator[Article | Problem]:
    try:
        yield from _stdin_items(stream, name, max_bytes)
    except (OSError, UnicodeDecodeError) as exc:  # a text stream that failed to decode, a pipe
        yield Problem("<stdin>", f"cannot be read ({exc}); pipe UTF-8 text or JSON Lines")


def _stdin_items(stream: IO[Any], name: str, max_bytes: int) -> Iterator[Article | Problem]:
    """JSON Lines when the first non-blank character is ``{``, else one plain-text article."""
    lines = _lines(lambda size: _as_bytes(stream.readline(size)), max_bytes)
    head: list[tuple[int, bytes | None]] = []
    for number, raw in lines:
        head.append((number, raw))
        if raw is None or _content(raw):
            break
    first = head[-1][1] if head else b""
    if first is not None and _content(first).startswith(b"{"):
        yield from _jsonl_items(itertools.chain(head, lines), "<stdin>", max_bytes)
    elif first is None:  # its first line alone is over the limit
        yield Problem("<stdin>", _TOO_BIG.format(max_bytes), "too-large")
    else:
        data = b"".join(raw or b"" for _, raw in head)
        data += _as_bytes(stream.read(max(0, max_bytes + 1 - len(data))))
        yield _guard(_text_article, data, name, "<stdin>", max_bytes)


def _content(raw: bytes) -> bytes:
    return raw.removeprefix(codecs.BOM_UTF8).strip()


def _as_bytes(chunk: str | bytes) -> bytes:
    return chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else chunk


def _lines(readline: Callable[[int], bytes], limit: int) -> _Lines:
    """Numbered lines, each read with bounded memory; None for a line longer than ``limit``."""
    number = 0
    while raw := readline(limit + 1):
        number += 1
        if len(raw.rstrip(b"\r\n")) <= limit:
            yield number, raw
            continue
        while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
            raw = readline(65536)
        yield number, None


def _jsonl_items(lines: _Lines, name: str, max_bytes: int) -> Iterator[Article | Problem]:
    for number, raw in lines:
        if raw is None:
            yield Problem(f"{name}:{number}", "line " + _TOO_BIG.format(max_bytes), "too-large")
        elif b"\x00" in raw:  # a binary file: stop at once rather than report every line
            yield Problem(name, _BINARY.format(f" on line {number}"), "binary")
            return
        elif _content(raw):
            yield _guard(_json_article, raw, f"{name}:{number}")


def _guard(build: Callable[..., Article], *args: Any) -> Article | Problem:
    """``build(*args)``, with an InputError turned into a Problem."""
    try:
        return build(*args)
    except InputError as exc:
        where = exc.source if exc.line is None else f"{exc.source}:{exc.line}"
        return Problem(where, exc.reason, exc.kind if isinstance(exc, _Refused) else "bad-field")


# --- building articles ----------------------------------------------------------------------


def _decode(raw: bytes, origin: str) -> str:
    if b"\x00" in raw:
        raise _Refused(origin, "binary", _BINARY.format(""))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Refused(origin, "not-utf8", _NOT_UTF8.format(raw[exc.start], exc.start)) from None


def _text_article(raw: bytes, article_id: str, origin: str, max_bytes: int) -> Article:
    if len(raw) > max_bytes:
        raise _Refused(origin, "too-large", _TOO_BIG.format(max_bytes))
    text = clean_text(_decode(raw, origin))
    if not text:
        raise _Refused(origin, "empty", "has no text (empty, blank or only page boilerplate)")
    return Article(id=article_id, text=text, origin=origin)


def _json_article(raw: bytes, origin: str) -> Article:
    try:
        obj = json.loads(_decode(raw, origin).rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" at")  # "Invalid control character at"
        reason = f"is not valid JSON ({what} at column {exc.colno}); write one object per line"
        raise _Refused(origin, "bad-json", f"{reason}, like {_EXAMPLE}") from None
    if not isinstance(obj, dict):
        raise _Refused(
            origin, "bad-json", f"must be a JSON object like {_EXAMPLE}, not {_kind(obj)}"
        )
    article_id, text = _string(obj, "id", origin), _string(obj, "text", origin)
    if not article_id:
        raise _Refused(
            origin, "missing-field", 'has no "id"; give each article a non-empty string id'
        )
    if not text or not (cleaned := clean_text(text)):
        raise _Refused(
            origin, "missing-field", f'{article_id!r} has no "text" (missing, blank or boilerplate)'
        )
    published = _string(obj, "published", origin)
    return Article(
        id=article_id,
        text=cleaned,
        title=_string(obj, "title", origin),
        url=_string(obj, "url", origin),
        published=parse_published(published, origin) if published else None,
        source=_string(obj, "source", origin),
        origin=origin,
    )


def _kind(value: object) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "true or false"}
    return "null" if value is None else kinds.get(type(value), "a number")


def _string(obj: dict[str, Any], key: str, origin: str) -> str | None:
    """A string field, stripped; None when absent, null or blank."""
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(origin, f'"{key}" must be a string, not {_kind(value)}')
    if value is None or not value.strip():
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(origin, f'"{key}" holds a lone surrogate (bad \\u escape)') from None
    return value.strip()


def parse_published(value: str, origin: str = "") -> dt.date | dt.datetime:
    """An ISO 8601 date (``2016-12-15``) or date-time (``2016-12-15T10:30:00Z``)."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return dt.date.fromisoformat(text) if len(text) <= 10 else dt.datetime.fromisoformat(text)
    except ValueError:
        reason = f'"published" {value!r} is not an ISO 8601 date or date-time'
        raise InputError(origin, f"{reason}; write e.g. 2016-12-15 or 2016-12-15T10:30Z") from None
