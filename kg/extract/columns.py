"""Token attributes read once per Doc, as plain tuples, for the rules that scan every token.

spaCy makes a new Python ``Token`` on every ``doc[i]`` and every step of ``for t in doc``
or ``for t in span`` (~0.3 µs), a new ``str`` on every read of ``text``, ``lower_`` or
``pos_`` (~0.3 µs), and joins every token's text again on every ``Doc.text`` and
``Span.text``: a rule walking all ~430 tokens of an article pays that on each walk, and the
rules walk the article and its sentences dozens of times. ``lowers(doc)[i]`` is a tuple
index instead, and ``span_text(doc, start, end)`` a slice of the text read once. The columns
are read together, on a rule's first use, by one ``Doc.to_array`` (no ``Token`` made; string
attributes looked up in the StringStore), and kept in ``doc.user_data`` (plain strings and
numbers: no reference back to the Doc; the strings are shared between Docs, as immutable
``str``, through ``_STRING_OF``). The
rules change no Doc after the model has run; a Doc retokenized or re-labelled afterwards
would need its columns dropped (``doc.user_data.pop("kg.columns")``, and
``"kg.walked_children"``, kg/extract/drafts.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeVar

from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SPACY,
    TAG,
)

__all__ = [
    "char_offsets",
    "children",
    "deps",
    "doc_text",
    "ent_types",
    "heads",
    "idxs",
    "is_puncts",
    "is_spaces",
    "left_edges",
    "lemma_lowers",
    "lemmas",
    "like_nums",
    "lowers",
    "memo",
    "poses",
    "sentence_bounds",
    "sentence_of",
    "sentence_starts",
    "span_text",
    "tags",
    "text",
    "texts",
    "texts_with_ws",
    "whitespaces",
    "words",
]

_KEY = "kg.columns"
T = TypeVar("T")

Attribute = Literal[
    "text",
    "text_with_ws",
    "whitespace_",
    "lower_",
    "lemma_",
    "pos_",
    "tag_",
    "dep_",
    "ent_type_",
    "idx",
    "is_space",
    "is_punct",
    "like_num",
    "head",
]

# the columns read by one ``Doc.to_array``: a string attribute comes as its StringStore hash
_STRINGS: tuple[Attribute, ...] = ("text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_")
_FLAGS: tuple[Attribute, ...] = ("is_space", "like_num", "is_punct")
_ARRAY = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, IS_SPACE, LIKE_NUM, IS_PUNCT, IDX, SPACY]


def _cache(doc: Any) -> dict[str, Any]:
    cache: dict[str, Any] | None = doc.user_data.get(_KEY)
    if cache is None:
        cache = doc.user_data[_KEY] = {}
    return cache


def _column(doc: Any, attribute: Attribute) -> tuple[Any, ...]:
    try:  # read on every call of a rule: the common case first
        return doc.user_data[_KEY][attribute]  # type: ignore[no-any-return]
    except KeyError:
        cache = _cache(doc)
        if attribute == "text_with_ws":
            cache[attribute] = tuple(map(str.__add__, texts(doc), whitespaces(doc)))
        else:
            cache.update(_read(doc))
        return cache[attribute]  # type: ignore[no-any-return]


def _read(doc: Any) -> dict[str, tuple[Any, ...]]:
    """The token columns from one ``Doc.to_array``, without making a ``Token`` (spaCy's own
    attribute getters read the same struct fields: ``token.lemma_`` is
    ``vocab.strings[token.c.lemma]``, ``whitespace_`` is ``" "`` if ``token.c.spacy``, the
    head is stored as an offset from the token)."""
    if not len(doc):
        return dict.fromkeys([*_STRINGS, *_FLAGS, "idx", "whitespace_", "head"], ())
    read: dict[str, tuple[Any, ...]] = {}
    rows = doc.to_array(_ARRAY).T.tolist()
    for attribute, row in zip(_STRINGS, rows[:7], strict=True):
        read[attribute] = _strings(doc.vocab.strings, row)
    for attribute, row in zip(_FLAGS, rows[7:10], strict=True):
        read[attribute] = tuple(map(bool, row))
    read["idx"] = tuple(rows[10])
    read["whitespace_"] = tuple([" " if spacy else "" for spacy in rows[11]])
    # HEAD is a signed offset from the token, which ``to_array`` gives as unsigned 64 bits
    offsets = doc.to_array(HEAD).astype("int64").tolist()
    read["head"] = tuple([i + offset for i, offset in enumerate(offsets)])
    return read


# Each string by its hash, once a process: ``StringStore.__getitem__`` decodes a new ``str`` on
# every call (~0.1 us), ~3,000 a Doc; a dict's look-up is a third of that. A hash is the
# string's own (MurmurHash of its text), so the string is the same whatever the Doc or vocab
# (spaCy's ``Vocab`` keeps one StringStore that only grows, like this dict).
_STRING_OF: dict[int, str] = {}


def _strings(strings: Any, row: list[int]) -> tuple[str, ...]:
    """The strings of the hashes in ``row``, looked up in ``_STRING_OF``, filled from
    ``strings`` (a ``StringStore``) for a hash it has not seen."""
    known = _STRING_OF
    try:
        return tuple(map(known.__getitem__, row))
    except KeyError:
        for h in row:
            if h not in known:
                known[h] = strings[h]
        return tuple(map(known.__getitem__, row))


# The accessors below each read their column with one look-up in ``doc.user_data`` and call
# ``_column`` only on a Doc's first read: the rules call them ~600,000 times per 250 articles,
# and a shared helper in between cost two Python calls each (helper perf46, bench/PERF.md).
# Keep the repetition; a factory of closures would be as fast but hide the types and docs.


def texts(doc: Any) -> tuple[str, ...]:
    """Each token's ``text``."""
    try:
        return doc.user_data[_KEY]["text"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "text")


