"""Scoring arithmetic: counts to precision, recall and F1, per-class tables, a confusion count,
rates, and the great-circle distance. Nothing here knows about ACLED or kg's records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Set
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "NONE",
    "PRF",
    "ClassTable",
    "Confusion",
    "Rate",
    "f1_of",
]

NONE = "(none)"  # the label of "no prediction" (or, for CASE's unseen classes, "no event")


def f1_of(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(slots=True)
class PRF:
    """True positives, false positives, false negatives; precision, recall and F1 from them.

    A ratio with a zero denominator is 0.0 (sklearn's ``zero_division=0``).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Set[Hashable], predicted: Set[Hashable]) -> None:
        """Count one item's gold and predicted sets: matches, extras, misses."""
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


@dataclass(slots=True)
class Rate:
    """How many of ``total`` were right; ``value`` is None when there was nothing to score."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def to_json(self) -> dict[str, Any]:
        value = self.value
        return {
            "hits": self.hits,
            "total": self.total,
            "value": None if value is None else round(value, 4),
        }


@dataclass(slots=True)
class ClassTable:
    """A PRF per class, filled item by item from gold and predicted label sets.

    ``micro`` pools the counts (P/R/F1 over (item, label) pairs); ``weighted_f1`` is sklearn's
    ``average="weighted"`` (each class's F1 weighted by its gold support); ``macro_f1`` is the
    unweighted mean over the classes named (by default those with gold support).
    """

    classes: dict[str, PRF] = field(default_factory=dict)

    def add(self, gold: Set[str], predicted: Set[str]) -> None:
        for label in gold | predicted:
            self.classes.setdefault(label, PRF()).add(
                {label} & gold,
                {label} & predicted,
            )

    def add_one(self, gold: str, predicted: str) -> None:
        """One item of a single-label task (``NONE`` is a label like any other)."""
        self.add({gold}, {predicted})

    def micro(self) -> PRF:
        total = PRF()
        for prf in self.classes.values():
            total.tp += prf.tp
            total.fp += prf.fp
            total.fn += prf.fn
        return total

    def gold_classes(self) -> list[str]:
        return sorted(label for label, prf in self.classes.items() if prf.support)

    def weighted_f1(self) -> float:
        support = sum(prf.support for prf in self.classes.values())
        if not support:
            return 0.0
        return sum(prf.f1 * prf.support for prf in self.classes.values()) / support

    def macro_f1(self, labels: Iterable[str] | None = None) -> float:
        names = list(self.gold_classes() if labels is None else labels)
        if not names:
            return 0.0
        return sum(self.classes.get(n, PRF()).f1 for n in names) / len(names)

    def to_json(self) -> dict[str, dict[str, Any]]:
        return {label: self.classes[label].to_json() for label in sorted(self.classes)}


@dataclass(slots=True)
class Confusion:
    """Counts of (gold, predicted) label pairs.

    For one item with label sets, ``add`` pairs each label found in both with itself, then the
    missed gold labels with the extra predicted ones in sorted order; a missed label left over
    pairs with ``NONE`` as predicted, an extra one with ``NONE`` as gold. Every true positive
    lies on the diagonal and every error off it, once.
    """

    cells: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: Set[str], predicted: Set[str]) -> None:
        for label in sorted(gold & predicted):
            self.cells[label, label] += 1
        missed = sorted(gold - predicted)
        extra = sorted(predicted - gold)
        for i in range(max(len(missed), len(extra))):
            g = missed[i] if i < len(missed) else NONE
            p = extra[i] if i < len(extra) else NONE
            self.cells[g, p] += 1

    def off_diagonal(self, n: int | None = None) -> list[tuple[str, str, int]]:
        """The largest error cells, most frequent first (ties by gold then predicted label)."""
        errors = [(g, p, c) for (g, p), c in self.cells.items() if g != p]
        errors.sort(key=lambda cell: (-cell[2], cell[0], cell[1]))
        return errors if n is None else errors[:n]

    def to_json(self) -> list[dict[str, Any]]:
        cells = sorted(self.cells.items(), key=lambda kv: (-kv[1], kv[0]))
        return [{"gold": g, "predicted": p, "count": c} for (g, p), c in cells]
