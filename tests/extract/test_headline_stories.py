"""A semicolon parts a headline's two stories: the event of one takes neither the places nor
the sides the other names, and folds into the lead that tells it
(kg/extract/headline_fold.py ``story_of``)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.drafts import Draft
from kg.extract.found import Found
from kg.extract.headline_fold import _own_sides
from kg.extract.headline_retells import story_of
from tests.extract.extracted import acled_events


@pytest.mark.model
def test_a_headlines_first_story_takes_no_place_of_the_second(extractor: Any) -> None:
    text = (
        "Clashes between rival militias kill 7 in Lowtown; air strike hits near Hightown\n\n"
        "LOWTOWN, Aug 14 (Reuters) - Fighting between two rival militias erupted in the "
        "capital Lowtown overnight, killing at least seven people including three civilians, "
        "the health ministry said on Wednesday.\n\n"
        "Separately, an air strike on Tuesday hit a warehouse near Hightown, killing two men, "
        "a security source said.\n"
    )
    events = acled_events(extractor, text)
    clashes = [e for e in events if e.event_type == "armed-clash"]
    assert [e.trigger.text for e in clashes] == ["Fighting"]  # the headline's is the lead's
    assert sum(e.counts.fatalities or 0 for e in events) == 9  # 7 and 2, not 16


@pytest.mark.model
def test_a_headlines_second_story_gives_no_side_to_the_first(extractor: Any) -> None:
    # a parse may hang the second story on the first's verb ("kidnap ... curfew"): its
    # subject then reads as the first's target
    doc = extractor.nlp("Separatists kidnap nurses in Lowland; army imposes curfew\n\nBody.")
    rebels = Found("actor", 0, 1, "rebels", "Rebels")
    nurses = Found("actor", 2, 3, "civilians", "Civilians")
    army = Found("actor", 6, 7, "military", "Military")
    event = Draft("abduction-forced-disappearance", doc[1:2], doc[0:9])
    event.agents, event.targets = ["rebels"], ["civilians", "military"]
    event.role_mentions = {"rebels": [rebels], "civilians": [nurses], "military": [army]}
    assert [t.text for t in doc[story_of(event).start : story_of(event).stop]][-1] == "Lowland"
    _own_sides(event)
    assert (event.agents, event.targets) == (["rebels"], ["civilians"])
    assert "military" not in event.role_mentions
