"""Targets, and the reports as text for people (``--json`` gives ``report.to_json()``)."""

from __future__ import annotations

import functools
from typing import Any

from kg.evaluate.case2021 import CaseReport
from kg.evaluate.re3d_tally import Re3dReport
from kg.evaluate.scoring import NONE, PRF, ClassTable, Confusion, Rate
from kg.evaluate.tally import AcledReport, Example

__all__ = ["FIGURES", "TARGETS", "figures_json", "render_acled", "render_case2021", "render_re3d"]

# Issue 3's targets (ACLED dev set; CASE 2021 task 2) and issue 4's (re3d).
TARGETS: dict[str, float] = {
    "event_type_f1": 0.85,
    "sub_event_type_f1": 0.75,
    "location": 0.85,
    "date_exact": 0.95,
    "fatalities_exact": 0.90,
    "actor_type_f1": 0.70,
    "case_weighted_f1": 0.80,
    "re3d_entity_f1": 0.75,
    "re3d_relation_f1": 0.50,
}
FIGURES: dict[str, str] = {
    "event_type_f1": "event_type F1",
    "sub_event_type_f1": "sub_event_type F1",
    "location": "location (the event's places)",
    "date_exact": "date exact (notes stating a date)",
    "fatalities_exact": "fatalities exact (article total)",
    "actor_type_f1": "actor type F1",
    "case_weighted_f1": "weighted F1 (25 ACLED classes)",
    "re3d_entity_f1": "people/orgs/locations micro F1 (exact)",
    "re3d_relation_f1": "FightingAgainst+AlliesOf F1 (actors)",
}


def figures_json(values: dict[str, tuple[float | None, int]]) -> list[dict[str, Any]]:
    rows = []
    for key, (value, n) in values.items():
        target = TARGETS.get(key)
        met = None if value is None or target is None else value >= target
        shown = None if value is None else round(value, 4)
        rows.append({"name": key, "value": shown, "target": target, "met": met, "n": n})
    return rows


@functools.cache
def _labels() -> dict[str, str]:
    from kg.rdf.taxonomy import event_type_labels

    return event_type_labels()


def label(concept: str) -> str:
    """ACLED's English label of a concept id; other labels (codes, "(none)") as they are."""
    return _labels().get(concept, concept)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _rate(rate: Rate) -> str:
    return f"{_pct(rate.value)} ({rate.hits:,}/{rate.total:,})"


def _figure_table(values: dict[str, tuple[float | None, int]]) -> list[str]:
    lines = [f"  {'figure':<40} {'value':>6}  {'target':>7}  {'met':<4} {'n':>7}"]
    for row in figures_json(values):
        met = "-" if row["met"] is None else ("yes" if row["met"] else "NO")
        lines.append(
            f"  {FIGURES[row['name']]:<40} {_pct(row['value']):>6}  "
            f">= {row['target']:.2f}  {met:<4} {row['n']:>7,}"
        )
    return lines


def _class_table(table: ClassTable, title: str) -> list[str]:
    lines = [f"{title:<44} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6}"]
    rows = sorted(table.classes.items(), key=lambda kv: (-kv[1].support, label(kv[0])))
    for name, prf in rows:
        lines.append(
            f"  {label(name)[:42]:<42} {prf.support:>6,} {prf.tp + prf.fp:>6,} "
            f"{prf.precision:>6.3f} {prf.recall:>6.3f} {prf.f1:>6.3f}"
        )
    return lines


def _confusion(confusion: Confusion, n: int) -> list[str]:
    lines = [f"Largest confusions (gold -> predicted; {NONE}: no ACLED event)"]
    for gold, pred, count in confusion.off_diagonal(n):
        lines.append(f"  {count:>6,}  {label(gold)} -> {label(pred)}")
    return lines


def _types(values: list[str]) -> str:
    return ", ".join(label(v) for v in values) or NONE


