"""re3d: reading the JSON Lines folders, span scoring and relation matching.

Every document here is invented; no re3d text is copied (its licences vary by sub-folder, and
the shared evaluation data stays outside the repository).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.errors import InputError
from kg.evaluate.re3d import (
    Document,
    GoldRelation,
    PredictedRelation,
    match_relations,
    predict_re3d,
    read_documents,
)
from kg.evaluate.re3d_tally import Re3dTally
from kg.model import (
    Actor,
    ActorType,
    Article,
    Extraction,
    Place,
    PlaceType,
    Relation,
    RelationKind,
    Span,
)

FIGHTING, ALLIES = RelationKind.FIGHTING_AGAINST, RelationKind.ALLIES_OF
TEXT = (
    "The Zed Brigade, backed by the Wye Front, attacked the Ex Army near Qaryat Zed. Sam Vey said."
)


def at(needle: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _entity(doc: str, needle: str, type_: str) -> dict[str, Any]:
    begin, end = at(needle)
    return {"documentId": doc, "begin": begin, "end": end, "type": type_, "value": needle}


def _relation(doc: str, type_: str, source: str, target: str) -> dict[str, Any]:
    (sb, se), (tb, te) = at(source), at(target)
    return {"documentId": doc, "type": type_, "sourceBegin": sb, "sourceEnd": se,
            "targetBegin": tb, "targetEnd": te, "source": source, "target": target}  # fmt: skip


def write_re3d(root: Path) -> Path:
    """A made-up re3d folder: one sub-folder, one document, its entities and relations."""
    folder = root / "re3d" / "Made_Up_Source"
    folder.mkdir(parents=True)
    rows = {
        "documents.json": [{"_id": "D1", "title": "Made up", "text": TEXT}],
        "entities.json": [
            _entity("D1", "The Zed Brigade", "Organisation"),
            _entity("D1", "the Wye Front", "Organisation"),
            _entity("D1", "the Ex Army", "Organisation"),
            _entity("D1", "Qaryat Zed", "Location"),
            _entity("D1", "Sam Vey", "Person"),
            _entity("D1", "attacked", "Weapon"),  # another type: not scored
        ],
        "relations.json": [
            _relation("D1", "AlliesOf", "the Wye Front", "The Zed Brigade"),
            _relation("D1", "AlliesOf", "The Zed Brigade", "the Wye Front"),  # the same pair
            _relation("D1", "FightingAgainst", "The Zed Brigade", "the Ex Army"),
            _relation("D1", "FightingAgainst", "attacked", "Qaryat Zed"),  # not between actors
            _relation("D1", "CoLocated", "the Ex Army", "Qaryat Zed"),  # another type
        ],
    }
    for name, lines in rows.items():
        text = "\n".join(json.dumps(line) for line in lines) + "\n"
        (folder / name).write_text(text, encoding="utf-8")
    return folder.parent


def test_read_documents(tmp_path: Path) -> None:
    root = write_re3d(tmp_path)
    (doc,) = read_documents(root)
    assert read_documents(root / "Made_Up_Source") == [doc]  # a sub-folder works too
    assert doc.folder == "Made_Up_Source" and doc.text == TEXT
    assert doc.article == Article("re3d-D1", TEXT, origin="re3d:Made_Up_Source")
    organisations = ("The Zed Brigade", "the Wye Front", "the Ex Army")
    assert doc.entities == {
        *((*at(name), "organisation") for name in organisations),
        (*at("Qaryat Zed"), "location"),
        (*at("Sam Vey"), "person"),
    }
    kinds = [(r.kind, r.actors) for r in doc.relations]
    assert kinds == [(ALLIES, True), (FIGHTING, True), (FIGHTING, False)]


def test_read_documents_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        read_documents(tmp_path / "none")
    with pytest.raises(InputError, match=r"holds no documents\.json"):
        read_documents(tmp_path)
    root = write_re3d(tmp_path)
    (root / "Made_Up_Source" / "entities.json").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"entities.json:1: is not JSON Lines"):
        read_documents(root)


def _span(needle: str) -> Span:
    start, end = at(needle)
    return Span(start, end, needle)


def _extraction(relations: tuple[Relation, ...]) -> Extraction:
    sentence = _span(TEXT.split(" Sam")[0])
    actors = (
        Actor("zed", "Zed Brigade", ActorType.REBEL_GROUP, (_span("Zed Brigade"),)),  # overlaps
        Actor("wye", "Wye Front", ActorType.REBEL_GROUP, (_span("the Wye Front"),)),  # exact
        Actor("ex", "Ex Army", ActorType.STATE_FORCES, (_span("the Ex Army"),)),
        Actor("vey", "Sam Vey", ActorType.MEDIA, (_span("Sam Vey"),)),  # exact, wrong class
    )
    places = (Place("zed-town", "Qaryat Zed", PlaceType.TOWN, (_span("Qaryat Zed"),)),)
    return Extraction(
        Article("re3d-D1", TEXT), (sentence,), actors, places, (), relations=relations
    )


def test_entity_spans_exact_overlap_and_untyped(tmp_path: Path) -> None:
    (doc,) = read_documents(write_re3d(tmp_path))
    tally = Re3dTally()
    tally.add(doc, predict_re3d(_extraction(())))
    organisations, people, places = (
        tally.exact["organisation"],
        tally.exact["person"],
        tally.exact["location"],
    )
    assert (organisations.tp, organisations.fp, organisations.fn) == (2, 2, 1)  # Zed, Vey wrong
    assert (people.tp, people.fp, people.fn) == (0, 0, 1)
    assert (places.tp, places.fp, places.fn) == (1, 0, 0)
    micro = tally.micro()
    assert (micro.tp, micro.fp, micro.fn) == (3, 2, 2)
    assert (tally.untyped.tp, tally.untyped.fp, tally.untyped.fn) == (
        4,
        1,
        1,
    )  # Vey's span is right
    assert tally.overlap.pred_hits == 4 and tally.overlap.gold_hits == 4  # Zed overlaps
    report = tally.report().to_json()
    assert report["figures"][0]["name"] == "re3d_entity_f1"
    assert report["figures"][0]["value"] == pytest.approx(0.6)
    assert report["entities"]["by_folder"]["Made_Up_Source"]["tp"] == 3


def test_relations_match_on_overlapping_ends(tmp_path: Path) -> None:
    (doc,) = read_documents(write_re3d(tmp_path))
    sentence = _span(TEXT.split(" Sam")[0])
    relations = (
        Relation(ALLIES, "zed", "wye", sentence),  # gold lists it the other way round: fine
        Relation(FIGHTING, "ex", "zed", sentence),  # the wrong way round
        Relation(FIGHTING, "zed", "ex", sentence, "1-2"),
        Relation(FIGHTING, "zed", "vey", sentence),  # no such gold relation
    )
    tally = Re3dTally()
    tally.add(doc, predict_re3d(_extraction(relations)))
    directed, undirected = tally.relations["actors"], tally.relations["actors_undirected"]
    assert (directed.tp, directed.fp, directed.fn) == (2, 2, 0)
    assert (undirected.tp, undirected.fp, undirected.fn) == (2, 2, 0)  # one gold, matched once
    every = tally.relations["all_gold"]
    assert (every.tp, every.fp, every.fn) == (2, 2, 1)  # the weapon -> place relation is missed
    assert tally.by_kind["allies-of"].tp == 1 and tally.by_kind["fighting-against"].fp == 2
    folder = tally.relations_by_folder[doc.folder]  # the headline view, per sub-folder
    assert (folder.tp, folder.fp, folder.fn) == (directed.tp, directed.fp, directed.fn)
    assert [e["error"] for e in tally.examples] == ["extra", "extra"]


def test_matching_is_one_to_one() -> None:
    gold = (GoldRelation(FIGHTING, (0, 3), (10, 13), True),)
    predicted = tuple(
        PredictedRelation(FIGHTING, ((0, 3),), ((10, 13),), "a -> b", (0, 20)) for _ in range(2)
    )
    extra, missed = match_relations(predicted, gold, directed=True)
    assert len(extra) == 1 and missed == []
    reverse = (PredictedRelation(FIGHTING, ((10, 13),), ((0, 3),), "b -> a", (0, 20)),)
    assert match_relations(reverse, gold, directed=True) == (list(reverse), list(gold))
    assert match_relations(reverse, gold, directed=False) == ([], [])


def test_a_relation_end_counts_only_where_its_sentence_names_it() -> None:
    text = "Aaa fought. Later Bbb and Aaa met."
    first, second = Span(0, 11, "Aaa fought."), Span(12, 34, "Later Bbb and Aaa met.")
    actors = (
        Actor("aaa", "Aaa", ActorType.REBEL_GROUP, (Span(0, 3, "Aaa"), Span(26, 29, "Aaa"))),
        Actor("bbb", "Bbb", ActorType.REBEL_GROUP, (Span(18, 21, "Bbb"),)),
    )
    extraction = Extraction(Article("x", text), (first, second), actors, (), (),
                            relations=(Relation(ALLIES, "aaa", "bbb", second),))  # fmt: skip
    (relation,) = predict_re3d(extraction).relations
    assert relation.source == ((26, 29),) and relation.target == ((18, 21),)


def test_a_document_kg_failed_on_counts_as_nothing_found() -> None:
    from kg.evaluate.re3d import Re3dPrediction

    doc = Document("D", "F", "Aaa.", frozenset({(0, 3, "organisation")}), ())
    tally = Re3dTally()
    tally.add(doc, Re3dPrediction(frozenset(), (), failed="ValueError: boom"))
    assert tally.failed == 1 and tally.micro().fn == 1


def test_the_commonest_spans_are_listed_in_the_same_order_every_run() -> None:
    # regression: tied counts came in the order the spans were counted (from sets, which
    # changes between runs), so two runs of the same code printed different lists
    from collections import Counter

    from kg.evaluate.re3d_tally import _common

    one = Counter({("Person", "Lowtown"): 2, ("Location", "Hightown"): 3, ("Location", "Aby"): 2})
    other = Counter({("Location", "Aby"): 2, ("Location", "Hightown"): 3, ("Person", "Lowtown"): 2})
    assert _common(one) == _common(other)
    assert [d["text"] for d in _common(one)] == ["Hightown", "Aby", "Lowtown"]
    assert [d["text"] for d in _common(one, n=2)] == ["Hightown", "Aby"]
