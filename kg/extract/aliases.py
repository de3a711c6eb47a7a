"""An actor's other names as the text writes them: its ``skos:altLabel`` in the graph.

Only the words that name the actor: a mention's head noun and the words around it up to a
verb, a conjunction or a pronoun ("attack residents" is the noun phrase "residents" the parse
took a verb into; "Police and Lowtown supporters" is the supporters'); the first word of a
sentence in lower case when it is a plural common noun or an adjective ("Residents blocked
...": "residents"); no mention a pronoun or a phrase resolved to the actor, nor one that took
the actor's identity from a role others had in an event (a riot makes the article's
civilians rioters: a man they beat, a wife who mourns are no other names of the rioters;
:mod:`kg.extract.roles`).
"""

from __future__ import annotations

from typing import Any

from kg.extract import columns
from kg.extract.found import Found

__all__ = ["alias_text", "aliases"]

# the parts of speech that end a noun phrase naming an actor where the parse ran past it
_BREAKS = frozenset({"VERB", "AUX", "CCONJ", "SCONJ", "PART", "PRON", "PUNCT"})
# the tags of a sentence's first word written in lower case elsewhere: plural common nouns,
# adjectives, participles (the tagger calls an unknown capitalised word, "Pokot", a singular
# common noun: it keeps its capital)
_FOLDED = frozenset({"NNS", "JJ", "JJR", "JJS", "VBG", "VBN", "DT", "CD"})
# punctuation inside a noun phrase: "pro-Lowtown supporters", "the mayor's guards"
_JOINERS = frozenset({"-", "'", "\u2019", "'s", "\u2019s"})


def aliases(doc: Any, found: list[Found]) -> tuple[str, ...]:
    """An actor's other names as written, sorted (not its label, ``found[0].label``)."""
    names = {
        alias_text(doc, f.start, f.end)
        for f in found
        if not (f.reference or f.resolved or f.retyped)
    }
    return tuple(sorted(names - {"", found[0].label}))


def alias_text(doc: Any, start: int, end: int) -> str:
    """The words of the mention ``start:end`` that name the actor. A mention headed by a
    proper noun is a name, written as it is ("Justice and Equality Movement"); one headed
    by a common noun is cut at the words that cannot be in its noun phrase."""
    pos, heads, words = columns.poses(doc), columns.heads(doc), columns.texts(doc)
    spaces = columns.whitespaces(doc)
    # the head: the last word attached outside the mention (a noun phrase's head comes last:
    # "state-run SANA", where "run" and "SANA" both modify a noun after the mention)
    root = next((i for i in range(end - 1, start - 1, -1) if not start <= heads[i] < end), end - 1)
    if pos[root] not in ("NOUN", "PROPN") and not words[root][:1].isupper():
        # "to rob passengers": a clause, its last noun (a capitalised head the tagger calls
        # an adjective, "SANA", is a name)
        root = next((i for i in range(end - 1, start - 1, -1) if pos[i] == "NOUN"), root)
    if pos[root] == "NOUN":

        def breaks(i: int) -> bool:
            if i > start and words[i - 1] == "-" and not spaces[i - 1]:
                return False  # the second part of a compound: "state-run", "Lowtown-backed"
            if pos[i] == "PROPN":  # a proper noun in lower case: a misread verb ("to rob")
                return words[i].islower()
            return pos[i] in _BREAKS and words[i] not in _JOINERS

        first, last = root, root
        while first > start and not breaks(first - 1):
            first -= 1
        while first < root and pos[first] in ("ADP", "DET"):
            first += 1  # no preposition opens a noun phrase
        while last + 1 < end and not breaks(last + 1):
            last += 1
        start, end = first, last + 1
    text = columns.span_text(doc, start, end)
    if (
        words[start].istitle()
        and columns.tags(doc)[start] in _FOLDED
        and columns.sentence_starts(doc)[start] == start
    ):
        return text[:1].lower() + text[1:]  # "Residents blocked the road": "residents"
    return text
