"""Acts told as what someone does as a rule, or as what came before the story, not as one
occasion: "The military has said it targets only terrorists" (a claim in the present),
"rights groups have accused troops of killing civilians in operations" (an accusation of
a habit: no day, no number, no one victim), "home to people who fled earlier fighting" (a
happening before the story's, and the people it describes: who they are, not what they did
that day), "the armed groups fighting its rule" (a group named by what it does), "the war has
displaced 11 million" (a war's toll over its years), "the Front, which fought a two-year
war" (whom a war describes), "as the army pressed an offensive" (a campaign going on, the
scene of another act), "in response to the group's attacks on shipping" (a series of acts an
act answers: its cause, told before it), "two men accused of carrying out an attack" (who the
people are, by the charge against them), "executed for stabbing a guard" (the crime a court
punished), "the Coalition supports the SDF through training and airstrikes" (what a backer
does as a rule), "troops, deployed in the province since 2021, said" (men described by their
sending before the story), "the community, which has been repeatedly targeted by the group",
"the group has carried out a series of attacks" (a series told in the perfect, no day), "the
alliance has fought the government since the elections" (a war going on since a time before
the story's days), "fought a six-week war in 2020, in which 6,500 were killed" (the war and
its toll), "the union, which called the protests, said" (whom its antecedent is, by
the protests it called).

Word lists: ``[modality]`` ``rule_verbs``, ``accusing_verbs``, ``former_words``,
``toll_conflicts``, ``answer_nouns``, ``answer_verbs``, ``support_verbs``,
``pressing_verbs``, ``sending_verbs``, ``punishing_verbs``, ``series_adverbs``,
``series_nouns`` and ``series_words``, ``warring_verbs``, ``calling_verbs``, ``[counts]``
``people_nouns`` and ``displacement_verbs``, ``[mentions]`` ``group_nouns``
(kg/data/lexicon.toml)."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.dates import WEEKDAYS
from kg.extract.parse_tree import Tree, subtree

__all__ = ["HabitWords", "told_as_habit"]

# the tags of a verb in the present: "targets", "attack"
_PRESENT = frozenset({"VBZ", "VBP"})  # accusations: "rights groups accuse troops of"
# the names that pin an act to one occasion or one victim
_PINNING = frozenset({"DATE", "TIME", "CARDINAL", "PERSON"})
_DETERMINED = frozenset({"det", "poss", "nummod"})
# how a means hangs from a verb of support, through the lists the parse makes of it
_SUPPORT_PATH = frozenset({"conj", "dobj", "pobj", "prep"})
_MEANS = frozenset({"through", "with", "by"})
_SETTING_MARKS = frozenset({"as", "while"})  # "as the army pressed an offensive"
_CLIMB_STEPS = 6


@dataclass(frozen=True)
class HabitWords:
    rule_verbs: frozenset[str]
    accusing_verbs: frozenset[str]
    former_words: frozenset[str]
    people_nouns: frozenset[str]
    fleeing_verbs: frozenset[str]  # "people who fled": who they are
    group_nouns: frozenset[str]
    conflicts: frozenset[str]  # "war", "conflict": "the war has displaced 11 million"
    answers: frozenset[str]  # "in response to attacks", "retaliating for attacks"
    support_verbs: frozenset[str] = frozenset()  # "supports the SDF through airstrikes"
    pressing_verbs: frozenset[str] = frozenset()  # "as the army pressed an offensive"
    sending_verbs: frozenset[str] = frozenset()  # "troops, deployed in X since 2021"
    punishing_verbs: frozenset[str] = frozenset()  # "executed for stabbing a guard"
    series_adverbs: frozenset[str] = frozenset()  # "has been repeatedly targeted"
    series_words: frozenset[str] = frozenset()  # "a series of attacks", "several raids"
    warring_verbs: frozenset[str] = frozenset()  # "has fought the government since 2020"
    calling_verbs: frozenset[str] = frozenset()  # "the union, which called the protests"


def told_as_habit(t: Tree, i: int, words: HabitWords) -> bool:
    """Whether the trigger at token ``i`` tells an act as a rule or as what came before: see
    the module's docstring."""
    return (
        _ruled(t, i, words)
        or _accused_habit(t, i, words)
        or _charge_of_people(t, i, words)
        or _punished(t, i, words)
        or _former(t, i, words)
        or _who_they_are(t, i, words)
        or _war_did(t, i, words)
        or _war_of_whom(t, i, words)
        or _campaign_pressed(t, i, words)
        or _answered(t, i, words)
        or _means_of_support(t, i, words)
        or _sent_before(t, i, words)
        or _series_in_perfect(t, i, words)
        or _war_since(t, i, words)
        or _war_fought(t, i, words)
        or _war_toll(t, i, words)
        or _called_by_whom(t, i, words)
    )