def _example(e: Example) -> list[str]:
    g, p = e.gold, e.predicted
    lines = [
        f"  [{e.article_id}, {e.country}] wrong: {', '.join(e.errors)}",
        f"    note: {e.text}",
        f"    gold: {_types(g['sub_event_type'])} | {'; '.join(g['location']) or '-'} | "
        f"{', '.join(g['date']) or '-'} | killed {g['fatalities']} | "
        f"actors {', '.join(map(str, g['actor_types'])) or '-'}",
        f"    kg:   {_types(p['sub_event_type'])} | {'; '.join(p['location']) or '-'} | "
        f"{p['date'] or '-'} | killed {p['fatalities']} | "
        f"actors {', '.join(map(str, p['actor_types'])) or '-'}",
    ]
    if "failed" in p:
        lines.append(f"    extraction failed: {p['failed']}")
    return lines


def render_acled(report: AcledReport, confusions: int = 15) -> str:
    t, m = report.tally, report.meta
    ev, sub = t.event_types.micro(), t.sub_types.micro()
    dated = "from the rows' timestamp" if m.get("published") else "none (--undated)"
    lines = [
        f"ACLED: {t.notes:,} notes ({t.rows:,} rows) from {m.get('file')}; policy {t.policy}; "
        f"model {m.get('model')}; {m.get('seconds')} s; publication dates {dated}",
        "",
        *_figure_table(report.headline()),
        "",
        "Other views",
        f"  event_type        P {ev.precision:.3f}  R {ev.recall:.3f}  F1 {ev.f1:.3f}",
        f"  sub_event_type    P {sub.precision:.3f}  R {sub.recall:.3f}  F1 {sub.f1:.3f}",
        f"  location: any place in the note {_rate(t.location_any_place)}; location or "
        f"admin1-3, any place {_rate(t.location_or_admin)}",
        f"  location over notes that name it: {_rate(t.location_named)}; by name only "
        f"{_rate(t.location_by_name)}",
        f"  location by point: within 25 km {_rate(t.within_25km)}; median error "
        f"{report.median_error_km} km over {len(t.error_km):,} notes kg put on the map",
        f"  date: over notes stating day, month and year {_rate(t.date_full)}; "
        f"{t.undated_notes:,} notes state no date: kg dated {t.undated_dated:,} of them, "
        f"{t.undated_exact:,} exactly",
        f"  fatalities: where gold > 0 {_rate(t.fatalities_positive)}; top event only "
        f"{_rate(t.fatalities_top)}",
        f"  actor types   P {t.actors.precision:.3f}  R {t.actors.recall:.3f}  F1 "
        f"{t.actors.f1:.3f}; all actors in the note: P {t.actors_note.precision:.3f}  "
        f"R {t.actors_note.recall:.3f}  F1 {t.actors_note.f1:.3f}",
    ]
    if t.failed:
        lines.append(f"  extraction failed on {t.failed:,} notes (scored as no prediction)")
    if t.unknown_labels:
        unknown = ", ".join(f"{k} ({v})" for k, v in t.unknown_labels.most_common())
        lines.append(f"  gold labels not in kg's taxonomy: {unknown}")
    lines += ["", *_class_table(t.sub_types, "Per sub-event type")]
    lines += ["", *_class_table(t.event_types, "Per event type")]
    lines += ["", *_class_table(t.actor_types, "Per actor type (ACLED inter code)")]
    lines += ["", *_confusion(t.confusion, confusions)]
    if report.examples:
        lines += ["", "Worst examples"]
        for example in report.examples:
            lines += _example(example)
    return "\n".join(lines) + "\n"


