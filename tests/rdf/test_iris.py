"""IRIs are deterministic and safe for any input (RFC 3987: no spaces, quotes, brackets...)."""

import re

import pytest
from rdflib import Graph, Literal, URIRef

from kg.keys import name_key
from kg.model import Span
from kg.rdf import iris

UNSAFE = re.compile(r"[\s<>\"{}|\\^`]")
HOSTILE = ['A <b> "c" \\ d {e}', "> . } INSERT DATA {", "x" * 500, "٢٠٢٠ حماة", "😀", "", " "]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_id_or_name_gives_a_safe_iri(text: str) -> None:
    span = Span(3, 9, "abcdef")
    for iri in (
        iris.article(text), iris.graph(text), iris.event(text, span), iris.mention(text, span),
        iris.sentence(text, span), iris.actor(text), iris.place(text),
    ):  # fmt: skip
        assert not UNSAFE.search(str(iri)), iri
        assert len(str(iri)) < 200
        g = Graph()
        g.add((iri, iri, Literal(text)))
        assert len(Graph().parse(data=g.serialize(format="nt"), format="nt")) == 1


def test_the_same_input_gives_the_same_iri() -> None:
    assert iris.article("a b") == iris.article("a b") != iris.article("a  b")
    assert iris.article("000_1329f68f670b4001") == URIRef(
        "https://w3id.org/kg/article/000_1329f68f670b4001"
    )


def test_transliteration_variants_share_a_key() -> None:
    assert name_key("Ḩalfāyā") == name_key("Halfaya") == "halfaya"
    assert name_key("Al Ḩamīdīyah") == "al-hamidiyah"
    assert name_key("حماة") != name_key("حمص")  # other scripts hash, distinctly


def test_a_name_is_keyed_once() -> None:
    name_key.cache_clear()
    assert name_key("Lowtown  Militia") == name_key("Lowtown  Militia") == "lowtown-militia"
    assert (name_key.cache_info().hits, name_key.cache_info().misses) == (1, 1)