def _ruled(t: Tree, i: int, words: HabitWords) -> bool:
    """ "has said it targets only terrorists": a verb in the present (third person) with no
    auxiliary, in
    what a verb of saying in the past reports (a past act is told in the past: "said it
    attacked"; a headline tells its news in the present: "strike kills 17, residents say")."""
    # the third person only: the small model reads some pasts as other presents ("fighters
    # retook a town, activists said": "retook" a VBP, its lemma itself)
    if t.tag[i] != "VBZ" or t.dep[i] != "ccomp":
        return False
    if any(t.dep[c] in ("aux", "auxpass") for c in t.kids[i]):
        return False
    say = t.head[i]
    past = t.tag[say] in ("VBD", "VBN") or any(
        t.dep[c] == "aux" and t.lemma[c] == "have" for c in t.kids[say]
    )  # not a headline's "air strike kills 17, residents say"
    return past and t.lemma[say] in words.rule_verbs


def _accused_habit(t: Tree, i: int, words: HabitWords) -> bool:
    """ "have accused troops of killing civilians in operations": a gerund an accusation in
    the perfect or the present charges, with no day, number or named victim, and a bare
    plural object."""
    if t.tag[i] != "VBG" or t.dep[i] != "pcomp":
        return False
    of = t.head[i]
    accuse = t.head[of]
    while t.dep[accuse] in ("dobj", "conj") and t.lemma[accuse] not in words.accusing_verbs:
        accuse = t.head[accuse]  # "accused troops and their allies of": "of" hangs low
    if t.lower[of] != "of" or t.lemma[accuse] not in words.accusing_verbs:
        return False
    perfect = any(t.dep[c] == "aux" and t.lemma[c] == "have" for c in t.kids[accuse])
    if not (perfect or t.tag[accuse] in _PRESENT):
        return False
    if any(t.ent_type[k] in _PINNING for k in subtree(t, i)):
        return False
    objects = [c for c in t.kids[i] if t.dep[c] == "dobj"]
    return all(
        t.tag[o] == "NNS" and not any(t.dep[c] in _DETERMINED for c in t.kids[o]) for o in objects
    )


def _charge_of_people(t: Tree, i: int, words: HabitWords) -> bool:
    """ "demolished the homes of two men accused of carrying out an attack last year",
    "arrested a man charged with attacking a bank": an act a participle of accusation
    describing people charges them with tells who they are (what they are said to have done
    before the story), not a happening the story tells."""
    prep = _preposition_of(t, i)
    if prep is None:
        return False
    accuse = t.head[prep]
    if t.lower[prep] not in ("of", "with") or t.lemma[accuse] not in words.accusing_verbs:
        return False
    return t.tag[accuse] == "VBN" and t.dep[accuse] == "acl"


def _punished(t: Tree, i: int, words: HabitWords) -> bool:
    """ "a protester was executed for stabbing a guard", "sentenced to death for killing",
    "jailed for attacking a bank": the act a punishment is for is the crime a court found,
    told before the story, not a happening it tells."""
    prep = _preposition_of(t, i)
    if prep is None:
        return False
    return t.lower[prep] in ("for", "of") and t.lemma[t.head[prep]] in words.punishing_verbs


