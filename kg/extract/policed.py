"""A crowd the state's forces police is the actor of its protest, the forces its other side.

"Police fired tear gas at thousands of supporters of the jailed leader who broke through
barricades": ACLED codes the demonstrators as actor 1 (protesters, or rioters where the crowd
does violence) and the police as actor 2 (the intervention), as kg does where the protest is
told first and its policing after ("Hundreds protested. Police fired tear gas to disperse
them": ``kg/extract/reranking.py``). The one the crowd supports ("supporters of the jailed
leader") is no side of it: who they march for is not who the police fired at.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from spacy.tokens import Doc

from kg.extract import parse_tree
from kg.extract.drafts import Draft, absorb, dedup
from kg.extract.found import Found, Mentions
from kg.model import ActorType

__all__ = ["crowd_first", "fold_rioters_shot", "forces_hit", "named_by_crowd"]

# the crowd's events where the state only polices it (not "excessive force against
# protesters", which ACLED codes with the state's forces as actor 1)
_POLICED = frozenset({"protest-with-intervention", "violent-demonstration"})
_CROWDS = frozenset({ActorType.PROTESTERS, ActorType.RIOTERS})
_STOPPED = "protest-with-intervention"


def crowd_first(
    events: list[Draft], mentions: Mentions, crowd_nouns: frozenset[str]
) -> list[Draft]:
    """Protests and riots whose agents are all the state's forces and whose targets hold the
    crowd: the crowd acts, the forces are its other side; whom the crowd is named after
    ("supporters of X", ``named_by_crowd``) is no side."""
    kind = partial(_kind, mentions)
    for e in events:
        if e.event_class not in _POLICED or not e.agents:
            continue
        if any(kind(a) is not ActorType.STATE_FORCES for a in e.agents):
            continue
        crowd = [t for t in e.targets if kind(t) in _CROWDS]
        if not crowd:
            crowd = _crowd_beside(e, mentions, kind)
        if not crowd:
            continue
        others = [
            t
            for t in e.targets
            if t not in crowd
            and not named_by_crowd(e.sentence.doc, e.role_mentions.get(t, []), crowd_nouns)
        ]
        e.agents, e.targets = crowd, dedup([*e.agents, *others])
    return events


def _crowd_beside(
    e: Draft, mentions: Mentions, kind: Callable[[str], ActorType | None]
) -> list[str]:
    """The crowd a clause beside the forces' act tells acting ("Police fired tear gas and
    arrested dozens as opposition supporters defied a ban on marches"): the subjects of a
    crowd's kind of a clause hung on the act's verb, or on a verb joined to it, by "as",
    "while" or "when"; each taken as one of the event's sides (its mentions its role's)."""
    verb = e.trigger.root
    verbs = {verb.i, *(c.i for c in verb.children if c.dep_ == "conj")}
    if verb.dep_ == "conj":
        verbs.add(verb.head.i)
    subjects = {
        s.i
        for t in e.sentence
        if t.dep_ == "advcl" and t.head.i in verbs
        and any(c.dep_ == "mark" and c.lower_ in _BESIDE for c in t.children)
        for s in t.children
        if s.dep_ == "nsubj"
    }  # fmt: skip
    crowd: list[str] = []
    for s in subjects:
        f = mentions.at(s)
        if f is None or f.kind != "actor" or f.end - 1 != s or kind(f.key) not in _CROWDS:
            continue
        if e.event_class == _STOPPED and f.actor_type is ActorType.RIOTERS:
            # the crowd of a protest the forces broke up, whatever its words made it alone
            # ("opposition supporters": rioters where nothing tells their act)
            protesters = "Protesters" + f.label.removeprefix("Rioters")
            mentions.retype_one(f, protesters, ActorType.PROTESTERS)
        e.role_mentions.setdefault(f.key, []).append(f)
        crowd = dedup([*crowd, f.key])
    return crowd


# the words that tie a crowd's clause to the forces' act: "... as supporters defied a ban"
_BESIDE = frozenset({"as", "while", "when"})
# what the state's forces do to a crowd: an attack, or what the roles made of it
_SHOOTINGS = frozenset({"attack", "excessive-force-against-protesters"})


def fold_rioters_shot(
    events: list[Draft], mentions: Mentions, apart: Callable[[str], bool] = lambda key: False
) -> list[Draft]:
    """ "Protesters broke through barricades; police fired tear gas... The party said two of
    its supporters had been shot dead by security forces": where the crowd of the story's riot
    is shot by the state's forces, ACLED codes no attack of its own (nor excessive force, which
    is lethal force against peaceful protesters): the deaths are the riot's, folded into it
    (a denied claim is still reported), its sides those the riot tells. An attack by other
    forces, or on others, stays; so does one told of another day, or of a town (``apart``: a
    place that sets an event apart) the riot does not name ("forces killed eight protesters in
    Lowtown ... Protesters attacked a base in Hightown": two crowds)."""
    kind = partial(_kind, mentions)
    riots = [
        e
        for e in events
        if e.event_class == "violent-demonstration"
        and e.agents
        and all(kind(a) is ActorType.RIOTERS for a in e.agents)
        and any(kind(t) is ActorType.STATE_FORCES for t in e.targets)
    ]
    kept = []
    for d in events:
        host = next(
            (
                r
                for r in riots
                if d.targets and set(d.targets) <= set(r.agents) and _same_scene(d, r, apart)
            ),
            None,
        )
        if (
            host is None
            or d.event_class not in _SHOOTINGS
            or not d.agents
            or any(kind(a) is not ActorType.STATE_FORCES for a in d.agents)
        ):
            kept.append(d)
            continue
        absorb(host, d)
    return kept


def _same_scene(d: Draft, riot: Draft, apart: Callable[[str], bool]) -> bool:
    """Whether ``d`` may tell the riot's crowd shot: on its day (or none of its own), at no
    town the riot does not name."""
    if d.date is not None and riot.date is not None and d.date != riot.date:
        return False
    return {k for k in d.places if apart(k)} <= {k for k in riot.places if apart(k)}


def named_by_crowd(doc: Doc, found: list[Found], crowd_nouns: frozenset[str]) -> bool:
    """Whether every mention of an actor is the "of" phrase of a crowd's noun ("supporters of
    former prime minister X", "followers of the cleric"): the one they are named after."""
    if not found:
        return False
    tree = parse_tree.tree(doc)
    for f in found:
        i = f.end - 1
        for _ in range(6):  # up from the name through its title to the preposition
            if tree.dep[i] == "pobj" and tree.lower[tree.head[i]] == "of":
                break
            if tree.head[i] == i or not f.start - 6 <= tree.head[i] < f.end + 1:
                return False
            i = tree.head[i]
        else:
            return False
        prep = tree.head[i]
        if tree.lemma[tree.head[prep]] not in crowd_nouns:
            return False
    return True


def _kind(mentions: Mentions, key: str) -> ActorType | None:
    """An actor's type as it is now (after the roles: rioters, protesters)."""
    found = mentions.at_key(key)
    implied = mentions.implied.get(key)
    return found.actor_type if found is not None else implied[1] if implied else None


def forces_hit(d: Draft, types: dict[str, ActorType]) -> bool:
    """Whether the state's forces are what the event befell, none of them its doer ("four
    security personnel were killed when a vehicle rammed into them"): no force used against
    protesters, whatever words of protest and shooting the window tells."""
    return (
        bool(d.targets)
        and all(types.get(t) is ActorType.STATE_FORCES for t in d.targets)
        and not any(types.get(a) is ActorType.STATE_FORCES for a in d.agents)
    )
