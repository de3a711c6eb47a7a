"""Parse cues the figures read: whether a verb kills ("shot dead"), a clause tells what came
before, a participle is a headline's passive, a noun phrase is a quantity or a person; and
the figures of a sentence cut to their number words. Pure functions of spaCy tokens, each
with an ``_at`` twin reading the Doc's ``parse_tree.Tree`` at a token index (no ``Token`` made)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract import columns, parse_tree
from kg.extract.dates import MONTHS, WEEKDAYS
from kg.extract.numbers import NUMBER_WORDS
from kg.extract.parse_tree import Tree
from kg.extract.spans import ents_in

__all__ = [
    "DEATH_NOUNS",
    "QUANTITY_NOUNS",
    "counted_phrase",
    "counted_phrase_at",
    "describes",
    "describes_at",
    "has_object",
    "has_object_at",
    "headline_passive",
    "headline_passive_at",
    "named_group",
    "named_group_at",
    "number_spans",
    "pronoun_death",
    "pronoun_death_at",
    "to_death",
    "to_death_at",
    "told_before",
    "told_before_at",
    "uncertain",
    "uncertain_at",
]

# nouns whose "of" phrase is what they count: "the bodies of 3", "a total of 12", "the death of 2"
DEATH_NOUNS = frozenset({"killing", "death", "murder", "assassination", "execution"})
QUANTITY_NOUNS = DEATH_NOUNS | {"total", "number", "toll", "body", "corpse", "group", "dozen"}
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_RANGE = frozenset({"-", "\u2013", "to", "or"})  # between two figures: "7-9", "two or three"
# entities a figure cannot count people of ("on 4 May", "2 Kabul")
_NOT_PEOPLE = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "MONEY", "QUANTITY", "PERCENT"})


def to_death(verb: Token) -> bool:
    return to_death_at(parse_tree.tree(verb.doc), verb.i)


def to_death_at(t: Tree, i: int) -> bool:
    """``to_death`` of token ``i``."""
    lower, kids = t.lower, t.kids
    if i + 1 < len(lower) and lower[i + 1] == "dead":
        return True  # "shot dead two officers", the parse making "dead" the officers'
    for c in kids[i]:
        if lower[c] == "dead" or (lower[c] == "to" and any(lower[g] == "death" for g in kids[c])):
            return True
    return False


def pronoun_death(token: Token) -> bool:
    """ "He died later in hospital", "resulting in his death": one person whose death the
    text tells after naming him (counted only where the article has no other death)."""
    return pronoun_death_at(parse_tree.tree(token.doc), token.i)


def pronoun_death_at(t: Tree, i: int) -> bool:
    """``pronoun_death`` of token ``i``."""
    lower, dep = t.lower[i], t.dep[i]
    if lower in ("he", "she") and dep == "nsubj":
        return t.lemma[t.head[i]] in ("die", "succumb")
    return lower in ("his", "her") and dep == "poss" and t.lemma[t.head[i]] == "death"


def describes(noun: Token) -> bool:
    """A person noun an "of" phrase describes ("a father of four"), not a quantity."""
    return describes_at(parse_tree.tree(noun.doc), noun.i)


def describes_at(t: Tree, i: int) -> bool:
    """``describes`` of token ``i``."""
    return t.pos[i] == "NOUN" and t.lemma[i] not in QUANTITY_NOUNS


def uncertain(token: Token) -> bool:
    """ "nearly killed", "killed or wounded": no death ACLED would code."""
    return uncertain_at(parse_tree.tree(token.doc), token.i)


def uncertain_at(t: Tree, i: int, hurt: frozenset[str] = frozenset()) -> bool:
    """``uncertain`` of token ``i``; with the lemmas of verbs of injury ``hurt``, also "more
    than 60 were killed and injured" (one figure for the dead and the hurt together)."""
    dep, lower, kids = t.dep, t.lower, t.kids
    verbs = [i] + [c for c in kids[i] if dep[c] == "conj"]  # "lynched and nearly killed"
    if any(dep[c] == "advmod" and lower[c] in ("nearly", "almost") for v in verbs for c in kids[v]):
        return True
    passive = any(dep[c] == "auxpass" for c in kids[i])  # "were killed and injured"
    if any(t.lemma[v] in hurt and not _own_victims(t, v, passive) for v in verbs[1:]):
        return True
    return any(dep[c] == "cc" and lower[c] == "or" for c in kids[i]) and any(
        dep[c] == "conj" for c in kids[i]
    )


