"""Wikidata ids of gazetteer actors (kg/data/actor_ids.tsv): loaded with checks, carried by the
Actor record, written as owl:sameAs to the Wikidata entity."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rdflib.namespace import OWL

from kg.errors import ResourceError
from kg.extract.lexicon import load, load_actor_ids, load_actors
from kg.model import Actor, ActorType, Article, Extraction, Span
from kg.rdf import iris
from kg.rdf.mapping import to_graph
from kg.resources import data_dir

ACTOR_KEYS = frozenset(a.key for a in load_actors(data_dir() / "actors.tsv"))
IDS_FILE = data_dir() / "actor_ids.tsv"


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def test_every_key_of_the_ids_file_is_an_actor_of_the_gazetteer() -> None:
    keys = [row[0] for row in _rows(IDS_FILE)]
    assert keys, "the shipped file lists no id"
    assert set(keys) <= ACTOR_KEYS, set(keys) - ACTOR_KEYS


def test_the_shipped_file_loads_one_id_per_actor_and_one_actor_per_id() -> None:
    ids = load_actor_ids(IDS_FILE, ACTOR_KEYS)
    assert len(ids) == len(_rows(IDS_FILE))
    assert len(set(ids.values())) == len(ids)
    assert all(re.fullmatch(r"Q[1-9][0-9]*", qid) for qid in ids.values())
    assert load().wikidata == ids


def test_every_shipped_id_says_where_it_was_seen() -> None:
    for row in _rows(IDS_FILE):
        assert len(row) == 3 and len(row[2].strip()) > 20, row


def _load(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "actor_ids.tsv"
    path.write_text("# key\tqid\tsource\n" + text, encoding="utf-8")
    return load_actor_ids(path, frozenset({"group-a", "group-b"}))


def test_a_well_formed_file_loads(tmp_path: Path) -> None:
    ids = _load(tmp_path, "group-a\tQ42\thttps://example.org/a\ngroup-b\tQ7\trepo/x: path.yml\n")
    assert ids == {"group-a": "Q42", "group-b": "Q7"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("group-c\tQ42\tsrc\n", "line 2: unknown actor key 'group-c'"),
        ("group-a\tq42\tsrc\n", "line 2: 'q42' is not a Wikidata item id"),
        ("group-a\tQ042\tsrc\n", "line 2: 'Q042' is not a Wikidata item id"),
        ("group-a\thttps://www.wikidata.org/wiki/Q42\tsrc\n", "is not a Wikidata item id"),
        ("group-a\tQ42\t\n", "line 2: say where the id was seen"),
        ("group-a\tQ42\n", "line 2: say where the id was seen"),
        ("group-a\tQ42\tsrc\ngroup-a\tQ43\tsrc\n", "line 3: 'group-a' already has an id on line 2"),
        (
            "group-a\tQ42\tsrc\ngroup-b\tQ42\tsrc\n",
            "line 3: Q42 is already the id of line 2: two actors",
        ),
        ("group-a\tQ42\tsrc\textra\n", "line 2: expected 3 tab-separated columns"),
    ],
)
def test_a_malformed_row_is_an_error_naming_its_line(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ResourceError, match=re.escape(message)) as info:
        _load(tmp_path, text)
    assert str(info.value).startswith(str(tmp_path / "actor_ids.tsv"))


def test_the_entity_iri_not_the_web_page() -> None:
    assert str(iris.wikidata("Q42")) == "http://www.wikidata.org/entity/Q42"
    for bad in ("42", "q42", "Q042", "Q42 ", "Q4x", "https://www.wikidata.org/wiki/Q42"):
        with pytest.raises(ValueError):
            iris.wikidata(bad)


def _extraction(*actors: Actor) -> Extraction:
    text = "Group A and Group B clashed."
    article = Article(id="ids-1", text=text)
    return Extraction(article, (Span(0, len(text), text),), actors, (), ())


def test_an_actor_with_an_id_is_the_same_as_the_wikidata_entity() -> None:
    with_id = Actor("group-a", "Group A", ActorType.REBEL_GROUP, (Span(0, 7, "Group A"),),
                    wikidata="Q42")  # fmt: skip
    without = Actor("group-b", "Group B", ActorType.REBEL_GROUP, (Span(12, 19, "Group B"),))
    g = to_graph(_extraction(with_id, without))
    assert list(g.objects(iris.actor("group-a"), OWL.sameAs)) == [iris.wikidata("Q42")]
    assert list(g.objects(iris.actor("group-b"), OWL.sameAs)) == []


def test_the_extractor_gives_a_named_actor_its_id(extractor: Any) -> None:
    ids = load().wikidata
    key = next(k for k in ("islamic-state", "al-qaeda", "hamas") if k in ids)
    label = next(a.label for a in load().actors if a.key == key)
    text = f"Fighters of {label} attacked a checkpoint near the town on Monday."
    extraction = extractor.extract_one(Article(id="ids-2", text=text))
    actors = {a.key: a for a in extraction.actors}
    assert actors[key].wikidata == ids[key]
    assert all(a.wikidata == ids.get(a.key) for a in extraction.actors)
