"""Tolls and tallies: what news tells over a period is a statistic, not a happening.

Articles end with background: "the conflict has killed more than 500,000 people since 2011",
"bandits have killed thousands in recent years", "so far this year, 120 people have died in
attacks", "the group has carried out dozens of attacks since 2015". A trigger whose clause is
counted, in the perfect, over a long period (``told_over_period``) tells no one occasion with
its own day, place and toll, and is no event (:mod:`kg.extract.events` drops it with the other
triggers that did not happen as one event, and its sentence's figures go to no other event). A
period is long when it starts with the war or conflict itself ("since the war began", "since
the start of the conflict"), a year ago or more ("since 2011", "over the past decade", "in
recent years", "to date", "this year alone"), or more than a season before the article's
reference date (:mod:`kg.extract.toll_periods` reads these periods), or is left untold
where many or a war have done it to thousands ("gangs have displaced 700,000 people"); a short
one tells an event still under way ("clashes have raged since Sunday"), unless it starts with
a wave of many happenings ("39 people have been killed since the protests began last week": a
tally of the wave's days and towns, no new event). A count
within one day is an event's own ("observed a total of 12 explosions near Lowtown on 3 May",
"20 people were killed in total"): totals alone do not make a toll, the period does.

Told in the simple past, a toll needs a period no one occasion fills ("killed thousands in
recent years", "during the war", "between 2003 and 2008"), or one year with plural acts or a
toll of hundreds ("attacks killed 2,000 people last year"); a single occasion named in the
clause ("Last year, gunmen killed 40 people in an attack") makes it one event. Habits
(``habitual``) are no events either: acts done "frequently", "regularly", with no date or
single occasion, and claims of a bare plural ("has taken credit for attacks on the base").
"""

from __future__ import annotations

import datetime as dt

from kg.extract import dates
from kg.extract.numbers import parse_number
from kg.extract.parse_tree import Tree, subtree
from kg.extract.toll_periods import TollWords, long_stretch, one_year, period

__all__ = ["habitual", "told_over_period"]

