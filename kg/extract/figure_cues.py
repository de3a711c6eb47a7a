"""Parse cues the figures read: whether a verb kills ("shot dead"), a clause tells what came
before, a participle is a headline's passive, a noun phrase is a quantity or a person; and
the figures of a sentence cut to their number words. Pure functions of spaCy tokens."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract import columns
from kg.extract.dates import MONTHS, WEEKDAYS
from kg.extract.numbers import NUMBER_WORDS
from kg.extract.spans import ents_in

__all__ = [
    "DEATH_NOUNS",
    "QUANTITY_NOUNS",
    "counted_phrase",
    "describes",
    "has_object",
    "headline_passive",
    "named_group",
    "number_spans",
    "pronoun_death",
    "to_death",
    "told_before",
    "uncertain",
]

# nouns whose "of" phrase is what they count: "the bodies of 3", "a total of 12", "the death of 2"
DEATH_NOUNS = frozenset({"killing", "death", "murder", "assassination", "execution"})
QUANTITY_NOUNS = DEATH_NOUNS | {"total", "number", "toll", "body", "corpse", "group", "dozen"}
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_RANGE = frozenset({"-", "\u2013", "to", "or"})  # between two figures: "7-9", "two or three"
# entities a figure cannot count people of ("on 4 May", "2 Kabul")
_NOT_PEOPLE = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "MONEY", "QUANTITY", "PERCENT"})


def to_death(verb: Token) -> bool:
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.lower_ == "dead":
        return True  # "shot dead two officers", the parse making "dead" the officers'
    for child in verb.children:
        if child.lower_ == "dead" or (
            child.lower_ == "to" and any(c.lower_ == "death" for c in child.children)
        ):
            return True
    return False


def pronoun_death(token: Token) -> bool:
    """ "He died later in hospital", "resulting in his death": one person whose death the
    text tells after naming him (counted only where the article has no other death)."""
    head = token.head.lemma_.lower()
    if token.lower_ in ("he", "she") and token.dep_ == "nsubj":
        return head in ("die", "succumb")
    return token.lower_ in ("his", "her") and token.dep_ == "poss" and head == "death"


def describes(noun: Token) -> bool:
    """A person noun an "of" phrase describes ("a father of four"), not a quantity."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() not in QUANTITY_NOUNS


def uncertain(token: Token) -> bool:
    """ "nearly killed", "killed or wounded": no death ACLED would code."""
    verbs = [token] + [c for c in token.children if c.dep_ == "conj"]  # "lynched and nearly killed"
    if any(
        c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for v in verbs for c in v.children
    ):
        return True
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in token.children) and any(
        c.dep_ == "conj" for c in token.children
    )


def told_before(token: Token) -> bool:
    """A clause or phrase telling what came before: "after gunmen killed a teacher"."""
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in ("after", "following") for c in token.children)
    return token.dep_ == "pobj" and token.head.lower_ in ("after", "following")


def headline_passive(verb: Token) -> bool:
    """ "2 killed in attack", "Officer killed at camp": a participle with a subject and no
    object or auxiliary is a headline's passive; its subject is the victim."""
    if has_object(verb):
        return False
    if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children):
        return True  # "Police officer shot dead by gunmen"
    if verb.tag_ not in ("VBN", "VBD"):  # the small model tags many a headline's "killed" VBD
        return False
    return not any(c.dep_ == "aux" for c in verb.children)


def counted_phrase(noun: Token) -> set[int]:
    """The tokens of a counted noun phrase, but not the people joined to it: "two herdsmen
    (and a bandit)", "the officer (and her daughter)"."""
    out = {noun.i}
    todo = [c for c in noun.children if c.dep_ not in ("conj", "cc")]
    while todo:
        token = todo.pop()
        out.add(token.i)
        todo.extend(token.children)
    return out


def has_object(verb: Token) -> bool:
    """The verb, or one joined to it, acts on something: "shot and killed a policeman"."""
    for child in verb.children:
        if child.dep_ == "dobj" or (child.dep_ == "ccomp" and child.i > verb.i):
            return True
        if child.dep_ == "conj" and child.pos_ == "VERB" and has_object(child):
            return True
    return False


def named_group(token: Token) -> bool:
    """A named group a figure can count: "four al Shabaab", "2 QSD fighters"."""
    return (
        token.pos_ == "PROPN"
        and token.ent_type_ not in _NOT_PEOPLE
        and token.lower_.rstrip(".") not in MONTHS
        and token.lower_ not in WEEKDAYS
    )


def number_spans(sent: Span) -> list[Span]:
    """The figures of a sentence, each cut to its number words ("1 QSD" is "1"), ranges in
    one piece ("7-9"), and a figure the model glued to a date ("On 1 February 2020 1 local
    policeman", in notes whose commas were removed)."""
    doc = sent.doc
    spans = []
    ents = ents_in(sent)
    for ent in ents:
        if ent.label_ != "CARDINAL":
            continue
        numeric = [t for t in ent if t.like_num or t.lower_ in NUMBER_WORDS]
        if numeric:
            spans.append(doc[numeric[0].i : numeric[-1].i + 1])
    taken = {i for e in ents for i in range(e.start, e.end)}
    like_num, ent_type, text = columns.like_nums(doc), columns.ent_types(doc), columns.texts(doc)
    for i in range(sent.start, sent.end):
        if not like_num[i]:
            continue
        after_year = ent_type[i] == "DATE" and i > 0 and _YEAR.match(text[i - 1])
        if (i not in taken or after_year) and not _YEAR.match(text[i]):
            spans.append(doc[i : i + 1])
    spans.sort(key=lambda s: s.start)
    merged: list[Span] = []
    for span in spans:  # "7-9", "two or three": one figure, its lowest
        last = merged[-1] if merged else None
        if last is not None and span.start == last.end + 1 and doc[last.end].lower_ in _RANGE:
            merged[-1] = doc[last.start : span.end]
        else:
            merged.append(span)
    return merged
