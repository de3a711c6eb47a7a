"""A wire story's dateline: "LOWTOWN, Ruritania, March 3 (Reuters) - Gunmen attacked ...".

News agencies open a story with the town it was filed from in capitals, optionally its
country or state, the day and the agency in brackets, then a dash; the lead sentence follows.
The model, trained on running text, reads the dateline as part of that sentence (the town as
its subject, the agency as an apposition), which scrambles who did what to whom. The
component ``kg_datelines`` (after the model's tagger, before its parser, as ``kg_line_breaks``)
finds a dateline where the text starts, or where one of its first lines starts (after a
headline, a byline, a time stamp, as some feeds put first), and

- starts a sentence after the dash, so the lead is parsed as a sentence of its own, and tags
  the lead's first words again without the dateline before them ("Gunmen" after
  "(Reuters) -" is a name to the tagger, at a text's start a plural noun);
- presets the town as a place entity (the entity model respects preset entities): an
  all-capitals word is no name to the model, and the dateline's town is the article's first
  place, the fallback location of its events (``kg/geo/places.py``);
- dates the story (``reporting_date``): relative days count from the dateline's day; with
  no year known, its day and month still tell how long a period is (``filed_day``);
- credits the agency as the article's publisher where the input names none (``agency``),
  and leaves it to no name finder (:func:`kg.extract.asides.aside_tokens`), as a byline
  among the first lines ("By Jane Lowe") or before the town on the dateline's own line ("By
  Jane Lowe LOWTOWN, Ruritania (Reuters) -"): who reported the story is no actor of it.

Character offsets are untouched: the Doc is the article's text, only its annotation changes.
Words in capitals that open a headline or a story but are no town ("EXCLUSIVE", "UPDATE") are
``kg/data/names.toml``'s ``[datelines] not_places``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from kg.extract import columns, dates
from kg.extract.dates import MONTHS
from kg.extract.lexicon import read_words
from kg.model import DatePrecision

__all__ = [
    "Dateline",
    "DatelineMarks",
    "agency",
    "credit_tokens",
    "filed_day",
    "filed_from",
    "find_dateline",
    "mark_dateline",
    "reporting_date",
]

_CAPS_WORD = r"[A-Z][A-Z'\u2019.\-]*[A-Z.]"  # "GUSAU", "SAN'A", "AL-MUKALLA", "ST."
_PLACE = rf"(?!BY[ ])(?P<place>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}})"
# the second town of a story filed from two ("YEREVAN/BAKU", "KYIV/MOSCOW")
_ALSO = rf"(?:/(?P<also>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}}))"
# ", Nigeria", ", Calif.", ", Ivory Coast", ", Democratic Republic of Congo"
_REGION = r"(?:,[ ]?(?P<region>[A-Z][\w.'\u2019\-]*(?:[ ](?:of|the|[A-Z][\w.'\u2019\-]*)){0,4}))"
_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:,?[ ]?(?P<date>(?:{_MONTH}[ ]{_DAY}|{_DAY}[ ]{_MONTH})(?:,?[ ](?:19|20)\d\d)?))"
_AGENCY = r"(?:[ ]?\((?P<agency>[A-Z][\w.&' \-]{0,40})\))"
# a dash: two hyphens, an en or em dash, or a hyphen with spaces (or after the agency):
# "EXCLUSIVE-Gunmen" and "Port-au-Prince" are no datelines
_DASH = r"(?:[ ]*(?:--|\u2014|\u2013)[ ]*|[ ]+-[ ]+|(?<=\))[ ]*-[ ]*)"
# a byline some feeds put on the dateline's line ("By Jane Lowe KYIV, Ukraine (Reuters) -"):
# names in capitalised words or initials, never a word all in capitals (the town)
_BY_NAME = r"[A-Z](?:[a-z][\w'\u2019\-]*|\.)"
_BY = rf"(?:(?:By|BY)[ ]+(?P<byline>{_BY_NAME}(?:,?[ ]+(?:and[ ]+|&[ ]+)?{_BY_NAME}){{0,11}})[ ]+)"
_DATELINE = re.compile(rf"{_BY}?{_PLACE}{_ALSO}?{_REGION}?{_DATE}?{_AGENCY}?{_DASH}(?=\S)")
# a town in capitalised words ("Gusau, Nigeria (AA) -"), as some agencies write it: only
# with the agency, which tells it from a sentence's first name
_TITLED_WORD = r"[A-Z][a-z'\u2019.\-]*[a-z.]"
_TITLED_PLACE = rf"(?P<place>{_TITLED_WORD}(?:[ ]{_TITLED_WORD}){{0,3}})"
_TITLED = re.compile(rf"{_BY}?{_TITLED_PLACE}{_REGION}?{_DATE}?{_AGENCY}{_DASH}(?=\S)")
_LEAD_LINES = 4  # a headline, a byline and a time stamp may come first
# a byline: "By" and names (capitalised words, "and", commas) filling its line
_NAME = r"[A-Z][\w.'\u2019\-]*"
_BYLINE = re.compile(
    rf"[ \t]*(?:By|BY)[ ]+(?P<names>{_NAME}(?:,?[ ]+(?:and[ ]+|&[ ]+)?{_NAME}){{0,11}})"
    r"[ \t]*(?=\n)"
)
# the lead's words the dateline's context may mistag (the model's tagger reads four tokens on
# either side), and how many words after them are tagged with them as their context
_RETAGGED = 4
_RETAG_CONTEXT = 12


@dataclass(frozen=True, slots=True)
class Dateline:
    """Character offsets into the text: the town, its country or state, the day and the
    agency as the dateline writes them (``None`` where it does not), where the lead
    sentence starts (after the dash), the names of a byline before the town on its line and
    the second town of a story filed from two ("YEREVAN/BAKU"; ``None`` where there is none)."""

    place: tuple[int, int]
    region: tuple[int, int] | None
    date: tuple[int, int] | None
    agency: tuple[int, int] | None
    lead: int
    byline: tuple[int, int] | None = None
    also: tuple[int, int] | None = None  # the second town of "YEREVAN/BAKU"


@functools.cache
def _not_places() -> frozenset[str]:
    return read_words("names.toml", "datelines", "not_places")


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text`` or one of its first lines, if any."""
    start = 0
    for _ in range(_LEAD_LINES):
        match = _DATELINE.match(text, start) or _TITLED.match(text, start)
        if match is not None and match.group("place").lower() not in _not_places():
            return _dateline(match)
        end = text.find("\n", start)
        if end < 0:
            return None
        start = end + 1
        while start < len(text) and text[start].isspace():
            start += 1
    return None


