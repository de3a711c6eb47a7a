"""ACLED event records as gold: read the CSV, group rows by their note, decide what a note states.

An ACLED export has one row per event and location; the coder's summary (``notes``) is the
text kg reads. Rows with the same note are one article (ACLED splits one report over several
locations): its article id is the first row's ``event_id_cnty`` and its gold is the union over
its rows. ``read_notes`` returns these ``Note`` records in file order; nothing here runs spaCy.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.clean import clean_text
from kg.errors import InputError
from kg.geo.names import named_in, text_words
from kg.model import Article
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES

__all__ = [
    "REQUIRED_COLUMNS",
    "GoldRow",
    "Note",
    "acled_ids",
    "group_rows",
    "parse_row",
    "read_notes",
    "states_date",
    "states_full_date",
]

REQUIRED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "inter1",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "notes",
    "fatalities",
)

# A date the text states on its own: a day with a month name ("On 22 February 2020", "On Feb 01",
# "Mar 11th", "22nd of February"), an ISO date or a d/m/y date. Weekdays and relative words
# ("on Friday", "yesterday") do not count. Month names must be capitalised ("may" is a verb).
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![A-Za-z])"
)
_DAY = r"(?<![\d/.-])(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d/])"
STATED_DATE = re.compile(
    rf"{_DAY}\s+(?:of\s+)?{_MONTH}"
    rf"|(?<![A-Za-z]){_MONTH}\s*{_DAY}"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"
)

_YEAR = r",?\s*(?:19|20)\d{2}(?!\d)"
FULL_DATE = re.compile(
    rf"{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}"
    rf"|(?<![A-Za-z]){_MONTH}\s*{_DAY}{_YEAR}"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"
)


def states_date(text: str) -> bool:
    """Whether a note states a calendar day: a day and a month (or a numeric full date)."""
    return STATED_DATE.search(text) is not None


def states_full_date(text: str) -> bool:
    """Whether a note states a day with its month and year: a date kg can resolve without
    the article's publication date ("On 22 February 2020", but not "On Feb 22")."""
    return FULL_DATE.search(text) is not None


@functools.cache
def acled_ids() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """ACLED's English labels to kg's concept ids (event types, sub-event types), and each
    sub-event type id to its event type id."""
    from kg.rdf.taxonomy import event_type_labels

    labels = event_type_labels()
    parents = {sub: parent for parent, subs in ACLED_EVENT_TYPES.items() for sub in subs}
    types = {labels[t]: t for t in ACLED_EVENT_TYPES if t in labels}
    subs = {labels[s]: s for s in parents if s in labels}
    return types, subs, parents


@dataclass(frozen=True, slots=True)
class GoldRow:
    """The fields of one ACLED row that are scored. Types are kg concept ids when ACLED's label
    is known (``"armed-clash"``), else the label as written, which no prediction can match."""

    event_id: str
    event_date: dt.date | None
    event_type: str
    sub_event_type: str
    inter: tuple[int, ...]  # the row's non-zero inter1, inter2 (ACLED actor types 1-8)
    country: str
    location: str
    admins: tuple[str, ...]  # admin1, admin2, admin3 where filled
    coords: tuple[float, float] | None  # latitude, longitude
    fatalities: int
    recorded: dt.date | None = None  # the ``timestamp`` column: when ACLED published the row


@dataclass(frozen=True, slots=True)
class Note:
    """One distinct note: the article kg reads and the union of its rows' gold.

    ``published`` stands in for the article's publication date, which a news feed gives and
    an ACLED note lacks: the earliest day ACLED published one of its rows (``timestamp``),
    when the reader was asked for it. kg uses it only where the text leaves a date open (a
    day and month without a year, "yesterday"), as it uses a real article's date."""

    article_id: str
    text: str  # the stripped note after ``clean_text``: what the extractor sees
    rows: tuple[GoldRow, ...]
    published: dt.date | None = None

    @property
    def article(self) -> Article:
        return Article(
            id=self.article_id,
            text=self.text,
            published=self.published,
            origin=f"acled:{self.article_id}",
        )

    @property
    def sub_types(self) -> frozenset[str]:
        return frozenset(r.sub_event_type for r in self.rows)

    @property
    def event_types(self) -> frozenset[str]:
        return frozenset(r.event_type for r in self.rows)

    @property
    def inters(self) -> frozenset[int]:
        return frozenset(code for r in self.rows for code in r.inter)

    @property
    def fatalities(self) -> int:
        return sum(r.fatalities for r in self.rows)

    @property
    def dates(self) -> frozenset[dt.date]:
        return frozenset(r.event_date for r in self.rows if r.event_date is not None)

    @property
    def locations(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.location for r in self.rows if r.location))

    @property
    def admins(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for r in self.rows for a in r.admins))

    @property
    def coords(self) -> tuple[tuple[float, float], ...]:
        return tuple(r.coords for r in self.rows if r.coords is not None)

    @property
    def country(self) -> str:
        return self.rows[0].country

    @property
    def states_date(self) -> bool:
        return states_date(self.text)

    @property
    def states_full_date(self) -> bool:
        return states_full_date(self.text)

    @property
    def names_location(self) -> bool:
        """Whether the note names one of its gold locations (as whole folded words)."""
        words = text_words(self.text)
        return any(named_in(location, words) for location in self.locations)


