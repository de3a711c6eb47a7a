"""CASE 2021 task 2: reading the TSV, the unseen-class rule, and the weighted F1."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluate.case2021 import CASE_CODES, UNSEEN, CaseTally, Snippet, read_snippets
from kg.evaluate.predict import ACLED_SUB_TYPES, Prediction
from kg.evaluate.scoring import NONE


def test_every_acled_class_maps_to_a_sub_event_type_once() -> None:
    assert len(CASE_CODES) == 25
    assert set(CASE_CODES.values()) == ACLED_SUB_TYPES
    assert not set(UNSEEN) & set(CASE_CODES)


def _write(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = ["id\tEventSnippet\tSubType", *("\t".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_snippets_from_a_file_or_its_folder(tmp_path: Path) -> None:
    _write(
        tmp_path / "test_set_final_release_with_labels.tsv",
        [
            ("1", 'Jets "pounded" the village.', "AIR_STRIKE"),
            ("2", "A flood hit.", "NATURAL_DISASTER"),
        ],
    )
    snippets = read_snippets(tmp_path)
    assert snippets == [
        Snippet("1", 'Jets "pounded" the village.', "AIR_STRIKE"),  # quotes are text in a TSV
        Snippet("2", "A flood hit.", "NATURAL_DISASTER"),
    ]
    assert snippets[0].gold == "air-drone-strike" and snippets[0].seen
    assert snippets[1].gold == NONE and not snippets[1].seen


def test_read_snippets_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_snippets(tmp_path / "nothing")
    with pytest.raises(InputError, match="unknown class 'BLIZZARD'"):
        read_snippets(_write(tmp_path / "a.tsv", [("1", "Snow.", "BLIZZARD")]))
    (tmp_path / "b.tsv").write_text("a\tb\tc\n", encoding="utf-8")
    with pytest.raises(InputError, match="not the CASE 2021"):
        read_snippets(tmp_path / "b.tsv")


def _pred(top: str | None) -> Prediction:
    empty = Prediction.empty()
    if top is None:
        return empty
    return dataclasses.replace(empty, top=top, sub_types=frozenset({top}))


def test_unseen_classes_are_right_only_when_no_acled_event_is_predicted() -> None:
    tally = CaseTally()
    assert tally.add(Snippet("1", "", "AIR_STRIKE"), _pred("air-drone-strike"))
    assert not tally.add(Snippet("2", "", "AIR_STRIKE"), _pred("armed-clash"))
    assert not tally.add(Snippet("3", "", "ARMED_CLASH"), _pred(None))
    assert tally.add(Snippet("4", "", "DIPLO"), _pred(None))
    assert not tally.add(Snippet("5", "", "ORG_CRIME"), _pred("attack"))
    assert tally.accuracy_seen.value == pytest.approx(1 / 3)
    assert tally.accuracy_all.value == pytest.approx(2 / 5)
    # 25-class view, sklearn-style: air P 1 R 1/2 -> 2/3 (support 2); clash 0 (support 1)
    assert tally.seen.weighted_f1() == pytest.approx((2 * (2 / 3) + 0) / 3)
    assert tally.seen.macro_f1() == pytest.approx((2 / 3) / 2)
    # all classes: unseen snippets are gold (none): P 1/2 (one of two (none) was for clash),
    # R 1/2 (one of two unseen got (none)) -> F1 1/2, support 2
    assert tally.everything.weighted_f1() == pytest.approx((2 * (2 / 3) + 0 + 2 * 0.5) / 5)
    assert tally.unseen == {"DIPLO": {NONE: 1}, "ORG_CRIME": {"attack": 1}}
    assert tally.event_type_seen.hits == 1  # Battles for an air strike and (none) are wrong


def test_report_json_shape_and_examples(tmp_path: Path) -> None:
    tally = CaseTally(keep_examples=5)
    tally.add(
        Snippet("1", "Jets hit a town.", "AIR_STRIKE"), _pred("shelling-artillery-missile-attack")
    )
    tally.add(Snippet("2", "A quake.", "NATURAL_DISASTER"), _pred(None))
    report = tally.report(file="x.tsv", model="m")
    doc = json.loads(json.dumps(report.to_json()))
    assert doc["dataset"] == "case2021" and doc["snippets"] == 2
    assert doc["acled_class_snippets"] == 1
    assert doc["figures"][0]["name"] == "case_weighted_f1"
    assert doc["figures"][0]["target"] == 0.8
    assert set(doc["acled_classes"]) >= {"weighted_f1", "macro_f1", "accuracy", "per_class"}
    assert doc["unseen"]["NATURAL_DISASTER"] == {
        "snippets": 1, "no_acled_event": 1, "predicted": {NONE: 1}
    }  # fmt: skip
    assert doc["examples"] == [
        {"id": "1", "gold": "air-drone-strike", "predicted": "shelling-artillery-missile-attack",
         "snippet": "Jets hit a town."}
    ]  # fmt: skip
    assert tally.event_type_seen.value == 1.0  # both are Explosions/Remote violence
