"""kg.model: the records between the pipeline's stages."""

from __future__ import annotations

import dataclasses

from kg.model import (
    Actor,
    ActorType,
    Article,
    Event,
    Extraction,
    Relation,
    RelationKind,
    Span,
)

TEXT = "Gunmen attacked a market."


def _whole() -> Extraction:
    sentence = Span(0, len(TEXT), TEXT)
    gunmen = Actor("gunmen", "Gunmen", ActorType.REBEL_GROUP, (Span(0, 6, "Gunmen"),))
    event = Event("attack", trigger=Span(7, 15, "attacked"), sentence=sentence, agents=("gunmen",))
    return Extraction(Article(id="a", text=TEXT), (sentence,), (gunmen,), (), (event,))


def test_an_extraction_whose_records_fit_together_holds_all_they_name() -> None:
    assert _whole().unheld() is None


def test_an_extraction_says_which_record_names_what_it_does_not_hold() -> None:
    whole = _whole()
    event, sentence = whole.events[0], whole.sentences[0]
    stray = dataclasses.replace(event, targets=("traders",))
    problem = dataclasses.replace(whole, events=(stray,)).unheld() or ""
    assert "'attacked' at character 7 names the actor 'traders'" in problem
    placed = dataclasses.replace(event, places=("market",))
    assert "names the place 'market'" in (
        dataclasses.replace(whole, events=(placed,)).unheld() or ""
    )
    related = Relation(RelationKind.ALLIES_OF, "gunmen", "police", sentence)
    problem = dataclasses.replace(whole, relations=(related,)).unheld() or ""
    assert "names the actor 'police'" in problem