def texts_with_ws(doc: Any) -> tuple[str, ...]:
    """Each token's ``text_with_ws``."""
    try:
        return doc.user_data[_KEY]["text_with_ws"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "text_with_ws")


def whitespaces(doc: Any) -> tuple[str, ...]:
    """Each token's ``whitespace_`` ("" or the one character after it)."""
    try:
        return doc.user_data[_KEY]["whitespace_"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "whitespace_")


def lowers(doc: Any) -> tuple[str, ...]:
    """Each token's ``lower_``."""
    try:
        return doc.user_data[_KEY]["lower_"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "lower_")


def lemmas(doc: Any) -> tuple[str, ...]:
    """Each token's ``lemma_``."""
    try:
        return doc.user_data[_KEY]["lemma_"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "lemma_")


def poses(doc: Any) -> tuple[str, ...]:
    """Each token's ``pos_``."""
    try:
        return doc.user_data[_KEY]["pos_"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "pos_")


def tags(doc: Any) -> tuple[str, ...]:
    """Each token's ``tag_``."""
    try:
        return doc.user_data[_KEY]["tag_"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "tag_")


def deps(doc: Any) -> tuple[str, ...]:
    """Each token's ``dep_``."""
    try:
        return doc.user_data[_KEY]["dep_"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "dep_")


def ent_types(doc: Any) -> tuple[str, ...]:
    """Each token's ``ent_type_``."""
    try:
        return doc.user_data[_KEY]["ent_type_"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "ent_type_")


def idxs(doc: Any) -> tuple[int, ...]:
    """Each token's ``idx`` (its first character's offset)."""
    try:
        return doc.user_data[_KEY]["idx"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "idx")


def is_spaces(doc: Any) -> tuple[bool, ...]:
    """Each token's ``is_space``."""
    try:
        return doc.user_data[_KEY]["is_space"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "is_space")


def is_puncts(doc: Any) -> tuple[bool, ...]:
    """Each token's ``is_punct``."""
    try:
        return doc.user_data[_KEY]["is_punct"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "is_punct")


def like_nums(doc: Any) -> tuple[bool, ...]:
    """Each token's ``like_num``."""
    try:
        return doc.user_data[_KEY]["like_num"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "like_num")


def lemma_lowers(doc: Any) -> tuple[str, ...]:
    """Each token's ``lemma_.lower()``."""
    try:
        return doc.user_data[_KEY]["lemma_lower"]  # type: ignore[no-any-return]
    except KeyError:
        values = tuple([lemma.lower() for lemma in lemmas(doc)])
        _cache(doc)["lemma_lower"] = values
        return values


def doc_text(doc: Any) -> str:
    """``doc.text``, joined once, from the columns (spaCy's ``Doc.text`` makes a ``Token``
    for each of its tokens: ``"".join(t.text_with_ws for t in doc)``)."""
    try:
        return doc.user_data[_KEY]["text_of_doc"]  # type: ignore[no-any-return]
    except KeyError:
        text = "".join(map(str.__add__, texts(doc), whitespaces(doc)))
        _cache(doc)["text_of_doc"] = text
        return text


def span_text(doc: Any, start: int, end: int) -> str:
    """``doc[start:end].text``: the Doc's text from the first token to the end of the last
    (without its trailing whitespace), sliced, not joined."""
    if start >= end:
        return ""
    try:  # called ~300 times an article: the columns in one look-up once they are read
        cache = doc.user_data[_KEY]
        idx, text, whole = cache["idx"], cache["text"], cache["text_of_doc"]
    except KeyError:
        idx, text, whole = idxs(doc), texts(doc), doc_text(doc)
    return whole[idx[start] : idx[end - 1] + len(text[end - 1])]  # type: ignore[no-any-return]


