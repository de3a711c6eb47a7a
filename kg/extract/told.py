"""The words a sentence tells of an event, for refining its type: without a protest's
grievance ("protested against an attack"), without aircraft that were hit ("opened fire on a
plane"), without words a prefix negates ("non-violent", "anti-aircraft"), without the "riot"
of "riot police" and without its sources ("according to residents"); and whether it tells
deaths rather than protest a killing."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from kg.extract import columns, parse_tree
from kg.extract.found import Mentions

_GRIEVANCE_PREPOSITIONS = frozenset({"against", "over", "after", "following", "about"})
_GRIEVANCE_VERBS = frozenset({"demand", "denounce", "condemn", "decry", "reject", "accuse"})
_GRIEVANCE_MARKS = frozenset({"after", "since", "because", "following"})
_AIRCRAFT = frozenset({"plane", "airplane", "aircraft", "jet", "helicopter", "drone", "airliner"})
_MODIFIERS = frozenset({"compound", "amod", "nmod"})
_PREFIXES = frozenset({"non", "anti", "counter"})  # "non-violent", "anti-aircraft"
_DAMAGE_VERBS = frozenset({"destroy", "damage", "hit", "down", "shoot", "open", "fire", "seize"})
# what "riot" names when it qualifies them: the police's kind and kit, no crowd's riot ("riot
# police fired tear gas", "officers in riot gear")
_RIOT_KIT = frozenset({"police", "policeman", "policemen", "officer", "squad", "unit", "gear",
                       "force", "shield", "troop", "control", "van", "truck"})  # fmt: skip

# words that date one happening by another: "rioted after police shot a student"
_SEQUENCE_WORDS = frozenset({"after", "before", "since", "following", "until"})

__all__ = [
    "beyond_grievance",
    "deaths_told",
    "police_kit",
    "told_in_passing",
    "unstruck_lemmas",
    "without_grievance",
    "without_sources",
]


def without_grievance(
    window: Span, protest_lemmas: frozenset[str], *, keep_conjuncts: bool = False
) -> list[int]:
    """The words of a protest but those of its grievance (token indices): what follows
    "against", "over", "after", "following" a word of protest, the object of "to protest", or
    a verb of demanding ("demanding the arrest of those who burned"); with ``keep_conjuncts``,
    the clauses joined to a verb of demanding are told, not demanded ("demanded his release
    but were dispersed by police")."""
    doc = window.doc
    dep, pos, lower = columns.deps(doc), columns.poses(doc), columns.lowers(doc)
    lemma, head = columns.lemma_lowers(doc), columns.heads(doc)
    skipped: set[int] = set()
    for i in range(window.start, window.end):
        if dep[i] not in ("prep", "dobj") and pos[i] != "VERB":
            continue  # neither a preposition, an object nor a verb: no grievance
        grievance = (
            dep[i] == "prep"
            and lower[i] in _GRIEVANCE_PREPOSITIONS
            and lemma[head[i]] in protest_lemmas
        ) or (pos[i] == "VERB" and lemma[i] in _GRIEVANCE_VERBS)
        if grievance and i not in skipped:
            t = parse_tree.tree(doc)
            skipped |= {
                c for child in t.kids[i]
                if not (keep_conjuncts and dep[child] in ("conj", "cc"))
                for c in parse_tree.subtree(t, child)
            }  # fmt: skip
        elif dep[i] == "dobj" and lemma[head[i]] == "protest":
            # "to protest the plan for mass arrests"
            skipped |= set(parse_tree.subtree(parse_tree.tree(doc), i))
    return [i for i in range(window.start, window.end) if i not in skipped]


def beyond_grievance(
    sent: Span, keys: list[str], mentions: Mentions, protest_lemmas: frozenset[str]
) -> list[str]:
    """The actors ``keys`` of a protest in ``sent`` but those only its grievance names:
    "hundreds marched to protest the killing of civilians by the army", "rallied against the
    arrest of a journalist by police" name what the crowd protests, not the protest's actors
    (kept where the sentence names them outside it too)."""
    told = set(without_grievance(sent, protest_lemmas))
    where: dict[str, list[int]] = {}
    for i in range(sent.start, sent.end):
        found = mentions.at(i)
        if found is not None and found.key in keys:
            where.setdefault(found.key, []).append(i)
    return [k for k in keys if k not in where or any(i in told for i in where[k])]


def without_sources(
    doc: Doc, told: Sequence[int], saying: frozenset[str], trigger: int
) -> list[int]:
    """The tokens ``told`` but those of a source, who tells of an event and is none of its
    actors: "according to vigilantes", "residents said" (the subject of a verb of ``saying``
    that holds neither the event's ``trigger`` nor a verb: a parse may make the event's words
    the subject)."""
    dep, lower, lemma = columns.deps(doc), columns.lowers(doc), columns.lemma_lowers(doc)
    poses = columns.poses(doc)
    skipped: set[int] = set()
    for i in told:
        if lower[i] == "according" and any(c.lower_ == "to" for c in doc[i].children):
            skipped |= {t.i for t in doc[i].subtree}
        elif lemma[i] in saying and poses[i] == "VERB":
            for c in (c for c in doc[i].children if dep[c.i] == "nsubj"):
                subject = [t.i for t in c.subtree]
                if trigger not in subject and not any(poses[t] == "VERB" for t in subject):
                    skipped.update(subject)
    return [i for i in told if i not in skipped]


def unstruck_lemmas(doc: Doc, told: Sequence[int]) -> frozenset[str]:
    """The lemmas and lower-cased words of the tokens ``told`` (indices) but those of aircraft
    hit ("destroying two helicopters", "opened fire on a plane" tell no air strike) and those
    a prefix negates ("a non-violent demonstration" was not violent; "anti-aircraft guns" are
    no aircraft)."""
    struck, negated = _struck(doc, told), _negated(doc, told)
    lemma, lower = columns.lemma_lowers(doc), columns.lowers(doc)
    out: set[str] = set()
    for i in told:  # one pass: ~27 words a sentence, most of them no aircraft and no "riot"
        word = lemma[i]
        if (
            i in negated
            or (word in _AIRCRAFT and i in struck)
            or (word == "riot" and police_kit(doc, i))
        ):
            continue
        out.add(word)
        out.add(lower[i])
    return frozenset(out)


def police_kit(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is "riot" naming the police's kind or kit ("riot police", "riot
    gear"): no riot told."""
    if columns.lemma_lowers(doc)[i] != "riot" or columns.deps(doc)[i] not in _MODIFIERS:
        return False
    return columns.lemma_lowers(doc)[columns.heads(doc)[i]] in _RIOT_KIT


def _struck(doc: Doc, told: Sequence[int]) -> set[int]:
    """Tokens of what a verb of damage acts on: "destroyed two helicopters", "hit a plane",
    "opened fire on a plane", "damaged planes"."""
    out: set[int] = set()
    pos, lemma = columns.poses(doc), columns.lemma_lowers(doc)
    for i in told:
        if pos[i] != "VERB" or lemma[i] not in _DAMAGE_VERBS:
            continue
        t = doc[i]
        if t.dep_ == "amod":  # "damaged passenger planes", "destroyed helicopters"
            out |= {x.i for x in t.head.subtree}
        for c in t.children:
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("on", "at")):
                out |= {x.i for x in c.subtree}
            if c.dep_ == "dobj" and c.lower_ == "fire":  # "opened fire on a plane"
                aimed = (p for p in c.children if p.dep_ == "prep" and p.lower_ in ("on", "at"))
                out |= {x.i for p in aimed for x in p.subtree}
    return out


def _negated(doc: Doc, told: Sequence[int]) -> set[int]:
    """Words a prefix turns into their opposite or their defence: "non-violent", "nonviolent"
    (the model splits "non", "-", "violent"), "anti-aircraft guns" (no aircraft), "anti-riot
    police" (no riot)."""
    out: set[int] = set()
    text, lower, space = columns.texts(doc), columns.lowers(doc), columns.whitespaces(doc)
    for i in told:
        if i < 2:
            continue
        glued = text[i - 1] == "-" and not space[i - 1] and not space[i - 2]
        if glued and lower[i - 2] in _PREFIXES:
            out.add(i)
    return out


def deaths_told(window: Span, verbs: frozenset[str], spared: frozenset[str] = frozenset()) -> bool:
    """Whether the words tell that people died ("police killed two"), rather than name a
    killing as a grievance ("protested against the killing of", "after a man was killed"),
    and not only men of a kind in ``spared`` ("four police officers were killed": the state's
    forces, whom no force against protesters kills)."""
    pos, lemma = columns.poses(window.doc), columns.lemma_lowers(window.doc)
    for i in range(window.start, window.end):
        if pos[i] != "VERB" or lemma[i] not in verbs:
            continue
        t = window.doc[i]
        if any(c.dep_ == "mark" and c.lower_ in _GRIEVANCE_MARKS for c in t.children):
            continue
        dead = [c for c in t.children if c.dep_ in ("nsubjpass", "dobj")]
        if not (dead and all(c.lemma_.lower() in spared for c in dead)):
            return True
    return False


def told_in_passing(token: Token) -> bool:
    """Whether ``token`` is told only to date or explain another happening: in a clause or a
    phrase of "after", "before", "since", "following", "until" ("students rioted after police
    shot a student", "a day after police arrested protesters, three members were abducted",
    "detained before the President's rally"), not the clause such a phrase hangs from."""
    tree = parse_tree.tree(token.doc)  # the walk by index: no Token made
    dep, lower = tree.dep, tree.lower
    i = token.i
    for _ in range(12):
        head = tree.head[i]
        if dep[i] == "advcl" and any(
            dep[c] == "mark" and lower[c] in _SEQUENCE_WORDS for c in tree.kids[i]
        ):
            return True
        if dep[i] in ("pobj", "pcomp") and dep[head] == "prep" and lower[head] in _SEQUENCE_WORDS:
            return True
        if head == i:  # the root: going on would look at it again
            return False
        i = head
    return False
