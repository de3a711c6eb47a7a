"""A Doc's dependency parse as plain columns (:class:`Tree`), made once per Doc from the token
columns of :mod:`kg.extract.columns` and kept with them, for the rules that walk the parse
token by token; and ``subtree``, the indices under a token in the text's order (split from
:mod:`kg.extract.columns`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.extract.columns import (
    children,
    deps,
    ent_types,
    heads,
    lemma_lowers,
    lemmas,
    like_nums,
    lowers,
    memo,
    poses,
    sentence_bounds,
    sentence_starts,
    tags,
    texts,
)

__all__ = ["Tree", "subtree", "tree"]


@dataclass(frozen=True, slots=True)
class Tree:
    """A Doc's parse as plain columns, for rules that walk it token by token: ``dep[i]`` for
    ``doc[i].dep_``, ``kids[i]`` for the indices of ``doc[i].children``, ``head[i]`` for
    ``doc[i].head.i`` (``i`` itself at a sentence's root), ``lemma[i]`` for
    ``doc[i].lemma_.lower()`` (``raw_lemma[i]`` unlowered), ``sent_start[i]`` and
    ``sent_end[i]`` for ``doc[i].sent.start`` and ``.end``; no ``Token`` made on any read."""

    lower: tuple[str, ...]
    lemma: tuple[str, ...]
    raw_lemma: tuple[str, ...]
    pos: tuple[str, ...]
    tag: tuple[str, ...]
    dep: tuple[str, ...]
    ent_type: tuple[str, ...]
    like_num: tuple[bool, ...]
    head: tuple[int, ...]
    kids: tuple[tuple[int, ...], ...]
    sent_start: tuple[int, ...]
    sent_end: tuple[int, ...]
    text: tuple[str, ...]


def tree(doc: Any) -> Tree:
    """The Doc's ``Tree``, made on the first call and kept with the columns."""
    return memo(doc, "tree", lambda: _made(doc))  # asked for ~700 times an article


def _made(doc: Any) -> Tree:
    return Tree(
        lower=lowers(doc),
        lemma=lemma_lowers(doc),
        raw_lemma=lemmas(doc),
        pos=poses(doc),
        tag=tags(doc),
        dep=deps(doc),
        ent_type=ent_types(doc),
        like_num=like_nums(doc),
        head=heads(doc),
        kids=children(doc),
        sent_start=sentence_starts(doc),
        sent_end=_sentence_ends(doc),
        text=texts(doc),
    )


def subtree(t: Tree, i: int) -> list[int]:
    """The indices of token ``i`` and all its descendants, in the text's order."""
    out, todo = [], [i]
    while todo:
        k = todo.pop()
        out.append(k)
        todo.extend(t.kids[k])
    return sorted(out)


def _sentence_ends(doc: Any) -> tuple[int, ...]:
    """For each token, the end of its sentence."""
    ends: list[int] = []
    for start, end in sentence_bounds(doc):
        ends += [end] * (end - start)
    return tuple(ends)