def _preposition_of(t: Tree, i: int) -> int | None:
    """The preposition whose object the act at ``i`` is ("of attacking", "for stabbing"), or
    whose object's gerund takes it ("of carrying out an attack"), if any."""
    node = i
    if t.dep[node] == "dobj" and t.tag[t.head[node]] == "VBG":
        node = t.head[node]  # "accused of carrying out an attack": the gerund's object
    return t.head[node] if t.dep[node] in ("pcomp", "pobj") else None


def _former(t: Tree, i: int, words: HabitWords) -> bool:
    """ "fled earlier fighting", "the previous attacks": an event noun a word sets before the
    story's happening; and a flight in a clause describing people ("people who fled", not
    "youths who were protesting"): who they are."""
    if t.pos[i] == "NOUN":
        return any(t.dep[c] == "amod" and t.lower[c] in words.former_words for c in t.kids[i])
    if t.dep[i] != "relcl" or t.lemma[i] not in words.fleeing_verbs:
        return False  # "youths who were protesting" tell what they did
    if t.lemma[t.head[i]] not in words.people_nouns:
        return False
    return not any(t.ent_type[k] in _PINNING for k in subtree(t, i))


def _who_they_are(t: Tree, i: int, words: HabitWords) -> bool:
    """ "the armed groups fighting its rule": a participle describing groups by what they do
    (a definite or bare plural, no number): who they are, no occasion."""
    if t.dep[i] != "acl" or t.tag[i] != "VBG":
        return False
    group = t.head[i]
    if t.tag[group] != "NNS" or t.lemma[group] not in words.group_nouns:
        return False
    return not any(t.dep[c] == "nummod" for c in t.kids[group])


def _war_did(t: Tree, i: int, words: HabitWords) -> bool:
    """ "The war has killed thousands and displaced 11 million": a verb whose subject (or
    the subject of the verb it is joined to) is a war, with no day of its own, tells the
    war's toll over its years, no one occasion."""
    if t.pos[i] != "VERB":
        return False
    verb = t.head[i] if t.dep[i] == "conj" else i
    subjects = [c for c in t.kids[verb] if t.dep[c] == "nsubj"]
    if not any(t.lemma[s] in words.conflicts for s in subjects):
        return False
    return not any(t.ent_type[k] in ("DATE", "TIME") for k in subtree(t, i))


def _war_fought(t: Tree, i: int, words: HabitWords) -> bool:
    """ "The two countries fought a six-week war in 2020": a verb of war whose object is a war
    (``toll_conflicts``) tells the war, its weeks or years, no one occasion (unless it names a
    day of the story: "fought a brief war on Monday")."""
    if t.lemma[i] not in words.warring_verbs:
        return False
    if not any(t.dep[c] == "dobj" and t.lemma[c] in words.conflicts for c in t.kids[i]):
        return False
    return not any(t.lower[k] in _RECENT for k in subtree(t, i))


def _war_toll(t: Tree, i: int, words: HabitWords) -> bool:
    """ "a six-week war in 2020, in which 6,500 people were killed": a relative clause of a war
    (``toll_conflicts``) with no date of its own tells the war's toll, no one occasion."""
    if t.dep[i] != "relcl" or not _of_war(t, t.head[i], words):
        return False
    return not any(t.ent_type[k] in ("DATE", "TIME") for k in subtree(t, i))


def _of_war(t: Tree, j: int, words: HabitWords) -> bool:
    """Whether the noun at ``j`` is a war, or a word of the phrases of a clause that fought
    one ("fought a war over the region, in which ...": the region's clause)."""
    for _ in range(_CLIMB_STEPS):
        if t.lemma[j] in words.conflicts:
            return True
        if any(t.dep[c] == "dobj" and t.lemma[c] in words.conflicts for c in t.kids[j]):
            return True
        if t.head[j] == j or t.dep[j] not in ("pobj", "prep", "dobj", "conj"):
            return False
        j = t.head[j]
    return False