def _dateline(match: re.Match[str]) -> Dateline:
    def span(group: str) -> tuple[int, int] | None:
        return match.span(group) if match.group(group) is not None else None

    return Dateline(
        place=match.span("place"),
        region=span("region"),
        date=span("date"),
        agency=span("agency"),
        lead=match.end(),
        byline=span("byline"),
        also=span("also") if "also" in match.re.groupindex else None,
    )


class DatelineMarks:
    """The component ``kg_datelines`` (after the model's tagger, before its parser): a sentence
    starts after the dateline's dash, the lead's first words are tagged as they are where a
    text starts, and the dateline's town is a place entity (see the module's docstring)."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        dateline = find_dateline(doc.text)
        if dateline is not None:
            mark_dateline(doc, dateline, self._retag)
        return doc

    def _retag(self, doc: Doc, start: int) -> None:
        """Tag the first words from token ``start`` as the tagger does where a text starts:
        after "(Reuters) -" it reads "Gunmen" as a name, at a text's start as a plural noun."""
        end = min(len(doc), start + _RETAG_CONTEXT)
        lead = self.nlp.make_doc(doc[start:end].text)
        for name in ("tok2vec", "tagger"):
            if name in self.nlp.pipe_names:
                lead = self.nlp.get_pipe(name)(lead)
        for token, alone in zip(doc[start : start + _RETAGGED], lead, strict=False):
            if token.text != alone.text:
                break
            token.tag_ = alone.tag_


def mark_dateline(
    doc: Doc, dateline: Dateline, retag: Callable[[Doc, int], None] | None = None
) -> None:
    """Mark ``dateline`` in ``doc``: a sentence starts at its lead (whose first words
    ``retag`` tags again), and its town is a place entity."""
    lead = doc.char_span(dateline.lead, len(doc.text), alignment_mode="expand")
    if lead is not None and lead.start > 0:
        lead[0].is_sent_start = True
        for token in doc[_first(doc, dateline) + 1 : lead.start]:
            token.is_sent_start = False
        if retag is not None:
            retag(doc, lead.start)
    place = doc.char_span(*dateline.place, label="GPE", alignment_mode="contract")
    if place is not None and len(place) > 0 and not doc.ents:
        # the word after it is no part of it: the entity model would run on ("GUSAU, Nigeria")
        doc.set_ents([place], outside=[doc[place.end : place.end + 1]])


