"""Score ACLED notes one at a time: ``AcledTally.add(note, prediction)``, then ``report()``.

The tally keeps counters and a bounded heap of the worst examples, never the notes, so memory
stays flat. The rules (docs/EVAL.md has them with examples):

- event_type, sub_event_type: P/R/F1 over (article, type) pairs, the gold being the union over
  the note's rows; per type; the confusion of gold and predicted sub-event types.
- location: right when a label of the selected events' places and mapped locations matches a
  row's ``location`` (``names_match``), or a mapped location's point is within 25 km of a row's
  coordinates; other views: by name only, by point only (with the median error in km), any
  place kg found in the note, and ``admin1``-``admin3`` as alternatives.
- date: exact, over notes that state a date (``states_date``); the others are counted apart;
  also over the notes whose date has its year (``states_full_date``).
- fatalities: exact per article total, over all notes and over notes whose gold is above 0.
- actor types: P/R/F1 over (article, ACLED inter code) pairs; lenient: every actor in the note.
"""

from __future__ import annotations

import heapq
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.evaluate.acled import Note
from kg.evaluate.predict import ACLED_SUB_TYPES, Policy, Prediction
from kg.evaluate.scoring import NONE, PRF, ClassTable, Confusion, Rate
from kg.geo.geocode import haversine_km
from kg.geo.names import names_match

__all__ = ["RADIUS_KM", "AcledReport", "AcledTally", "Example", "errors"]

RADIUS_KM = 25.0
NOTE_CHARS = 300  # note text kept in an example


def _any_match(gold: Iterable[str], predicted: Iterable[str]) -> bool:
    predicted = tuple(predicted)
    return any(names_match(g, p) for g in gold for p in predicted)


def _near(gold: Iterable[tuple[float, float]], predicted: Iterable[tuple[float, float]]) -> bool:
    predicted = tuple(predicted)
    return any(haversine_km(g, p) <= RADIUS_KM for g in gold for p in predicted)


def _location_hit(note: Note, pred: Prediction) -> bool:
    """The location figure: a predicted place's name matches, or its point is within 25 km."""
    return _any_match(note.locations, pred.places) or _near(note.coords, pred.coords)


def errors(note: Note, pred: Prediction) -> dict[str, int]:
    """The fields a prediction gets wrong for a note, each with the size of its error."""
    wrong = {
        "sub_event_type": len(note.sub_types ^ pred.sub_types),
        "event_type": len(note.event_types ^ pred.event_types),
        "location": int(bool(note.locations) and not _location_hit(note, pred)),
        "date": int(note.states_date and pred.date not in note.dates),
        "fatalities": abs(note.fatalities - pred.fatalities),
        "actor_types": len(note.inters ^ pred.inters),
    }
    return {k: v for k, v in wrong.items() if v}


@dataclass(frozen=True, slots=True)
class Example:
    """One scored note with its gold, its prediction and what was wrong."""

    article_id: str
    country: str
    text: str
    gold: dict[str, Any]
    predicted: dict[str, Any]
    errors: dict[str, int]

    @classmethod
    def of(cls, note: Note, pred: Prediction, wrong: dict[str, int]) -> Example:
        text = note.text if len(note.text) <= NOTE_CHARS else note.text[: NOTE_CHARS - 1] + "…"
        gold = {
            "sub_event_type": sorted(note.sub_types),
            "location": list(note.locations),
            "date": sorted(d.isoformat() for d in note.dates),
            "fatalities": note.fatalities,
            "actor_types": sorted(note.inters),
        }
        predicted = {
            "sub_event_type": sorted(pred.sub_types),
            "trigger": pred.trigger,
            "location": list(pred.places),
            "date": pred.date.isoformat() if pred.date else None,
            "fatalities": pred.fatalities,
            "actor_types": sorted(pred.inters),
        }
        if pred.failed:
            predicted["failed"] = pred.failed
        return cls(note.article_id, note.country, text, gold, predicted, wrong)

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article_id,
            "country": self.country,
            "note": self.text,
            "gold": self.gold,
            "predicted": self.predicted,
            "errors": self.errors,
        }