def text(span: Any) -> str:
    """``span.text`` of a spaCy Span, sliced (``span_text``)."""
    return span_text(span.doc, span.start, span.end)


def char_offsets(doc: Any, start: int, end: int) -> tuple[int, int]:
    """``(span.start_char, span.end_char)`` of ``doc[start:end]``, a non-empty span."""
    try:
        cache = doc.user_data[_KEY]
        idx, text = cache["idx"], cache["text"]
    except KeyError:
        idx, text = idxs(doc), texts(doc)
    return idx[start], idx[end - 1] + len(text[end - 1])


def sentence_bounds(doc: Any) -> tuple[tuple[int, int], ...]:
    """``(sent.start, sent.end)`` of each sentence, in order."""
    try:
        return doc.user_data[_KEY]["sentences"]  # type: ignore[no-any-return]
    except KeyError:
        values = tuple([(s.start, s.end) for s in doc.sents])
        _cache(doc)["sentences"] = values
        return values


def sentence_starts(doc: Any) -> tuple[int, ...]:
    """For each token, the index of the first token of its sentence."""
    try:
        return doc.user_data[_KEY]["sentence_start"]  # type: ignore[no-any-return]
    except KeyError:
        starts: list[int] = []
        for start, end in sentence_bounds(doc):
            starts += [start] * (end - start)
        values = _cache(doc)["sentence_start"] = tuple(starts)
        return values


def sentence_of(doc: Any, i: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence of token ``i`` (``doc[i].sent``, ``span.sent``)."""
    try:
        cache = doc.user_data[_KEY]
        ends, start = cache["sentence_ends"], cache["sentence_start"][i]
    except KeyError:
        ends = _cache(doc)["sentence_ends"] = dict(sentence_bounds(doc))
        start = sentence_starts(doc)[i]
    return start, ends[start]


def words(doc: Any, start: int, end: int) -> frozenset[str]:
    """The lower-cased lemmas and words of ``doc[start:end]``, made once per span (the
    classifier asks for those of an event's sentence for each of its drafts)."""
    try:
        made: dict[tuple[int, int], frozenset[str]] = doc.user_data[_KEY]["words"]
    except KeyError:
        made = _cache(doc)["words"] = {}
    found = made.get((start, end))
    if found is None:
        lemma, lower = lemma_lowers(doc), lowers(doc)
        found = made[start, end] = frozenset(lemma[start:end]) | frozenset(lower[start:end])
    return found


def memo(doc: Any, key: str, make: Callable[[], T]) -> T:
    """What ``make()`` gives, made on the first call for ``doc`` and ``key`` and kept with the
    columns (plain data only: it must not hold the Doc)."""
    try:
        return doc.user_data[_KEY][key]  # type: ignore[no-any-return]
    except KeyError:
        made = _cache(doc)[key] = make()
        return made


def heads(doc: Any) -> tuple[int, ...]:
    """Each token's ``head.i``."""
    try:
        return doc.user_data[_KEY]["head"]  # type: ignore[no-any-return]
    except KeyError:
        return _column(doc, "head")


def children(doc: Any) -> tuple[tuple[int, ...], ...]:
    """Each token's ``children``, as indices in order (spaCy gives them left to right)."""
    try:
        return doc.user_data[_KEY]["children"]  # type: ignore[no-any-return]
    except KeyError:
        kids: list[list[int]] = [[] for _ in range(len(doc))]
        for i, head in enumerate(heads(doc)):
            if head != i:
                kids[head].append(i)
        values = _cache(doc)["children"] = tuple(map(tuple, kids))
        return values


def left_edges(doc: Any) -> tuple[int, ...]:
    """Each token's ``left_edge.i``: the first token of its subtree (spaCy keeps it in the
    token's struct, but ``to_array`` does not give it, and ``doc[i].left_edge`` makes two
    ``Token``s). Read in the text's order, the first token to reach a token from below, or
    the token itself, is its subtree's first: one pass, each head set once."""
    try:
        return doc.user_data[_KEY]["left_edge"]  # type: ignore[no-any-return]
    except KeyError:
        head = heads(doc)
        edge: list[int] = [-1] * len(head)
        for i in range(len(head)):
            if edge[i] < 0:
                edge[i] = i
            j = head[i]
            while edge[j] < 0:  # an ancestor not reached yet: i is its subtree's first
                edge[j] = i
                j = head[j]
        values = _cache(doc)["left_edge"] = tuple(edge)
        return values