def _first(doc: Doc, dateline: Dateline) -> int:
    start = dateline.byline[0] if dateline.byline is not None else dateline.place[0]
    span = doc.char_span(start, dateline.place[1], alignment_mode="expand")
    return span.start if span is not None else 0


def reporting_date(text: str, published: dt.date | None) -> dt.date | None:
    """The day the story was filed: its dateline's day ("March 3": the latest March 3 not
    after ``published``; with its year, even without ``published``), else ``published``.
    Relative days ("on Sunday", "yesterday") count from it: a feed's publication time may be
    a day or more after the filing (an update, another time zone)."""
    dateline = find_dateline(text)
    if dateline is None or dateline.date is None:
        return published
    resolved = dates.resolve(text[slice(*dateline.date)], published)
    if resolved is None or resolved.precision is not DatePrecision.DAY:
        return published
    if published is not None and resolved.date > published:
        return published  # a dateline's year after the publication: a typo
    return resolved.date


# a leap year after any story's: the year of a dateline's day where nothing tells the year
NOTIONAL_YEAR = 9996


def filed_day(text: str) -> dt.date | None:
    """The dateline's day and month ("March 4") in ``NOTIONAL_YEAR``, where the story has no
    publication date and the dateline no year: periods counted back from the filing ("since
    November", ``kg/extract/tolls.py``) are as long as on the real day, and a date of the
    text with its year ("since 2015") lies before it, as before a day not known."""
    dateline = find_dateline(text)
    if dateline is None or dateline.date is None:
        return None
    words = re.findall(r"[A-Za-z]+|\d+", text[slice(*dateline.date)])
    month = next((MONTHS[w.lower()] for w in words if w.lower() in MONTHS), 0)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2), 0)
    try:
        return dt.date(NOTIONAL_YEAR, month, day)
    except ValueError:  # "February 30"
        return None


def agency(text: str) -> str | None:
    """The agency a dateline credits ("Reuters" of "(Reuters)"), if any."""
    dateline = find_dateline(text)
    if dateline is None or dateline.agency is None:
        return None
    return text[slice(*dateline.agency)].strip() or None


def filed_from(doc: Doc) -> set[int]:
    """The tokens of the dateline's town or towns and its country or state ("CAIRO", "GUSAU,
    Nigeria", "YEREVAN/BAKU"): where the story was filed, which need not be where its events
    happened."""
    dateline = _doc_dateline(doc)
    if dateline is None:
        return set()
    end = (dateline.region or dateline.also or dateline.place)[1]
    span: Span | None = doc.char_span(dateline.place[0], end, alignment_mode="expand")
    return set(range(span.start, span.end)) if span is not None else set()


def _doc_dateline(doc: Doc) -> Dateline | None:
    """``find_dateline`` of a parsed Doc's text, found once per Doc (the rules' passes ask
    for it in turn; ``Doc.text`` makes a Token of each token, ``columns.doc_text`` once)."""
    return columns.memo(doc, "dateline", lambda: find_dateline(columns.doc_text(doc)))


def credit_tokens(doc: Doc) -> set[int]:
    """The tokens of the dateline's agency (brackets included) and of a byline among the
    text's first lines ("By Jane Lowe and Ali Hill, Reuters"): who reported, no actors."""
    text = columns.doc_text(doc)
    spans = [match.span("names") for match in _bylines(text)]
    dateline = _doc_dateline(doc)
    if dateline is not None and dateline.byline is not None:
        spans.append(dateline.byline)
    if dateline is not None and dateline.agency is not None:
        start, end = dateline.agency
        spans.append((start - 1, end + 1))
    out: set[int] = set()
    for start, end in spans:
        span: Span | None = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _bylines(text: str) -> list[re.Match[str]]:
    out = []
    start = 0
    for _ in range(_LEAD_LINES):
        match = _BYLINE.match(text, start)
        if match is not None:
            out.append(match)
        end = text.find("\n", start)
        if end < 0:
            break
        start = end + 1
    return out