def _called_by_whom(t: Tree, i: int, words: HabitWords) -> bool:
    """ "The Farmers Union, which called the protests, said ...": the happenings a relative
    clause's verb of calling them (``calling_verbs``) takes, named with "the" and no day,
    tell whom its antecedent is, no occasion of their own (the story tells them)."""
    verb = t.head[i]
    if t.dep[i] not in ("dobj", "oprd") or t.dep[verb] != "relcl":
        return False
    if t.lemma[verb] not in words.calling_verbs:
        return False
    if not any(t.dep[c] == "det" and t.lower[c] == "the" for c in t.kids[i]):
        return False
    return not any(t.ent_type[k] in ("DATE", "TIME") for k in subtree(t, verb))


def _war_of_whom(t: Tree, i: int, words: HabitWords) -> bool:
    """ "The Lowland Front, which fought a two-year war with the government, said ...": a
    relative clause whose verb's object is a war tells whom its antecedent is by the war it
    waged, its years, not one occasion of the story."""
    if t.dep[i] != "relcl" or t.pos[i] != "VERB":
        return False
    return any(t.dep[c] == "dobj" and t.lemma[c] in words.conflicts for c in t.kids[i])


def _campaign_pressed(t: Tree, i: int, words: HabitWords) -> bool:
    """ "The strike came as the army pressed an offensive against the rebels": a campaign
    going on, the object of a verb of pressing it in a clause that sets another act's scene
    ("as", "while"), with no day or number of its own (not one of a relative clause: "against
    fighters who have battled troops since August"), is the setting, not an occasion."""
    if t.pos[i] != "NOUN" or t.dep[i] != "dobj":
        return False
    verb = t.head[i]
    if t.lemma[verb] not in words.pressing_verbs or t.dep[verb] != "advcl":
        return False
    if not any(t.dep[c] == "mark" and t.lower[c] in _SETTING_MARKS for c in t.kids[verb]):
        return False
    clause = subtree(t, verb)
    aside = {k for c in clause if t.dep[c] == "relcl" for k in subtree(t, c)}
    return not any(t.ent_type[k] in _PINNING and k not in aside for k in clause)


def _sent_before(t: Tree, i: int, words: HabitWords) -> bool:
    """ "Ruritanian troops, deployed in the province since 2021, said ...": a past participle of
    sending describing the men it sent, since a time ("since") or on no day of its own, tells
    who they are, not a move of the story ("troops sent to the town on Monday" is one)."""
    if t.dep[i] != "acl" or t.tag[i] != "VBN" or t.lemma[i] not in words.sending_verbs:
        return False
    if t.pos[t.head[i]] not in ("NOUN", "PROPN"):
        return False
    if any(t.dep[c] == "prep" and t.lower[c] == "since" for c in t.kids[i]):
        return True
    return not any(t.ent_type[k] in ("DATE", "TIME") for k in subtree(t, i))


def _answered(t: Tree, i: int, words: HabitWords) -> bool:
    """ "in response to the group's attacks on shipping", "in retaliation for attacks on
    its posts", "were responding to attacks by the army": a plural event noun with no number
    and no day, that an answer noun's or verb's preposition governs, names the acts the
    story's act answers: a series before it."""
    if t.tag[i] != "NNS" or t.dep[i] != "pobj":
        return False
    prep = t.head[i]
    answer = t.head[prep]
    if t.dep[prep] != "prep" or t.lemma[answer] not in words.answers or answer == prep:
        return False
    if any(t.dep[c] == "nummod" for c in t.kids[i]):
        return False  # "in response to two attacks on Sunday": those attacks
    return not any(t.ent_type[k] in ("DATE", "TIME") for k in subtree(t, i))


