"""Run kg's full evaluations and print the figures as markdown (for bench/EVAL.md).

    .venv/bin/python bench/eval_acled.py > /tmp/figures.md
    .venv/bin/python bench/eval_acled.py --failures /tmp/kg-failures   # + failing notes

ACLED: every distinct note of ../shared/eval/acled/dev/acled_dev.csv, extracted once and
scored under both policies (top, all). CASE 2021: every task 2 snippet. With --failures DIR,
each failing ACLED note (top policy) is written to DIR/<field>.jsonl for error analysis;
keep DIR outside the repository (ACLED's terms forbid redistributing its data).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

# this checkout's kg, not an installed one (an editable install may point at another checkout)
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.evaluate import evaluate_case2021, extract_each, prediction_of  # noqa: E402
from kg.evaluate.acled import read_notes  # noqa: E402
from kg.evaluate.predict import POLICIES  # noqa: E402
from kg.evaluate.report import FIGURES, TARGETS, label  # noqa: E402
from kg.evaluate.scoring import PRF, Rate  # noqa: E402
from kg.evaluate.tally import AcledReport, AcledTally, Example  # noqa: E402
from kg.extract import Extractor  # noqa: E402

SHARED = ROOT / ".." / "shared" / "eval"


def _progress(done: int, total: int, seconds: float) -> None:
    if done % 500 == 0 or done == total:
        print(f"  {done:,}/{total:,} in {seconds:.0f} s", file=sys.stderr)


def _v(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _pr(prf: PRF) -> str:
    return f"{_v(prf.precision)} / {_v(prf.recall)}"


def _rn(rate: Rate) -> str:
    return f"{_v(rate.value)} (n={rate.total:,})"


def _median_km(t: AcledTally) -> str:
    if not t.error_km:
        return "n/a"
    return f"{statistics.median(t.error_km):.1f} (n={len(t.error_km):,})"


def _undated(t: AcledTally) -> str:
    return f"{t.undated_dated:,} / {t.undated_exact:,} of {t.undated_notes:,}"


def run_acled(
    path: Path, extractor: Extractor, failures: Path | None, *, dated: bool = True
) -> dict[str, AcledReport]:
    notes = read_notes(path, dated=dated)
    tallies = {policy: AcledTally(policy, keep_examples=0) for policy in POLICIES}
    sinks: dict[str, IO[str]] = {}
    start = time.perf_counter()
    for note, result in extract_each(notes, extractor, _progress, len(notes)):
        for policy, tally in tallies.items():
            pred = prediction_of(result, policy)
            wrong = tally.add(note, pred)
            if failures is not None and policy == "top":
                for field in wrong:
                    if field not in sinks:
                        sinks[field] = (failures / f"{field}.jsonl").open("w", encoding="utf-8")
                    record = Example.of(note, pred, wrong).to_json()
                    record["note"] = note.text  # whole, for reading
                    record["predicted"]["places_in_note"] = list(pred.note_places)
                    record["predicted"]["actor_types_in_note"] = sorted(pred.note_inters)
                    sinks[field].write(json.dumps(record, ensure_ascii=False) + "\n")
    for sink in sinks.values():
        sink.close()
    seconds = round(time.perf_counter() - start, 1)
    return {
        p: t.report(
            file=str(path),
            model=extractor.model_name,
            seconds=seconds,
            published="timestamp" if dated else None,
        )
        for p, t in tallies.items()
    }


def acled_markdown(reports: dict[str, AcledReport]) -> list[str]:
    top = reports["top"]
    t = top.tally
    lines = [
        f"ACLED dev: {t.notes:,} distinct notes ({t.rows:,} rows), extraction "
        f"{top.meta['seconds']} s for both policies ({t.notes / top.meta['seconds']:.0f} "
        "articles/s); publication dates "
        + ("from the rows' timestamp." if top.meta.get("published") else "none (--undated)."),
        "",
        "| figure | target | top | all |",
        "| --- | --- | --- | --- |",
    ]
    heads = {p: r.headline() for p, r in reports.items()}
    for key in heads["top"]:
        values = " | ".join(_v(heads[p][key][0]) for p in POLICIES)
        lines.append(
            f"| {FIGURES[key]} (n={heads['top'][key][1]:,}) | {TARGETS[key]:.2f} | {values} |"
        )
    lines += ["", "| other view | top | all |", "| --- | --- | --- |"]
    views: list[tuple[str, Callable[[AcledTally], str]]] = [
        ("event_type P / R", lambda x: _pr(x.event_types.micro())),
        ("sub_event_type P / R", lambda x: _pr(x.sub_types.micro())),
        ("location: any place in the note", lambda x: _rn(x.location_any_place)),
        ("location or admin1-3: any place in the note", lambda x: _rn(x.location_or_admin)),
        ("location over notes naming it", lambda x: _rn(x.location_named)),
        ("location by name only", lambda x: _rn(x.location_by_name)),
        ("location by point: within 25 km", lambda x: _rn(x.within_25km)),
        ("location by point: median error (km), notes on the map", _median_km),
        ("date exact, notes stating day, month and year", lambda x: _rn(x.date_full)),
        ("notes stating no date: dated by kg / exact", _undated),
        ("fatalities exact where gold > 0", lambda x: _rn(x.fatalities_positive)),
        ("fatalities exact, top event only", lambda x: _rn(x.fatalities_top)),
        ("actor types P / R", lambda x: _pr(x.actors)),
        ("actor type F1, all actors in the note", lambda x: _v(x.actors_note.f1)),
        ("extraction failures", lambda x: f"{x.failed:,}"),
    ]
    for name, get in views:
        lines.append(f"| {name} | " + " | ".join(get(reports[p].tally) for p in POLICIES) + " |")
    lines += ["", "Per sub-event type (top):", "", "| type | gold | pred | P | R | F1 |",
              "| --- | --- | --- | --- | --- | --- |"]  # fmt: skip
    for name, prf in sorted(t.sub_types.classes.items(), key=lambda kv: -kv[1].support):
        lines.append(
            f"| {label(name)} | {prf.support:,} | {prf.tp + prf.fp:,} | {prf.precision:.3f} "
            f"| {prf.recall:.3f} | {prf.f1:.3f} |"
        )
    lines += ["", "Largest confusions (top; gold -> predicted):", ""]
    for gold, pred, count in t.confusion.off_diagonal(20):
        lines.append(f"- {count:,}: {label(gold)} -> {label(pred)}")
    return lines


def case_markdown(path: Path, extractor: Extractor) -> list[str]:
    report = evaluate_case2021(path, extractor=extractor)
    t = report.tally
    lines = [
        f"CASE 2021 task 2: {t.accuracy_all.total:,} snippets, {t.accuracy_seen.total:,} of "
        f"the 25 ACLED classes; {report.meta['seconds']} s.",
        "",
        "| figure | target | value |",
        "| --- | --- | --- |",
        f"| weighted F1, 25 ACLED classes | {TARGETS['case_weighted_f1']:.2f} | "
        f"{t.seen.weighted_f1():.3f} |",
        f"| macro F1, 25 ACLED classes | - | {t.seen.macro_f1():.3f} |",
        f"| accuracy, 25 ACLED classes | - | {_v(t.accuracy_seen.value)} |",
        f"| event type right, 25 ACLED classes | - | {_v(t.event_type_seen.value)} |",
        f"| weighted F1, all 30 classes (unseen right = no ACLED event) | - | "
        f"{t.everything.weighted_f1():.3f} |",
        f"| accuracy, all 30 classes | - | {_v(t.accuracy_all.value)} |",
        "",
        "Unseen classes (right: no ACLED event): "
        + "; ".join(
            f"{code} {row['no_acled_event']}/{row['snippets']}"
            for code, row in report.unseen_json().items()
        ),
        "",
        "| class | gold | pred | P | R | F1 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, prf in sorted(t.seen.classes.items(), key=lambda kv: -kv[1].support):
        lines.append(
            f"| {label(name)} | {prf.support:,} | {prf.tp + prf.fp:,} | {prf.precision:.3f} "
            f"| {prf.recall:.3f} | {prf.f1:.3f} |"
        )
    lines += ["", "Largest confusions (gold -> predicted):", ""]
    for gold, pred, count in t.confusion.off_diagonal(15):
        lines.append(f"- {count:,}: {label(gold)} -> {label(pred)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--acled", type=Path, default=SHARED / "acled" / "dev" / "acled_dev.csv")
    parser.add_argument("--case", type=Path, default=SHARED / "case2021-task2")
    parser.add_argument("--model", default=None)
    parser.add_argument("--failures", type=Path, help="write failing notes to DIR/<field>.jsonl")
    parser.add_argument(
        "--undated", action="store_true", help="no publication dates (kg eval acled --undated)"
    )
    args = parser.parse_args()
    if args.failures:
        args.failures.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    extractor = Extractor(args.model)
    acled = acled_markdown(run_acled(args.acled, extractor, args.failures, dated=not args.undated))
    case = case_markdown(args.case, extractor)
    total = time.perf_counter() - start
    head = [
        f"Measured {dt.date.today().isoformat()} with {extractor.model_name} on "
        f"{platform.machine()} Python {platform.python_version()}; wall time {total:.0f} s.",
        "",
    ]
    print("\n".join([*head, *acled, "", *case]))


if __name__ == "__main__":
    main()