def render_case2021(report: CaseReport, confusions: int = 15) -> str:
    t, m = report.tally, report.meta
    lines = [
        f"CASE 2021 task 2: {t.accuracy_all.total:,} snippets ({t.accuracy_seen.total:,} of "
        f"the 25 ACLED classes) from {m.get('file')}; model {m.get('model')}; "
        f"{m.get('seconds')} s",
        "",
        *_figure_table(report.headline()),
        "",
        f"  25 ACLED classes: weighted F1 {t.seen.weighted_f1():.3f}, macro F1 "
        f"{t.seen.macro_f1():.3f}, accuracy {_rate(t.accuracy_seen)}, event type right "
        f"{_rate(t.event_type_seen)}",
        f"  all 30 classes ({NONE} right for the unseen ones): weighted F1 "
        f"{t.everything.weighted_f1():.3f}, macro F1 {t.everything.macro_f1():.3f}, accuracy "
        f"{_rate(t.accuracy_all)}",
    ]
    if t.failed:
        lines.append(f"  extraction failed on {t.failed:,} snippets (scored as {NONE})")
    lines += ["", f"Unseen classes (right: {NONE})"]
    for code, row in report.unseen_json().items():
        wrong = ", ".join(f"{label(k)} {v}" for k, v in row["predicted"].items() if k != NONE)
        lines.append(
            f"  {code:<18} {row['no_acled_event']:>4}/{row['snippets']:<4} right"
            + (f"; predicted {wrong}" if wrong else "")
        )
    lines += ["", *_class_table(t.seen, "Per class (25 ACLED classes)")]
    lines += ["", *_confusion(t.confusion, confusions)]
    if report.examples:
        lines += ["", "One snippet of each of the largest confusions"]
        for gold, pred, snippet in report.examples:
            text = snippet.text if len(snippet.text) <= 240 else snippet.text[:239] + "…"
            lines += [f"  [{snippet.id}] {label(gold)} -> {label(pred)}", f"    {text}"]
    return "\n".join(lines) + "\n"


def _prf(name: str, prf: PRF) -> str:
    return (
        f"  {name:<40} {prf.precision:>6.3f} {prf.recall:>6.3f} {prf.f1:>6.3f} "
        f"{prf.tp:>6,} {prf.fp:>6,} {prf.fn:>6,}"
    )


def render_re3d(report: Re3dReport) -> str:
    t, m = report.tally, report.meta
    head = f"  {'':<40} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"
    o = t.overlap
    lines = [
        f"re3d: {t.documents:,} documents from {m.get('file')}; model {m.get('model')}; "
        f"{m.get('seconds')} s",
        "",
        *_figure_table(report.headline()),
        "",
        "Entities (re3d Person = kg actor typed person; Organisation = other kg actors; "
        "Location = kg places)",
        head,
        *(_prf(f"exact, {cls}", prf) for cls, prf in t.exact.items()),
        _prf("exact, micro over the three", t.micro()),
        _prf("exact span, class ignored", t.untyped),
        f"  {'overlap, same class':<40} {o.precision:>6.3f} {o.recall:>6.3f} {o.f1:>6.3f}",
        *(_prf(f"exact micro, {folder}", prf) for folder, prf in sorted(t.by_folder.items())),
        f"  gold spans missed that are pronouns: {t.pronouns:,}",
        "",
        "Relations (an end matches when it overlaps the gold span)",
        head,
        _prf("gold between actors, directed", t.relations.get("actors", PRF())),
        *(_prf(f"  {kind}", prf) for kind, prf in t.by_kind.items()),
        _prf("gold between actors, undirected", t.relations.get("actors_undirected", PRF())),
        _prf("all gold (any end type), directed", t.relations.get("all_gold", PRF())),
        *(
            _prf(f"between actors, {folder}", prf)
            for folder, prf in sorted(t.relations_by_folder.items())
        ),
        f"  predicted relations with an end not named in their sentence: {t.no_mention:,}",
    ]
    if t.failed:
        lines.append(f"  extraction failed on {t.failed:,} documents (scored as nothing found)")
    for title, counter in (
        ("Most missed spans", t.missed_spans),
        ("Most extra spans", t.extra_spans),
    ):
        common = ", ".join(f"{w!r} {c} ({n})" for (c, w), n in counter.most_common(12))
        lines += ["", f"{title}: {common or '-'}"]
    if t.examples:
        lines += ["", "Relation errors (between actors)"]
        for e in t.examples:
            lines += [f"  [{e['error']}] {e['kind']}: {e['relation']}", f"    {e['sentence']}"]
    return "\n".join(lines) + "\n"