def _int(value: str, default: int = 0) -> int:
    try:
        return int(value.strip() or default)
    except ValueError:
        return default


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def _recorded(value: str | None) -> dt.date | None:
    """ACLED's ``timestamp``: Unix seconds (as exports write it) or an ISO date."""
    value = (value or "").strip()
    if value.isdigit():
        return dt.datetime.fromtimestamp(int(value), dt.UTC).date()
    return _date(value[:10]) if value else None


def parse_row(row: dict[str, str]) -> GoldRow:
    """The scored fields of one CSV row (``csv.DictReader``'s dict)."""
    types, subs, _ = acled_ids()
    lat, lon = _float(row["latitude"]), _float(row["longitude"])
    return GoldRow(
        event_id=row["event_id_cnty"].strip(),
        event_date=_date(row["event_date"]),
        event_type=types.get(row["event_type"].strip(), row["event_type"].strip()),
        sub_event_type=subs.get(row["sub_event_type"].strip(), row["sub_event_type"].strip()),
        inter=tuple(c for c in (_int(row["inter1"]), _int(row["inter2"])) if 1 <= c <= 8),
        country=row["country"].strip(),
        location=row["location"].strip(),
        admins=tuple(a for k in ("admin1", "admin2", "admin3") if (a := row[k].strip())),
        coords=(lat, lon) if lat is not None and lon is not None else None,
        fatalities=max(0, _int(row["fatalities"])),
        recorded=_recorded(row.get("timestamp")),
    )


def group_rows(rows: Iterable[tuple[str, GoldRow]], *, dated: bool = False) -> list[Note]:
    """(note text, row) pairs to one ``Note`` per distinct stripped text, in order of first
    appearance; empty notes are dropped. ``dated``: each note is published on the earliest
    day one of its rows was recorded."""
    groups: dict[str, list[GoldRow]] = {}
    for text, row in rows:
        text = text.strip()
        if text:
            groups.setdefault(text, []).append(row)
    return [
        Note(rows[0].event_id, clean_text(text), tuple(rows), _published(rows) if dated else None)
        for text, rows in groups.items()
    ]


def _published(rows: Iterable[GoldRow]) -> dt.date | None:
    return min((r.recorded for r in rows if r.recorded is not None), default=None)


def _read_rows(path: Path, country: str | None) -> Iterator[tuple[str, GoldRow]]:
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from exc
    with handle:
        reader = csv.DictReader(handle)
        try:
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise InputError(
                    str(path),
                    "is not an ACLED export: missing column(s) " + ", ".join(missing),
                )
            wanted = country.casefold() if country else None
            for row in reader:
                if wanted is None or row["country"].strip().casefold() == wanted:
                    yield row["notes"], parse_row(row)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(str(path), f"is not a readable CSV file ({exc})") from exc


def read_notes(
    path: Path, *, limit: int | None = None, country: str | None = None, dated: bool = False
) -> list[Note]:
    """The distinct notes of an ACLED CSV export (of one ``country`` when given; the first
    ``limit`` when given), each with all its rows; ``dated``: published when ACLED first
    recorded one of its rows. Raises ``InputError`` when the file cannot be read or lacks
    ACLED's columns."""
    if not path.exists():
        raise InputError(str(path), "does not exist; give the path of an ACLED CSV export")
    if path.is_dir():
        raise InputError(str(path), "is a folder; give the ACLED CSV file")
    notes = group_rows(_read_rows(path, country), dated=dated)
    return notes if limit is None else notes[:limit]