# a year's toll of this many or more is counted over the year, not one happening's
_LARGE = 100
# a tally in the perfect with no period counts a campaign from this many done to (a lead's
# perfect tells one event's toll: "gunmen have killed 150 villagers in Lowtown")
_CAMPAIGN = 1000
# determiners of one occasion: "in an attack", "a raid killed 12"
_SINGLE = frozenset({"a", "an", "one", "this", "that"})
_DAYS = frozenset(dates.MONTHS) | frozenset(dates.WEEKDAYS)
# how a trigger reaches the verb of its clause: "died in attacks", "carried out dozens of
# attacks", "attacks on security forces" (not through another clause)
_UP = frozenset({"pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "compound", "amod", "nmod"})


def told_over_period(
    t: Tree,
    i: int,
    words: TollWords,
    reference: dt.date | None,
    others: frozenset[int] = frozenset(),
) -> bool:
    """Whether the trigger at token ``i`` is counted over a long period: a modifier of the
    trigger or of the verb of its clause says since when, or over what stretch; or the trigger
    starts such a period ("since the war began": the war is when the toll starts). ``others``
    are the sentence's other triggers: one told as a single occasion ("in an attack") makes a
    clause in the past one event, whatever its period."""
    anchors = _anchors(t, i)
    verb = anchors[-1]
    if _toll(t, anchors, words, reference, others):
        return True
    # "have been killed and 60,000 displaced since fighting broke out": the conjunct's period
    if _perfect(t, verb) and any(
        t.dep[c] == "conj" and _shares_period(t, c) and _counted(t, [c], words, reference)
        for c in t.kids[verb]
    ):
        return True
    # "6,000 people have been killed since the conflict began, and 700,000 have been
    # displaced": a conjunct in the perfect, of no date of its own, is counted as its head
    head = t.head[verb]
    if (
        t.dep[verb] == "conj" and head != verb and t.pos[head] in ("VERB", "AUX")
        and _perfect(t, verb) and _perfect(t, head) and not _dated(t, verb)
        and _counted(t, _anchors(t, head), words, reference)
    ):  # fmt: skip
        return True
    # "carried out hundreds of attacks since 2015, killing many"; "have killed thousands since
    # 2012 and forced millions to flee": up the verbs that share their head's period
    for _ in range(3):
        if not (_shares_period(t, verb) or _forced_to(t, verb)):
            break
        verb = t.head[verb]
        if _toll(t, _anchors(t, verb), words, reference, others):
            return True
    for _ in range(8):
        if t.head[i] == i:
            return False
        i = t.head[i]
        if t.lower[i] == "since" or t.dep[i] == "advcl":
            return period(t, i, words, reference)
    return False


def habitual(t: Tree, i: int, words: TollWords, others: frozenset[int] = frozenset()) -> bool:
    """Whether the trigger at token ``i`` tells a habit, no one occasion: a claim of acts
    named by a bare plural ("has taken credit for attacks on the base": no determiner, number
    or date), or an act done often ("frequently attacks convoys", "regularly abduct
    travellers"), unless a date or a single occasion ("during a raid on Monday") pins it."""
    verb = _anchors(t, i)[-1]
    if _claimed_in_general(t, i, words):
        return True
    verbs = [verb]
    if t.dep[verb] in ("xcomp", "advcl") and any(
        t.dep[c] == "aux" and t.lower[c] == "to" for c in t.kids[verb]
    ):  # "often use tear gas to disperse protesters": the purpose of a habit
        verbs.append(t.head[verb])
    habit = any(
        t.dep[c] == "advmod" and t.lower[c] in words.habit_adverbs for v in verbs for c in t.kids[v]
    )
    return habit and not _dated(t, verbs[-1]) and not _one_occasion(t, i, verb, words, others)


def _claimed_in_general(t: Tree, i: int, words: TollWords) -> bool:
    """ "X has claimed responsibility for attacks on the base": the claim of a kind of act
    (not "for the attack", "for two attacks", "for attacks on Monday", "for attacks that
    killed 12")."""
    dep, head = t.dep, t.head
    if dep[i] != "pobj" or t.tag[i] != "NNS" or t.lower[head[i]] != "for":
        return False
    prep = head[i]
    claim = prep if t.lemma[prep] in words.claim_nouns else head[prep]
    if t.lemma[claim] not in words.claim_nouns:  # "took credit (for attacks)": the verb's
        claim = next((c for c in t.kids[claim] if dep[c] == "dobj"), claim)
    if t.lemma[claim] not in words.claim_nouns or dep[claim] != "dobj":
        return False
    if any(dep[c] in ("det", "poss", "nummod", "relcl", "acl") for c in t.kids[i]):
        return False
    return not _dated(t, head[claim])


def _dated(t: Tree, verb: int) -> bool:
    """Whether a date or time is told in the clause of ``verb``, not in a relative clause that
    dates something else ("the war, which erupted in April last year, has killed thousands")."""
    clause = subtree(t, verb)
    aside = {k for c in clause if t.dep[c] == "relcl" for k in subtree(t, c)}
    return any(t.ent_type[k] in ("DATE", "TIME") and k not in aside for k in clause)


def _toll(
    t: Tree,
    anchors: list[int],
    words: TollWords,
    reference: dt.date | None,
    others: frozenset[int],
) -> bool:
    verb = anchors[-1]
    if _perfect(t, verb) or _count_of(t, verb, words):
        return _counted(t, anchors, words, reference) or _campaign(t, anchors, words, others)
    return _tallied(t, anchors, words, others)


def _count_of(t: Tree, verb: int, words: TollWords) -> bool:
    """Whether ``verb`` is a participle naming what a count counts ("the number of people
    killed since the protests began", "the total killed"): a count up to now, as the perfect
    tells one."""
    if t.dep[verb] != "acl" or t.tag[verb] != "VBN":
        return False
    head = t.head[verb]
    if t.lemma[head] in words.count_nouns:
        return True
    up = t.head[head]  # "the number of people": the noun under "of"
    return (
        t.dep[head] == "pobj" and t.lower[up] == "of" and t.lemma[t.head[up]] in words.count_nouns
    )


def _campaign(t: Tree, anchors: list[int], words: TollWords, others: frozenset[int]) -> bool:
    """A tally in the perfect with no period, of a campaign by many or by a war: "Gangs have
    displaced 700,000 people across Lowland", "the war has killed thousands" (a plural or a
    war as doer, thousands or more harmed, no date, no single occasion); not "the attack has
    killed 1,200 people", nor a lead's toll, "gunmen have killed 150 villagers in Lowtown",
    nor a wave of arrests, "police have arrested 4,000 people"."""
    verb = anchors[-1]
    if t.lemma[verb] not in words.campaign_verbs or _dated(t, verb):
        return False
    objects = [c for c in t.kids[verb] if t.dep[c] in ("dobj", "nsubjpass")]
    if not any(_large(t, o, _CAMPAIGN) and _people(t, o, words) for o in objects):
        return False
    subjects = [c for c in t.kids[verb] if t.dep[c] == "nsubj"]
    many = any(t.tag[c] in ("NNS", "NNPS") or t.lemma[c] in words.conflicts for c in subjects)
    return many and not _one_occasion(t, anchors[0], verb, words, others)


def _tallied(t: Tree, anchors: list[int], words: TollWords, others: frozenset[int]) -> bool:
    """A toll told in the past over a long period: "Bandits killed thousands in recent
    years", "The conflict killed 300,000 people between 2003 and 2008", "killed hundreds
    during the war"; over one year only when plural acts or a toll of hundreds count it
    ("Attacks killed more than 2,000 people last year"). A single occasion makes it one event
    ("Last year, gunmen killed 40 people in an attack on Lowtown")."""
    verb = anchors[-1]
    objects = [c for c in t.kids[verb] if t.dep[c] in ("dobj", "nsubjpass")]
    spots = [c for a in (*anchors, *objects) for c in t.kids[a]]
    # the period first: most clauses name none, and the clause's words need not be read
    stretch = any(long_stretch(t, c, words) for c in spots)
    if not stretch and not any(one_year(t, c) for c in spots):
        return False
    if _one_occasion(t, anchors[0], verb, words, others) or _day_named(t, verb):
        return False
    if stretch:
        return True
    plural = any(t.tag[k] == "NNS" and _anchors(t, k)[-1] == verb for k in (anchors[0], *others))
    return plural or any(_large(t, o) for o in objects)


def _day_named(t: Tree, verb: int) -> bool:
    """Whether the clause of ``verb`` names a day or month ("on 5 May 1999 during the war",
    "on Monday"): the time of one occasion."""
    return any(
        t.ent_type[k] == "DATE" and (t.lower[k] in _DAYS or t.lower[k] in ("yesterday", "today"))
        for k in subtree(t, verb)
    )


def _one_occasion(t: Tree, i: int, verb: int, words: TollWords, others: frozenset[int]) -> bool:
    """Whether a trigger of the clause of ``verb`` is one occasion: "in an attack", "a raid
    killed 12" (not "the conflict")."""
    for k in (i, *others):
        if t.tag[k] != "NN" or t.lemma[k] in words.conflicts or _anchors(t, k)[-1] != verb:
            continue
        if any(t.dep[d] == "det" and t.lower[d] in _SINGLE for d in t.kids[k]):
            return True
    return False


def _people(t: Tree, o: int, words: TollWords) -> bool:
    """Whether a verb's object ``o`` counts people: "700,000 people", "thousands of
    civilians", "thousands" alone (not "2,000 landmines")."""
    nouns = [o, *(p for c in t.kids[o] if t.lower[c] == "of" for p in t.kids[c])]
    return any(t.lemma[n] in words.people for n in nouns) or (
        t.lemma[o] in ("thousand", "million") and len(nouns) == 1
    )


def _large(t: Tree, o: int, least: int = _LARGE) -> bool:
    """Whether the people a verb acts on are ``least`` or more, hundreds by default
    ("thousands of people", "more than 2,000 people")."""
    plurals = ("hundred", "thousand", "million") if least <= _LARGE else ("thousand", "million")
    if t.lemma[o] in plurals and t.tag[o] == "NNS":
        return True
    for c in t.kids[o]:
        if t.dep[c] == "nummod":
            value = parse_number(" ".join(t.text[k] for k in subtree(t, c)))
            if value is not None and value >= least:
                return True
    return False


def _perfect(t: Tree, verb: int) -> bool:
    """Whether a toll's verb is in the perfect, as news tells a count up to now ("have
    killed", "has been raging", "had been detained"); a simple past with "since" or a
    stretch names the time of something else ("protested the closure (since July)", "held a
    protest against salaries unpaid for the past three months"). A phrase with no verb (a
    headline: "Attacks since 2015") is counted as written."""
    if t.pos[verb] not in ("VERB", "AUX"):
        return True
    if any(t.dep[c] == "aux" and t.lemma[c] == "have" for c in t.kids[verb]):
        return True
    # "have been killed and 60,000 displaced": a conjunct with no auxiliary nor subject of its
    # own is in its head's tense
    return (
        t.dep[verb] == "conj"
        and t.head[verb] != verb
        and not any(t.dep[c] in ("aux", "auxpass", "nsubj", "nsubjpass") for c in t.kids[verb])
        and _perfect(t, t.head[verb])
    )


def _counted(t: Tree, anchors: list[int], words: TollWords, reference: dt.date | None) -> bool:
    """Whether a child of an anchor, or of an anchor's auxiliary ("have for years enforced a
    boycott": the parser hangs the period on "have"), names a long period."""
    kids = [c for a in anchors for c in t.kids[a]]
    kids += [c for a in kids if t.dep[a] == "aux" for c in t.kids[a]]
    return any(period(t, c, words, reference) for c in kids)


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


def _forced_to(t: Tree, verb: int) -> bool:
    """Whether ``verb`` is the infinitive a verb makes its object do ("forced millions to
    flee"): done over the period of that verb."""
    return (
        t.dep[verb] == "xcomp"
        and any(t.dep[c] == "aux" and t.lower[c] == "to" for c in t.kids[verb])
        and any(t.dep[c] == "dobj" for c in t.kids[t.head[verb]])
    )


def _anchors(t: Tree, i: int) -> list[int]:
    """The trigger and the words up to the verb of its clause."""
    out = [i]
    for _ in range(6):
        if t.pos[i] in ("VERB", "AUX") or t.dep[i] not in _UP or t.head[i] == i:
            break
        i = t.head[i]
        out.append(i)
    return out
