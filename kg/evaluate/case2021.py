"""CASE 2021 task 2 snippets as a second, independent view of sub-event type classification.

Each snippet (TSV ``id``, ``EventSnippet``, ``SubType``) is one article; kg's prediction is the
sub-event type of its most confident ACLED event, or ``(none)``. Gold codes of the 25 ACLED
classes map to kg's concept ids; the five "unseen" classes (ORG_CRIME, NATURAL_DISASTER,
MAN_MADE_DISASTER, DIPLO, ATTRIB) are no ACLED event, so for them the right answer is to
predict no ACLED event (``(none)``). The headline is sklearn's support-weighted F1 over the
25 ACLED classes, on the snippets of those classes; the same over all snippets, with ``(none)``
as the unseen snippets' class, is reported beside it.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.clean import clean_text
from kg.errors import InputError
from kg.evaluate.predict import ACLED_PARENT, Prediction
from kg.evaluate.scoring import NONE, ClassTable, Confusion, Rate
from kg.model import Article

__all__ = ["CASE_CODES", "UNSEEN", "CaseReport", "CaseTally", "Snippet", "read_snippets"]

CASE_CODES: dict[str, str] = {
    "ABDUCT_DISSAP": "abduction-forced-disappearance",
    "AGREEMENT": "agreement",
    "AIR_STRIKE": "air-drone-strike",
    "ARMED_CLASH": "armed-clash",
    "ARREST": "arrests",
    "ART_MISS_ATTACK": "shelling-artillery-missile-attack",
    "ATTACK": "attack",
    "CHANGE_TO_GROUP_ACT": "change-to-group-activity",
    "CHEM_WEAP": "chemical-weapon",
    "DISR_WEAP": "disrupted-weapons-use",
    "FORCE_AGAINST_PROTEST": "excessive-force-against-protesters",
    "GOV_REGAINS_TERIT": "government-regains-territory",
    "GRENADE": "grenade",
    "HQ_ESTABLISHED": "headquarters-or-base-established",
    "MOB_VIOL": "mob-violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "non-state-actor-overtakes-territory",
    "NON_VIOL_TERRIT_TRANSFER": "non-violent-transfer-of-territory",
    "OTHER": "other",
    "PEACE_PROTEST": "peaceful-protest",
    "PROPERTY_DISTRUCT": "looting-property-destruction",
    "PROTEST_WITH_INTER": "protest-with-intervention",
    "REM_EXPLOS": "remote-explosive-landmine-ied",
    "SEX_VIOL": "sexual-violence",
    "SUIC_BOMB": "suicide-bomb",
    "VIOL_DEMONSTR": "violent-demonstration",
}
UNSEEN = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")
DATA_FILE = "test_set_final_release_with_labels.tsv"
EXAMPLE_CHARS = 240


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    code: str  # CASE's class code, e.g. ARMED_CLASH

    @property
    def gold(self) -> str:
        """kg's concept id for an ACLED class; ``NONE`` for an unseen one."""
        return CASE_CODES.get(self.code, NONE)

    @property
    def seen(self) -> bool:
        return self.code in CASE_CODES

    @property
    def article(self) -> Article:
        return Article(id=f"case-{self.id}", text=self.text, origin=f"case2021:{self.id}")


def _data_file(path: Path) -> Path:
    if not path.exists():
        raise InputError(
            str(path), f"does not exist; give the CASE 2021 task 2 folder or {DATA_FILE}"
        )
    if path.is_dir():
        named = path / DATA_FILE
        if named.is_file():
            return named
        tsvs = sorted(path.glob("*.tsv"))
        if len(tsvs) != 1:
            raise InputError(str(path), f"holds no {DATA_FILE}; give the TSV file itself")
        return tsvs[0]
    return path