_CLAUSE_OF_ITS_OWN = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})


def _own_victims(t: Tree, verb: int, passive: bool) -> bool:
    """Whether a verb of injury names its own people, or has a clause of its own: "killing
    1 fighter and injuring another", "3 were killed, 4 were wounded", "the killing of 1 and
    injuring of 3" (not "60 were killed and injured"; a passive's object is a misreading:
    "were killed and injured in bombings that targeted bus stations")."""
    own = _CLAUSE_OF_ITS_OWN if passive else _CLAUSE_OF_ITS_OWN | {"dobj"}
    return any(
        t.dep[c] in own or t.like_num[c]
        or (t.dep[c] == "prep" and t.lower[c] == "of")
        for c in t.kids[verb]
    )  # fmt: skip


def told_before(token: Token) -> bool:
    """A clause or phrase telling what came before: "after gunmen killed a teacher"."""
    return told_before_at(parse_tree.tree(token.doc), token.i)


def told_before_at(t: Tree, i: int) -> bool:
    """``told_before`` of token ``i``."""
    dep, lower = t.dep, t.lower
    if dep[i] == "advcl":
        return any(dep[c] == "mark" and lower[c] in ("after", "following") for c in t.kids[i])
    return dep[i] == "pobj" and lower[t.head[i]] in ("after", "following")


def headline_passive(verb: Token) -> bool:
    """ "2 killed in attack", "Officer killed at camp": a participle with a subject and no
    object or auxiliary is a headline's passive; its subject is the victim."""
    return headline_passive_at(parse_tree.tree(verb.doc), verb.i)


def headline_passive_at(t: Tree, i: int) -> bool:
    """``headline_passive`` of token ``i``."""
    if has_object_at(t, i):
        return False
    dep, lower, kids = t.dep, t.lower, t.kids
    if any(dep[c] == "agent" or (dep[c] == "prep" and lower[c] == "by") for c in kids[i]):
        return True  # "Police officer shot dead by gunmen"
    if t.tag[i] not in ("VBN", "VBD"):  # the small model tags many a headline's "killed" VBD
        return False
    return not any(dep[c] == "aux" for c in kids[i])


def counted_phrase(noun: Token) -> set[int]:
    """The tokens of a counted noun phrase, but not the people joined to it: "two herdsmen
    (and a bandit)", "the officer (and her daughter)"."""
    return counted_phrase_at(parse_tree.tree(noun.doc), noun.i)


def counted_phrase_at(t: Tree, i: int) -> set[int]:
    """``counted_phrase`` of token ``i``."""
    dep, kids = t.dep, t.kids
    out = {i}
    todo = [c for c in kids[i] if dep[c] not in ("conj", "cc")]
    while todo:
        c = todo.pop()
        out.add(c)
        todo.extend(kids[c])
    return out


def has_object(verb: Token) -> bool:
    """The verb, or one joined to it, acts on something: "shot and killed a policeman"."""
    return has_object_at(parse_tree.tree(verb.doc), verb.i)


def has_object_at(t: Tree, i: int) -> bool:
    """``has_object`` of token ``i``."""
    dep = t.dep
    for c in t.kids[i]:
        if dep[c] == "dobj" or (dep[c] == "ccomp" and c > i):
            return True
        if dep[c] == "conj" and t.pos[c] == "VERB" and has_object_at(t, c):
            return True
    return False


def named_group(token: Token) -> bool:
    """A named group a figure can count: "four al Shabaab", "2 QSD fighters"."""
    return named_group_at(parse_tree.tree(token.doc), token.i)


def named_group_at(t: Tree, i: int) -> bool:
    """``named_group`` of token ``i``."""
    return (
        t.pos[i] == "PROPN"
        and t.ent_type[i] not in _NOT_PEOPLE
        and t.lower[i].rstrip(".") not in MONTHS
        and t.lower[i] not in WEEKDAYS
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
