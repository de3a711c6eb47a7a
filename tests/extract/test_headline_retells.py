"""What a headline's words tell (kg/extract/headline_retells.py): its second clause with a
subject of its own, on the real parse. Whether a body retells a headline is tested through
the folds, in tests/extract/test_headline_fold.py."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.headline_retells import second_clause

pytestmark = pytest.mark.model


def test_a_headlines_second_clause_with_a_subject_of_its_own(extractor: Any) -> None:
    doc = extractor.nlp("Strike kills three in Lowtown, rebels fire rockets in reply")
    verb = next(t for t in doc if t.lower_ == "fire")
    clause = second_clause(verb)
    assert clause is not None and doc[clause.start].text == "rebels"
    assert second_clause(next(t for t in doc if t.lower_ == "kills")) is None
