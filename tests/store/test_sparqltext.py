"""kg.store.sparqltext: which queries name their own dataset."""

from __future__ import annotations

import pytest

from kg.store.sparqltext import declares_dataset


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM <urn:g> WHERE { ?s ?p ?o }",
        "select * from named <urn:g> where { graph ?g { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o }\nFROM graph:a1\nWHERE { ?s ?p ?o }",
        "ASK FROM <urn:g> { ?s ?p ?o }",
    ],
)
def test_dataset_clauses_are_seen(query: str) -> None:
    assert declares_dataset(query)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p ?o }",
        'SELECT * WHERE { ?s rdfs:label "from" }',
        "SELECT * WHERE { ?s ?p <http://example.org/from> }",
        "SELECT * WHERE { ?s ex:from ?o }",
        "SELECT * WHERE { ?s ?p ?o } # from <urn:g>",
        "SELECT ?from WHERE { ?s ?p ?from }",
        "SELECT * WHERE { ?s ?p '''a\nfrom b''' }",
    ],
)
def test_other_uses_of_the_word_are_not(query: str) -> None:
    assert not declares_dataset(query)
