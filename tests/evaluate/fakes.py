"""Made-up ACLED rows and hand-made extraction records for the evaluation tests.

Every note here is invented; no row of ACLED's data is copied (its terms forbid it).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from kg.model import (
    Actor,
    ActorType,
    Article,
    Counts,
    Event,
    Extraction,
    Place,
    PlaceType,
    Span,
    TimeExpr,
)

# ACLED's column order (with the provenance columns of ../shared/eval/acled).
ACLED_COLUMNS = [
    "src_id",
    "src_repo",
    "src_commit",
    "src_path",
    "text_caveat",
    "event_date_raw",
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


def acled_row(**fields: str) -> dict[str, str]:
    """A made-up row: an armed clash in an invented town unless ``fields`` say otherwise."""
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(
        event_id_cnty="XYZ1",
        event_date="2021-03-03",
        event_type="Battles",
        sub_event_type="Armed clash",
        inter1="1",
        inter2="2",
        country="Testland",
        admin1="North Province",
        location="Qaryat Zed",
        latitude="35.0",
        longitude="38.0",
        notes="On 3 March 2021, military forces clashed with rebels in Qaryat Zed.",
        fatalities="0",
    )
    row.update(fields)
    return row


def write_acled(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words), words)


def event(
    text: str,
    trigger: str,
    event_type: str,
    *,
    confidence: float = 0.5,
    places: tuple[str, ...] = (),
    agents: tuple[str, ...] = (),
    targets: tuple[str, ...] = (),
    date: dt.date | None = None,
    fatalities: int | None = None,
) -> Event:
    trig = span(text, trigger)
    return Event(
        event_type=event_type,
        trigger=trig,
        sentence=Span(0, len(text), text),
        agents=agents,
        targets=targets,
        places=places,
        time=TimeExpr(trig, date) if date else None,
        counts=Counts(fatalities=fatalities),
        confidence=confidence,
    )


def place(text: str, label: str) -> Place:
    return Place(label.lower().replace(" ", "-"), label, PlaceType.TOWN, (span(text, label),))


def actor(text: str, words: str, key: str, actor_type: ActorType) -> Actor:
    return Actor(key, words, actor_type, (span(text, words),))


def extraction(
    text: str,
    events: tuple[Event, ...],
    places: tuple[Place, ...] = (),
    actors: tuple[Actor, ...] = (),
    article_id: str = "a1",
) -> Extraction:
    return Extraction(
        Article(article_id, text), (Span(0, len(text), text),), actors, places, events
    )
