"""The periods a toll is counted over (split from :mod:`kg.extract.tolls`): "since the war
began", "since 2011", "over the past decade", "in recent years", "to date", "so far this year",
"during the war", "between 2003 and 2008", "last year"; and the words of tolls they read."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.extract import dates
from kg.extract.parse_tree import Tree, subtree

__all__ = ["TollWords", "long_stretch", "one_year", "period"]

# a period that starts more than a season before the reference date is counted, not told
_LONG_DAYS = 90
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")

# prepositions of a stretch of time: "in recent years", "over the past decade", "during the
# last two years", "throughout the years", "within the past few months"
_STRETCH = frozenset({"in", "over", "during", "throughout", "within", "across", "for"})


@dataclass(frozen=True, slots=True)
class TollWords:
    """Words of tolls (``kg/data/lexicon.toml`` ``[tolls]``)."""

    conflicts: frozenset[str]  # nouns of a war: "since the war began", "since the conflict"
    units: frozenset[str]  # units of a long stretch: "in recent years", "the past decade"
    tally_adverbs: frozenset[str]  # "so far this year", "this year alone"
    habit_adverbs: frozenset[str]  # "frequently attacks", "regularly abduct"
    claim_nouns: frozenset[str]  # "took credit for attacks", "claimed responsibility for"
    waves: frozenset[str]  # "since the protests began": a wave's tally
    people: frozenset[str] = frozenset()  # "have displaced 700,000 people": a campaign's tally
    campaign_verbs: frozenset[str] = frozenset()  # "have displaced", "have killed"
    count_nouns: frozenset[str] = frozenset()  # "the number of people killed since ..."


def long_stretch(t: Tree, c: int, words: TollWords) -> bool:
    """ "in recent years", "over the past decade", "during the war", "between 2003 and
    2008"."""
    if t.dep[c] != "prep":
        return False
    pobjs = [p for p in t.kids[c] if t.dep[p] == "pobj"]
    lower = t.lower[c]
    if lower in _STRETCH and any(_stretch(t, p, words) for p in pobjs):
        return True
    if lower in ("during", "throughout"):
        return any(t.lemma[p] in words.conflicts for p in pobjs)
    if lower in ("between", "from"):  # "between 2003 and 2008", "from 2003 to 2008"
        span = " ".join(t.text[k] for p in pobjs for k in subtree(t, p))
        tail = " ".join(t.text[k] for k in subtree(t, c))
        return len(set(_YEAR.findall(tail))) >= 2 and bool(_YEAR.search(span))
    return False


def one_year(t: Tree, c: int) -> bool:
    """ "last year", "this year", "in 2023" (a year and no month or day)."""
    if t.dep[c] == "npadvmod" and t.lemma[c] == "year":
        return any(t.lower[d] in ("last", "past", "this") for d in t.kids[c])
    if t.dep[c] == "prep" and t.lower[c] == "in":
        return any(t.dep[p] == "pobj" and _YEAR.fullmatch(t.text[p]) is not None
                   and not t.kids[p] for p in t.kids[c])  # fmt: skip
    return False


def period(t: Tree, c: int, words: TollWords, reference: dt.date | None) -> bool:
    """Whether child ``c`` of an anchor names a long period."""
    dep, lower = t.dep, t.lower
    if lower[c] == "since" and dep[c] == "prep":
        if any(lower[p] == "then" for p in t.kids[c]):
            return _since_then(t, c, reference)
        return any(_long_since(t, p, words, reference) for p in t.kids[c] if dep[p] == "pobj")
    if dep[c] == "advcl" and any(lower[m] == "since" and dep[m] == "mark" for m in t.kids[c]):
        return _long_since(t, c, words, reference)  # "since the war began"
    if dep[c] == "prep" and lower[c] == "to":
        return any(t.lemma[p] == "date" and dep[p] == "pobj" for p in t.kids[c])  # "to date"
    if dep[c] == "prep" and lower[c] in _STRETCH:
        return any(_stretch(t, p, words) for p in t.kids[c] if dep[p] == "pobj")
    if dep[c] == "npadvmod" and t.lemma[c] in words.units | {"month"}:
        # "so far this year", "this year alone" (a bare "this year" may date one event)
        this = any(lower[d] == "this" for d in t.kids[c])
        tally = [x for x in (*t.kids[c], *t.kids[t.head[c]]) if lower[x] in words.tally_adverbs]
        return this and bool(tally)
    return False


def _since_then(t: Tree, c: int, reference: dt.date | None) -> bool:
    """ "since then" at ``since`` token ``c``: from a year the sentence told before it ("seized
    power in a 2021 coup, and 4,000 people have been killed since then"), a year or more
    before the reference date."""
    root = c
    while t.head[root] != root:
        root = t.head[root]
    years = [int(t.text[k]) for k in subtree(t, root) if k < c and _YEAR.fullmatch(t.text[k])]
    return bool(years) and (reference is None or min(years) < reference.year)


def _stretch(t: Tree, p: int, words: TollWords) -> bool:
    """ "in recent years", "over the past decade", "over the decade", "over the years", "in
    the past six months" (not "in the past week", "in the year's first attack")."""
    lemma, tag = t.lemma[p], t.tag[p]
    if lemma in words.units:
        if lemma != "year":  # "over the decade", "in the past century"
            return True
        return tag == "NNS" or any(t.lower[d] in ("past", "last", "recent") for d in t.kids[p])
    return lemma == "month" and tag == "NNS"


def _long_since(t: Tree, p: int, words: TollWords, reference: dt.date | None) -> bool:
    """Whether what ``since`` governs at token ``p`` starts a long period: a date long before
    the reference date, else the war or conflict itself; or a wave of happenings, however
    recent ("since the protests began")."""
    if any(t.lower[k] in words.waves for k in _heads(t, p)):
        return True  # "since the protests began last week": a wave's tally, however short
    span = subtree(t, p)
    text = " ".join(t.text[k] for k in span)
    year = _YEAR.search(text)
    resolved = dates.resolve(text, reference)
    if resolved is not None and reference is not None:
        return (reference - resolved.date).days > _LONG_DAYS
    if year is not None:
        return reference is None or int(year.group()) < reference.year
    return any(t.lemma[k] in words.conflicts for k in _heads(t, p))


def _heads(t: Tree, p: int) -> list[int]:
    """The words that say what a period starts with: the noun "since" governs, the subject of
    its clause ("since the war began"), and what a start is of ("since the start of the
    war"), not a word deeper in ("since last week, when the rebels launched an offensive")."""
    out = [p, *(c for c in t.kids[p] if t.dep[c] in ("nsubj", "nsubjpass"))]
    for k in list(out):
        for prep in (c for c in t.kids[k] if t.dep[c] == "prep" and t.lower[c] == "of"):
            out += [c for c in t.kids[prep] if t.dep[c] == "pobj"]
    return out