def read_snippets(path: Path) -> list[Snippet]:
    """The labelled snippets of the CASE 2021 task 2 TSV (or of the folder holding it).
    Raises ``InputError`` when it cannot be read, lacks the columns or has an unknown code."""
    path = _data_file(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(str(path), f"is not a readable TSV file ({exc})") from exc
    if not rows or rows[0][:3] != ["id", "EventSnippet", "SubType"]:
        raise InputError(str(path), "is not the CASE 2021 task 2 TSV (id, EventSnippet, SubType)")
    snippets = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 3:
            raise InputError(str(path), "has fewer than 3 columns", line)
        code = row[2].strip()
        if code not in CASE_CODES and code not in UNSEEN:
            raise InputError(str(path), f"unknown class {code!r}", line)
        snippets.append(Snippet(row[0].strip(), clean_text(row[1]), code))
    return snippets


@dataclass(slots=True)
class CaseTally:
    """Counters over a stream of (snippet, prediction) pairs."""

    keep_examples: int = 10
    seen: ClassTable = field(default_factory=ClassTable)  # ACLED-class snippets only
    everything: ClassTable = field(default_factory=ClassTable)  # unseen gold = (none)
    accuracy_seen: Rate = field(default_factory=Rate)
    accuracy_all: Rate = field(default_factory=Rate)
    event_type_seen: Rate = field(default_factory=Rate)  # the ACLED parent is right
    unseen: dict[str, Counter[str]] = field(default_factory=dict)
    confusion: Confusion = field(default_factory=Confusion)  # unseen gold: (none)
    failed: int = 0
    _first: dict[tuple[str, str], Snippet] = field(default_factory=dict)

    def add(self, snippet: Snippet, pred: Prediction) -> bool:
        """Score one snippet; returns whether kg's answer was right."""
        guess = pred.top or NONE
        self.failed += pred.failed is not None
        right = guess == snippet.gold
        self.everything.add_one(snippet.gold, guess)
        self.accuracy_all.add(right)
        if snippet.seen:
            self.seen.add_one(snippet.gold, guess)
            self.accuracy_seen.add(right)
            self.event_type_seen.add(ACLED_PARENT.get(guess) == ACLED_PARENT[snippet.gold])
        else:
            self.unseen.setdefault(snippet.code, Counter())[guess] += 1
        cell = (snippet.gold, guess)
        self.confusion.add({cell[0]}, {cell[1]})
        if not right:
            self._first.setdefault(cell, snippet)
        return right

    def report(self, **meta: Any) -> CaseReport:
        cells = self.confusion.off_diagonal(self.keep_examples)
        examples = [(g, p, self._first[g, p]) for g, p, _ in cells if (g, p) in self._first]
        return CaseReport(self, examples, meta)


@dataclass(frozen=True, slots=True)
class CaseReport:
    tally: CaseTally
    examples: list[tuple[str, str, Snippet]]  # one snippet of each of the largest confusions
    meta: dict[str, Any]

    def headline(self) -> dict[str, tuple[float | None, int]]:
        t = self.tally
        return {"case_weighted_f1": (t.seen.weighted_f1(), t.accuracy_seen.total)}

    def unseen_json(self) -> dict[str, Any]:
        return {
            code: {
                "snippets": sum(counts.values()),
                "no_acled_event": counts[NONE],
                "predicted": dict(counts.most_common()),
            }
            for code, counts in sorted(self.tally.unseen.items())
        }

    def to_json(self) -> dict[str, Any]:
        from kg.evaluate.report import figures_json

        t = self.tally
        return {
            "dataset": "case2021",
            **self.meta,
            "snippets": t.accuracy_all.total,
            "acled_class_snippets": t.accuracy_seen.total,
            "failed": t.failed,
            "figures": figures_json(self.headline()),
            "acled_classes": {
                "weighted_f1": round(t.seen.weighted_f1(), 4),
                "macro_f1": round(t.seen.macro_f1(), 4),
                "accuracy": t.accuracy_seen.to_json(),
                "event_type_accuracy": t.event_type_seen.to_json(),
                "per_class": t.seen.to_json(),
            },
            "all_classes": {
                "weighted_f1": round(t.everything.weighted_f1(), 4),
                "macro_f1": round(t.everything.macro_f1(), 4),
                "accuracy": t.accuracy_all.to_json(),
                "per_class": t.everything.to_json(),
            },
            "unseen": self.unseen_json(),
            "confusion": t.confusion.to_json(),
            "examples": [
                {"id": s.id, "gold": g, "predicted": p, "snippet": _cut(s.text)}
                for g, p, s in self.examples
            ],
            "none_label": NONE,
        }


def _cut(text: str, size: int = EXAMPLE_CHARS) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
