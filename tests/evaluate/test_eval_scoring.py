"""P/R/F1 arithmetic, class tables, the confusion and the great-circle distance."""

from __future__ import annotations

import pytest

from kg.evaluate.scoring import NONE, PRF, ClassTable, Confusion, Rate


def test_prf_counts_matches_extras_and_misses() -> None:
    prf = PRF()
    prf.add({"a", "b"}, {"a", "c"})
    prf.add({"d"}, {"d"})
    assert (prf.tp, prf.fp, prf.fn) == (2, 1, 1)
    assert prf.precision == pytest.approx(2 / 3)
    assert prf.recall == pytest.approx(2 / 3)
    assert prf.f1 == pytest.approx(2 / 3)


def test_prf_f1_is_the_harmonic_mean() -> None:
    prf = PRF(tp=3, fp=1, fn=5)
    p, r = 3 / 4, 3 / 8
    assert prf.f1 == pytest.approx(2 * p * r / (p + r))
    assert prf.support == 8


def test_prf_with_nothing_predicted_or_nothing_gold_is_zero_not_an_error() -> None:
    assert PRF(fn=3).precision == 0.0 and PRF(fn=3).f1 == 0.0
    assert PRF(fp=3).recall == 0.0
    assert PRF().f1 == 0.0


def test_rate_is_none_when_there_was_nothing_to_score() -> None:
    rate = Rate()
    assert rate.value is None
    rate.add(True)
    rate.add(False)
    rate.add(True)
    assert rate.value == pytest.approx(2 / 3)
    assert rate.to_json() == {"hits": 2, "total": 3, "value": 0.6667}


def test_class_table_weighted_and_macro_f1_as_sklearn() -> None:
    # y_true = [a a a b b c], y_pred = [a a b b (none) a]
    table = ClassTable()
    for gold, pred in [("a", "a"), ("a", "a"), ("a", "b"), ("b", "b"), ("b", NONE), ("c", "a")]:
        table.add_one(gold, pred)
    f1_a = 2 * (2 / 3) * (2 / 3) / (4 / 3)  # P 2/3, R 2/3
    f1_b = 2 * 0.5 * 0.5 / 1.0  # P 1/2, R 1/2
    f1_c = 0.0
    assert table.classes["a"].f1 == pytest.approx(f1_a)
    assert table.classes["b"].f1 == pytest.approx(f1_b)
    # sklearn f1_score(average="weighted"): supports 3, 2, 1 (and 0 for (none))
    assert table.weighted_f1() == pytest.approx((3 * f1_a + 2 * f1_b + 1 * f1_c) / 6)
    # macro over the gold classes only: (none) has no support and is left out
    assert table.gold_classes() == ["a", "b", "c"]
    assert table.macro_f1() == pytest.approx((f1_a + f1_b + f1_c) / 3)
    micro = table.micro()
    assert (micro.tp, micro.fp, micro.fn) == (3, 3, 3)


def test_class_table_multi_label_items() -> None:
    table = ClassTable()
    table.add({"x", "y"}, {"x"})
    table.add({"y"}, {"z"})
    assert (table.classes["x"].tp, table.classes["x"].fp, table.classes["x"].fn) == (1, 0, 0)
    assert (table.classes["y"].tp, table.classes["y"].fn) == (0, 2)
    assert table.classes["z"].fp == 1
    assert table.micro().f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))


def test_confusion_puts_every_error_off_the_diagonal_once() -> None:
    confusion = Confusion()
    confusion.add({"clash"}, {"clash"})
    confusion.add({"clash"}, {"attack"})
    confusion.add({"clash"}, set())
    confusion.add(set(), {"arrests"})
    confusion.add({"clash", "attack"}, {"attack", "air", "ied"})
    assert confusion.cells == {
        ("clash", "clash"): 1,
        ("clash", "attack"): 1,
        ("clash", NONE): 1,
        (NONE, "arrests"): 1,
        ("attack", "attack"): 1,
        ("clash", "air"): 1,
        (NONE, "ied"): 1,
    }
    assert confusion.off_diagonal(2) == [(NONE, "arrests", 1), (NONE, "ied", 1)]  # ties: by label
    assert confusion.to_json()[0] == {"gold": NONE, "predicted": "arrests", "count": 1}


def test_confusion_largest_cells_first() -> None:
    confusion = Confusion()
    for _ in range(3):
        confusion.add({"b"}, {"c"})
    confusion.add({"a"}, {"c"})
    assert confusion.off_diagonal() == [("b", "c", 3), ("a", "c", 1)]
