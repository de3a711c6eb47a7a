"""Tolls and tallies: what news tells over a period is a statistic, not a happening.

Articles end with background: "the conflict has killed more than 500,000 people since 2011",
"bandits have killed thousands in recent years", "so far this year, 120 people have died in
attacks", "the group has carried out dozens of attacks since 2015". A trigger whose clause is
counted, in the perfect, over a long period (``told_over_period``) tells no one occasion with
its own day, place and toll, and is no event (:mod:`kg.extract.events` drops it with the other
triggers that did not happen as one event, and its sentence's figures go to no other event). A
period is long when it starts with the war or conflict itself ("since the war began", "since
the start of the conflict"), a year ago or more ("since 2011", "over the past decade", "in
recent years", "to date", "this year alone"), or more than ``_LONG_DAYS`` before the article's
reference date; a short one tells an event still under way ("clashes have raged since
Sunday"). A count within one day is an event's own ("observed a total of 12 explosions near
Lowtown on 3 May", "20 people were killed in total"): totals alone do not make a toll, the
period does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.extract import dates
from kg.extract.columns import Tree

__all__ = ["TollWords", "told_over_period"]

# a period that starts more than a season before the reference date is counted, not told
_LONG_DAYS = 90
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# how a trigger reaches the verb of its clause: "died in attacks", "carried out dozens of
# attacks", "attacks on security forces" (not through another clause)
_UP = frozenset({"pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "compound", "amod", "nmod"})
# prepositions of a stretch of time: "in recent years", "over the past decade", "during the
# last two years", "throughout the years", "within the past few months"
_STRETCH = frozenset({"in", "over", "during", "throughout", "within", "across", "for"})


@dataclass(frozen=True, slots=True)
class TollWords:
    """Words of tolls (``kg/data/lexicon.toml`` ``[tolls]``)."""

    conflicts: frozenset[str]  # nouns of a war: "since the war began", "since the conflict"
    units: frozenset[str]  # units of a long stretch: "in recent years", "the past decade"
    tally_adverbs: frozenset[str]  # "so far this year", "this year alone"


def told_over_period(t: Tree, i: int, words: TollWords, reference: dt.date | None) -> bool:
    """Whether the trigger at token ``i`` is counted over a long period: a modifier of the
    trigger or of the verb of its clause says since when, or over what stretch; or the trigger
    starts such a period ("since the war began": the war is when the toll starts)."""
    anchors = _anchors(t, i)
    verb = anchors[-1]
    if _perfect(t, verb) and _counted(t, anchors, words, reference):
        return True
    if _shares_period(t, verb):  # "carried out hundreds of attacks since 2015, killing many"
        up = _anchors(t, t.head[verb])
        if _perfect(t, up[-1]) and _counted(t, up, words, reference):
            return True
    for _ in range(8):
        if t.head[i] == i:
            return False
        i = t.head[i]
        if t.lower[i] == "since" or t.dep[i] == "advcl":
            return _period(t, i, words, reference)
    return False


def _perfect(t: Tree, verb: int) -> bool:
    """Whether a toll's verb is in the perfect, as news tells a count up to now ("have
    killed", "has been raging", "had been detained"); a simple past with "since" or a
    stretch names the time of something else ("protested the closure (since July)", "held a
    protest against salaries unpaid for the past three months"). A phrase with no verb (a
    headline: "Attacks since 2015") is counted as written."""
    if t.pos[verb] not in ("VERB", "AUX"):
        return True
    return any(t.dep[c] == "aux" and t.lemma[c] == "have" for c in t.kids[verb])


def _counted(t: Tree, anchors: list[int], words: TollWords, reference: dt.date | None) -> bool:
    return any(_period(t, c, words, reference) for a in anchors for c in t.kids[a])


def _shares_period(t: Tree, verb: int) -> bool:
    """Whether ``verb`` is counted over the period of the verb it hangs on: a participle
    ("..., killing thousands") or a conjunct with the same subject ("have killed hundreds and
    displaced thousands"; not "..., and on Sunday rebels attacked the town")."""
    if t.head[verb] == verb or t.pos[t.head[verb]] not in ("VERB", "AUX"):
        return False
    if t.dep[verb] == "advcl":
        return t.tag[verb] == "VBG" and not any(t.dep[c] == "mark" for c in t.kids[verb])
    if t.dep[verb] == "conj":
        return not any(t.dep[c] in ("nsubj", "nsubjpass") or t.ent_type[c] == "DATE"
                       for c in t.kids[verb])  # fmt: skip
    return False


def _anchors(t: Tree, i: int) -> list[int]:
    """The trigger and the words up to the verb of its clause."""
    out = [i]
    for _ in range(6):
        if t.pos[i] in ("VERB", "AUX") or t.dep[i] not in _UP or t.head[i] == i:
            break
        i = t.head[i]
        out.append(i)
    return out


def _period(t: Tree, c: int, words: TollWords, reference: dt.date | None) -> bool:
    """Whether child ``c`` of an anchor names a long period."""
    dep, lower = t.dep, t.lower
    if lower[c] == "since" and dep[c] == "prep":
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


def _stretch(t: Tree, p: int, words: TollWords) -> bool:
    """ "in recent years", "over the past decade", "over the years", "in the past six
    months" (not "in the past week", "in the year's first attack")."""
    lemma, tag = t.lemma[p], t.tag[p]
    if lemma in words.units:
        return tag == "NNS" or any(t.lower[d] in ("past", "last", "recent") for d in t.kids[p])
    return lemma == "month" and tag == "NNS"


def _long_since(t: Tree, p: int, words: TollWords, reference: dt.date | None) -> bool:
    """Whether what ``since`` governs at token ``p`` starts a long period: a date long before
    the reference date, else the war or conflict itself."""
    span = _subtree(t, p)
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


def _subtree(t: Tree, p: int) -> list[int]:
    out, todo = [], [p]
    while todo:
        k = todo.pop()
        out.append(k)
        todo.extend(t.kids[k])
    return sorted(out)
