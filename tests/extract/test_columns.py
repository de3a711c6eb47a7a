"""The token columns the rules read (kg/extract/columns.py) are spaCy's own attributes."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract import columns, parse_tree

pytestmark = pytest.mark.model

TEXT = (
    "Clashes between ISIS fighters and the Syrian army on 3 March 2020 left 5 dead in "
    "Deir-ez-Zor.\nHeadline: Police  arrest two men\n\nThe UN said it was 'deeply concerned' "
    "about the (unconfirmed) reports.  "
)


@pytest.fixture(scope="module")
def doc(extractor: Any) -> Any:
    return extractor.nlp(TEXT)


def test_each_column_is_the_token_attribute(doc: Any) -> None:
    for read, attribute in [
        (columns.texts, "text"),
        (columns.texts_with_ws, "text_with_ws"),
        (columns.whitespaces, "whitespace_"),
        (columns.lowers, "lower_"),
        (columns.lemmas, "lemma_"),
        (columns.poses, "pos_"),
        (columns.tags, "tag_"),
        (columns.deps, "dep_"),
        (columns.ent_types, "ent_type_"),
        (columns.idxs, "idx"),
        (columns.is_spaces, "is_space"),
        (columns.is_puncts, "is_punct"),
        (columns.like_nums, "like_num"),
    ]:
        assert read(doc) == tuple(getattr(t, attribute) for t in doc), attribute
    assert columns.lemma_lowers(doc) == tuple(t.lemma_.lower() for t in doc)
    assert columns.heads(doc) == tuple(t.head.i for t in doc)
    assert columns.children(doc) == tuple(tuple(c.i for c in t.children) for t in doc)


def test_the_tree_is_each_tokens_parse(doc: Any) -> None:
    tree = parse_tree.tree(doc)
    assert parse_tree.tree(doc) is tree  # made once per Doc
    for token in doc:
        i = token.i
        assert tree.text[i] == token.text
        assert tree.lower[i] == token.lower_
        assert tree.lemma[i] == token.lemma_.lower()
        assert tree.raw_lemma[i] == token.lemma_
        assert (tree.pos[i], tree.tag[i], tree.dep[i]) == (token.pos_, token.tag_, token.dep_)
        assert tree.ent_type[i] == token.ent_type_
        assert tree.like_num[i] == token.like_num
        assert tree.head[i] == token.head.i
        assert tree.kids[i] == tuple(c.i for c in token.children)
        assert (tree.sent_start[i], tree.sent_end[i]) == (token.sent.start, token.sent.end)


def test_texts_and_sentences_are_spacys(doc: Any) -> None:
    assert columns.doc_text(doc) == doc.text
    assert columns.sentence_bounds(doc) == tuple((s.start, s.end) for s in doc.sents)
    assert len(columns.sentence_bounds(doc)) > 2
    for token in doc:
        assert columns.sentence_of(doc, token.i) == (token.sent.start, token.sent.end)
        assert columns.sentence_starts(doc)[token.i] == token.sent.start
    for start in range(len(doc)):
        for end in range(start, min(start + 6, len(doc)) + 1):
            span = doc[start:end]
            assert columns.span_text(doc, start, end) == span.text
            assert columns.text(span) == span.text
            if end > start:
                assert columns.char_offsets(doc, start, end) == (span.start_char, span.end_char)


def test_a_sentences_words_are_its_lemmas_and_lower_cased_words(doc: Any) -> None:
    sent = next(iter(doc.sents))
    words = columns.words(doc, sent.start, sent.end)
    assert words == {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    assert columns.words(doc, sent.start, sent.end) is words  # made once


def test_columns_live_with_their_doc(extractor: Any, doc: Any) -> None:
    other = extractor.nlp("Rebels attacked the town.")
    assert columns.texts(other) == ("Rebels", "attacked", "the", "town", ".")
    assert columns.texts(doc)[0] == "Clashes"


def test_an_empty_doc_has_empty_columns(extractor: Any) -> None:
    empty = extractor.nlp("")
    assert columns.texts(empty) == columns.heads(empty) == columns.children(empty) == ()
    assert columns.like_nums(empty) == columns.texts_with_ws(empty) == ()


def test_a_subtree_is_spacys_in_the_texts_order(doc: Any) -> None:
    tree = parse_tree.tree(doc)
    for token in doc:
        assert parse_tree.subtree(tree, token.i) == [t.i for t in token.subtree]


def test_left_edges_are_spacys(extractor: Any, doc: Any) -> None:
    assert columns.left_edges(doc) == tuple(t.left_edge.i for t in doc)
    other = extractor.nlp("The long-awaited report by the Ministry of Health, released today.")
    assert columns.left_edges(other) == tuple(t.left_edge.i for t in other)


def test_a_column_read_again_is_one_look_up(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = extractor.nlp("Gunmen killed three villagers near the river on Sunday.")
    accessors = [
        columns.texts,
        columns.texts_with_ws,
        columns.whitespaces,
        columns.lowers,
        columns.lemmas,
        columns.lemma_lowers,
        columns.poses,
        columns.tags,
        columns.deps,
        columns.ent_types,
        columns.idxs,
        columns.is_spaces,
        columns.is_puncts,
        columns.like_nums,
        columns.heads,
        columns.children,
        columns.left_edges,
        columns.doc_text,
        columns.sentence_bounds,
        columns.sentence_starts,
    ]
    first = [read(other) for read in accessors]
    where = columns.sentence_of(other, 4)
    kept = columns.memo(other, "kept", lambda: ("made once",))

    def fail(*_: Any) -> Any:
        raise AssertionError("read the columns again")

    monkeypatch.setattr(columns, "_column", fail)
    monkeypatch.setattr(columns, "_cache", fail)
    assert [read(other) for read in accessors] == first
    assert columns.sentence_of(other, 4) == where
    assert columns.memo(other, "kept", lambda: ("made again",)) == kept


def test_a_string_is_looked_up_once_a_process(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The string columns read each hash's string from the StringStore once, then from the
    process's own dict: a second Doc with the same words reads the store for none of them."""
    monkeypatch.setattr(columns, "_STRING_OF", {})
    first = extractor.nlp("Shepherds fled the burning valley.")
    assert columns.lemmas(first) == tuple(t.lemma_ for t in first)
    hashes = [first.vocab.strings[t.text] for t in first]
    assert [columns._STRING_OF[h] for h in hashes] == [t.text for t in first]

    class Store:
        def __getitem__(self, key: int) -> str:
            raise AssertionError("the StringStore read again")

    second = extractor.nlp("Shepherds fled the burning valley.")
    assert columns._strings(Store(), [second.vocab.strings[t.text] for t in second]) == tuple(
        t.text for t in second
    )