def _means_of_support(t: Tree, i: int, words: HabitWords) -> bool:
    """ "The Coalition supports the SDF through training, advice and airstrikes", "the US backs
    the fighters with airstrikes": a plural event noun with no number, among what "through",
    "with" or "by" gives as the means of a verb of support in the present with no auxiliary
    and no day (or in a list the parse joins to it), tells what the backer does as a rule, no
    one strike."""
    if t.tag[i] != "NNS" or any(t.dep[c] == "nummod" for c in t.kids[i]):
        return False
    node = i
    for _ in range(_CLIMB_STEPS):
        if t.dep[node] not in _SUPPORT_PATH or t.head[node] == node:
            return False
        if t.dep[node] == "prep" and t.lower[node] not in _MEANS:
            return False  # "supports the troops fighting in the town": not its means
        node = t.head[node]
        if t.lemma[node] in words.support_verbs and t.pos[node] == "VERB":
            break
    else:
        return False
    while t.dep[node] == "conj" and t.head[node] != node:
        node = t.head[node]  # "supports ... through training, advise and assist operations"
    if any(t.ent_type[k] in _PINNING for k in subtree(t, i)):
        return False  # "airstrikes that killed 12 civilians": those strikes
    if t.tag[node] not in _PRESENT or any(t.dep[c] in ("aux", "auxpass") for c in t.kids[node]):
        return False
    return not any(t.ent_type[k] in ("DATE", "TIME") for k in subtree(t, node))


def _series_in_perfect(t: Tree, i: int, words: HabitWords) -> bool:
    """ "the community, which has been repeatedly targeted by the group", "the group has carried
    out a series of attacks on mosques", "have staged several raids": an act the perfect tells
    again and again ("repeatedly") or as a series of plural acts ("a series of", "several"),
    with no day, time or number of its own, is a series before the story, no one occasion (a
    simple past "repeatedly stabbed him" is one act)."""
    verb = i
    for _ in range(_CLIMB_STEPS):
        if t.pos[verb] in ("VERB", "AUX") or t.head[verb] == verb:
            break
        verb = t.head[verb]
    if t.pos[verb] not in ("VERB", "AUX"):
        return False
    if not any(t.dep[c] == "aux" and t.lemma[c] == "have" for c in t.kids[verb]):
        return False
    again = any(t.dep[c] == "advmod" and t.lower[c] in words.series_adverbs for c in t.kids[verb])
    if not (again or _told_as_series(t, i, words)):
        return False
    clause = subtree(t, verb)
    aside = {k for c in clause if t.dep[c] in ("relcl", "advcl") for k in subtree(t, c)}
    return not any(t.ent_type[k] in ("DATE", "TIME", "CARDINAL") and k not in aside for k in clause)


# the words of a recent start, from which fighting told in the perfect is one battle going on
# ("have been fighting since Monday", "since dawn"), not a war
_RECENT = frozenset({*WEEKDAYS, "yesterday", "dawn", "morning", "night", "evening", "weekend"})


def _war_since(t: Tree, i: int, words: HabitWords) -> bool:
    """ "The alliance has fought the government since disputed elections", "has been fighting
    an insurgency since 2013": fighting told in the perfect since a time before the story's
    days is a war going on, no one occasion ("have been fighting since Monday" is one)."""
    if t.lemma[i] not in words.warring_verbs:
        return False
    if not any(t.dep[c] == "aux" and t.lemma[c] == "have" for c in t.kids[i]):
        return False
    since = [
        c for c in t.kids[i]
        if (t.dep[c] == "prep" and t.lower[c] == "since")
        or (t.dep[c] == "advcl" and any(t.lower[m] == "since" for m in t.kids[c]))
    ]  # fmt: skip
    return bool(since) and not any(t.lower[k] in _RECENT for k in subtree(t, since[0]))


def _told_as_series(t: Tree, i: int, words: HabitWords) -> bool:
    """ "a series of attacks", "several raids": a plural event noun a series noun governs
    ("of") or a word of many modifies."""
    if t.tag[i] != "NNS":
        return False
    if any(t.dep[c] in ("amod", "det") and t.lower[c] in words.series_words for c in t.kids[i]):
        return True
    of = t.head[i]
    return t.dep[i] == "pobj" and t.lower[of] == "of" and t.lemma[t.head[of]] in words.series_words