@dataclass(slots=True)
class AcledTally:
    """Counters for one policy over a stream of (note, prediction) pairs."""

    policy: Policy = "top"
    keep_examples: int = 10
    notes: int = 0
    rows: int = 0
    failed: int = 0
    event_types: ClassTable = field(default_factory=ClassTable)
    sub_types: ClassTable = field(default_factory=ClassTable)
    confusion: Confusion = field(default_factory=Confusion)
    location: Rate = field(default_factory=Rate)
    location_any_place: Rate = field(default_factory=Rate)
    location_or_admin: Rate = field(default_factory=Rate)
    location_named: Rate = field(default_factory=Rate)  # over notes that name their location
    location_by_name: Rate = field(default_factory=Rate)
    within_25km: Rate = field(default_factory=Rate)  # over notes whose rows have coordinates
    error_km: list[float] = field(default_factory=list)  # where kg put the event on a map
    date: Rate = field(default_factory=Rate)
    date_full: Rate = field(default_factory=Rate)  # over notes stating day, month and year
    undated_notes: int = 0
    undated_dated: int = 0  # undated notes kg gave a date anyway
    undated_exact: int = 0
    fatalities: Rate = field(default_factory=Rate)
    fatalities_positive: Rate = field(default_factory=Rate)
    fatalities_top: Rate = field(default_factory=Rate)
    actors: PRF = field(default_factory=PRF)
    actors_note: PRF = field(default_factory=PRF)
    actor_types: ClassTable = field(default_factory=ClassTable)
    unknown_labels: Counter[str] = field(default_factory=Counter)
    _worst: list[tuple[int, int, int, Example]] = field(default_factory=list)

    def add(self, note: Note, pred: Prediction) -> dict[str, int]:
        """Score one note; returns its errors (see ``errors``)."""
        self.notes += 1
        self.rows += len(note.rows)
        self.failed += pred.failed is not None
        self._types(note, pred)
        self._location(note, pred)
        self._date(note, pred)
        self.fatalities.add(pred.fatalities == note.fatalities)
        if note.fatalities > 0:
            self.fatalities_positive.add(pred.fatalities == note.fatalities)
        self.fatalities_top.add(pred.top_fatalities == note.fatalities)
        self.actors.add(note.inters, pred.inters)
        self.actors_note.add(note.inters, pred.note_inters)
        self.actor_types.add({str(c) for c in note.inters}, {str(c) for c in pred.inters})
        wrong = errors(note, pred)
        self._keep(note, pred, wrong)
        return wrong

    def _types(self, note: Note, pred: Prediction) -> None:
        self.event_types.add(note.event_types, pred.event_types)
        self.sub_types.add(note.sub_types, pred.sub_types)
        self.confusion.add(set(note.sub_types), set(pred.sub_types))
        for label in note.sub_types - ACLED_SUB_TYPES:
            self.unknown_labels[label] += 1

    def _location(self, note: Note, pred: Prediction) -> None:
        if note.locations:
            by_name = _any_match(note.locations, pred.places)
            hit = _location_hit(note, pred)
            self.location.add(hit)
            self.location_by_name.add(by_name)
            self.location_any_place.add(by_name or _any_match(note.locations, pred.note_places))
            names = (*note.locations, *note.admins)
            self.location_or_admin.add(_any_match(names, pred.note_places))
            if note.names_location:
                self.location_named.add(hit)
        if note.coords:
            self.within_25km.add(_near(note.coords, pred.coords))
            if pred.coords:
                self.error_km.append(
                    min(haversine_km(g, p) for g in note.coords for p in pred.coords)
                )

    def _date(self, note: Note, pred: Prediction) -> None:
        if note.states_date:
            self.date.add(pred.date in note.dates)
            if note.states_full_date:
                self.date_full.add(pred.date in note.dates)
        else:
            self.undated_notes += 1
            self.undated_dated += pred.date is not None
            self.undated_exact += pred.date is not None and pred.date in note.dates

    def _keep(self, note: Note, pred: Prediction, wrong: dict[str, int]) -> None:
        if not wrong or self.keep_examples <= 0:
            return
        # Worst first: most fields wrong, then the largest errors, then the earliest note.
        key = (len(wrong), sum(wrong.values()), -self.notes)
        if len(self._worst) < self.keep_examples:
            heapq.heappush(self._worst, (*key, Example.of(note, pred, wrong)))
        elif key > self._worst[0][:3]:
            heapq.heapreplace(self._worst, (*key, Example.of(note, pred, wrong)))

    def report(self, **meta: Any) -> AcledReport:
        worst = [item[3] for item in sorted(self._worst, key=lambda t: t[:3], reverse=True)]
        return AcledReport(self, worst, meta)


@dataclass(frozen=True, slots=True)
class AcledReport:
    """The figures of a finished tally, with its worst examples and run facts (``meta``)."""

    tally: AcledTally
    examples: list[Example]
    meta: dict[str, Any]

    @property
    def median_error_km(self) -> float | None:
        """Median distance from kg's point to the nearest coded point (None: no point)."""
        errors = self.tally.error_km
        return round(statistics.median(errors), 1) if errors else None

    def headline(self) -> dict[str, tuple[float | None, int]]:
        """The figures with targets: key -> (value, the number of items it is over)."""
        t = self.tally
        return {
            "event_type_f1": (t.event_types.micro().f1, t.notes),
            "sub_event_type_f1": (t.sub_types.micro().f1, t.notes),
            "location": (t.location.value, t.location.total),
            "date_exact": (t.date.value, t.date.total),
            "fatalities_exact": (t.fatalities.value, t.fatalities.total),
            "actor_type_f1": (t.actors.f1, t.notes),
        }

    def to_json(self) -> dict[str, Any]:
        from kg.evaluate.report import figures_json

        t = self.tally
        unstated = {"notes": t.undated_notes, "dated": t.undated_dated, "exact": t.undated_exact}
        return {
            "dataset": "acled",
            **self.meta,
            "policy": t.policy,
            "notes": t.notes,
            "rows": t.rows,
            "failed": t.failed,
            "figures": figures_json(self.headline()),
            "event_type": {**t.event_types.micro().to_json(), "per_type": t.event_types.to_json()},
            "sub_event_type": {**t.sub_types.micro().to_json(), "per_type": t.sub_types.to_json()},
            "location": {
                "event_places": t.location.to_json(),
                "any_place_in_note": t.location_any_place.to_json(),
                "location_or_admin_any_place": t.location_or_admin.to_json(),
                "notes_naming_location": t.location_named.to_json(),
                "by_name": t.location_by_name.to_json(),
                "within_25km": t.within_25km.to_json(),
                "median_error_km": self.median_error_km,
                "notes_with_a_point": len(t.error_km),
            },
            "date": {
                "stated": t.date.to_json(),
                "stated_with_year": t.date_full.to_json(),
                "unstated": unstated,
            },
            "fatalities": {
                "all": t.fatalities.to_json(),
                "gold_above_zero": t.fatalities_positive.to_json(),
                "top_event_only": t.fatalities_top.to_json(),
            },
            "actor_types": {
                **t.actors.to_json(),
                "all_actors_in_note": t.actors_note.to_json(),
                "per_type": t.actor_types.to_json(),
            },
            "confusion": t.confusion.to_json(),
            "examples": [e.to_json() for e in self.examples],
            "unknown_labels": dict(t.unknown_labels),
            "none_label": NONE,
        }
