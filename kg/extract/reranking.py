"""Events beside one another, re-ranked after classification (the first an article tells
with the highest confidence is its event): an attack met by state forces is a clash, an
attack takes the weapon its next sentence tells, ground taken outranks the fighting that took
it, an article's protests are one protest, deaths told after the violence are its toll, and
arrests and arms seized beside violence are its aftermath.
The rules run in order in :mod:`kg.extract.events`."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extract import columns
from kg.extract.drafts import ARMED, TAKINGS, Draft, dedup, take_account
from kg.extract.happenings import Happenings
from kg.extract.headline_fold import headline_end
from kg.model import ActorType
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES

# violence and protests, beside which arrests are the aftermath
_MAIN = frozenset(
    s for parent, subs in ACLED_EVENT_TYPES.items() if parent != "strategic-developments"
    for s in subs
)  # fmt: skip
_LABEL = re.compile(r"\s*arrests\s*:", re.IGNORECASE)  # kg/data/prefixes.tsv
_SEIZING = frozenset({"seize", "confiscate", "capture", "find", "discover", "recover", "uncover"})
# people a verb of capture takes (the counts' people nouns would need the lexicon here)
_PEOPLE = frozenset(
    {"fighter", "soldier", "militant", "rebel", "member", "officer", "man", "people", "person",
     "civilian", "policeman", "troop", "insurgent", "commander", "leader", "prisoner", "hostage"}
)  # fmt: skip
_PEACEFUL_OR_STOPPED = frozenset({"peaceful-protest", "protest-with-intervention"})
_VIOLENT = _MAIN - _PEACEFUL_OR_STOPPED  # what people die of (not a peaceful protest)
_DYING = frozenset({"kill", "die", "murder"})
_FIGHTING = frozenset({"attack", "armed-clash"})
_FOR_A_WHILE = frozenset({"briefly", "temporarily", "momentarily"})
# the types an attack's weapon gives it (ACLED codes an attack by its weapon)
_WEAPONS = ACLED_EVENT_TYPES["explosions-remote-violence"]


def attacks_met(
    events: list[Draft], types: dict[str, ActorType], happenings: Happenings
) -> list[Draft]:
    """ "Gunmen attacked the village, leading to a battle with police who responded": an attack
    by non-state armed men that state forces then fight opens that fighting (ACLED codes one
    battle); not a fight of another happening ("The army killed 30 bandits on Monday")."""
    for i, d in enumerate(events):
        agents = {types.get(a) for a in d.agents}
        if d.event_class != "attack" or not agents & ARMED or ActorType.STATE_FORCES in agents:
            continue
        if any(
            o.event_class == "armed-clash" and not o.background
            and any(types.get(k) == ActorType.STATE_FORCES for k in o.agents + o.targets)
            and happenings.continues(d.sentence.doc, d.sentence.start, o.sentence.start)
            and not _elsewhere_between(d, o, events)
            for o in events[i + 1 :]
        ):  # fmt: skip
            d.event_class = "armed-clash"
    return events


def weapons_told_after(events: list[Draft], happenings: Happenings) -> list[Draft]:
    """ "Two civilians were killed in an attack on Tuesday. A grenade attack killed one of
    them": an attack told by the bare word, whose next sentence goes on to tell its weapon
    (an event of a weapon's type), is of that weapon's type (ACLED codes the weapon); not
    another happening's weapon ("Separately, a grenade ..."), nor a clash's."""
    for i, d in enumerate(events):
        if d.event_class != "attack" or d.trigger.root.lemma_.lower() != "attack":
            continue
        weapon = next(
            (
                o for o in events[i + 1 :]
                if o.event_class in _WEAPONS and o.sentence.start == d.sentence.end
                and happenings.continues(d.sentence.doc, d.sentence.start, o.sentence.start)
            ),
            None,
        )  # fmt: skip
        if weapon is not None:
            d.event_class = weapon.event_class
    return events


def _elsewhere_between(first: Draft, later: Draft, events: list[Draft]) -> bool:
    """ "Gangs killed 40 villagers in Lowtown. In Upton, gangs attacked a police station.
    Police fought back": fighting at another place than the first attack's, or told after
    violence at another place, met that violence, not the first attack."""
    return any(
        m.event_class in _FIGHTING and not m.background
        and first.sentence.start < m.sentence.start <= later.sentence.start
        and m.places and first.places
        and not set(m.places) & set(first.places)
        for m in events
    )  # fmt: skip


def captures_over_fighting(events: list[Draft]) -> list[Draft]:
    """ "Rebels gained control of the village following clashes with the army": ground taken
    in the fighting a sentence tells is what the fighting came to (ACLED codes the capture), so
    the capture ranks above the clash; not ground held "briefly" (a raid), nor fighters
    "captured" (people, not ground)."""
    for e in events:
        if e.event_class not in TAKINGS or e.background or e.aim or _people_taken(e):
            continue
        if any(t.lower_ in _FOR_A_WHILE for t in e.sentence):
            continue
        clashes = [
            o.confidence for o in events
            if o.event_class == "armed-clash" and o.sentence.start == e.sentence.start
        ]  # fmt: skip
        if clashes:
            e.confidence = round(min(max(e.confidence, max(clashes) + 0.05), 0.95), 2)
    return events


def _people_taken(e: Draft) -> bool:
    """ "five fighters captured", "captured two soldiers": people taken, not ground."""
    head = e.trigger[0]
    taken = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if head.dep_ == "acl":
        taken.append(head.head)
    return any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in _PEOPLE for t in taken)


def one_protest(events: list[Draft], town_apart: Callable[[str], bool]) -> list[Draft]:
    """ "Protesters marched to the governor's office. Police dispersed them with tear gas.":
    the protests an article tells are one protest (ACLED codes one event), and where the
    article tells an intervention in it, its peaceful parts are that protest with intervention.
    Each keeps its place and time. Not a protest told on another day of its own or at another
    town (``town_apart``: "On Thursday, thousands marched peacefully in Hightown"): a protest
    of its own. A country, a province or a site names no other protest ("held protests in
    Lowtown ... led by MPs from Upland province")."""
    protests = [e for e in events if e.event_class in _PEACEFUL_OR_STOPPED]
    stopped = [e for e in protests if e.event_class == "protest-with-intervention"]
    for e in protests:
        if any(not protests_apart(e, s, town_apart) for s in stopped):
            e.event_class = "protest-with-intervention"
    return events


def protests_apart(e: Draft, other: Draft, town_apart: Callable[[str], bool]) -> bool:
    """Whether ``e`` is told on a day of its own other than ``other``'s, or at a town other
    than its (the most specific place of each, a town, not among the other's)."""
    days = e.date is not None and other.date is not None and not e.time_inherited
    if days and e.date != other.date:
        return True
    return bool(
        e.places and other.places
        and e.places[0] not in other.places and other.places[0] not in e.places
        and town_apart(e.places[0]) and town_apart(other.places[0])
    )  # fmt: skip


def interventions_after(
    events: list[Draft], types: dict[str, ActorType], apart: Callable[[str], bool]
) -> list[Draft]:
    """ "Hundreds protested in Lowtown on Saturday. Police fired tear gas to disperse them.":
    the state's intervention the next sentence tells (or a "where" clause of the protest's
    own sentence: "Hundreds demonstrated in Lowtown, where police fired tear gas"), the same
    day, at no place apart but the protest's and beside no protest of its own ("Police
    dispersed protesters who were blocking the road"), is in that protest: one protest with
    intervention (ACLED codes one event), the state's forces its other side. Force beyond
    dispersal ("beat a demonstrator") stays an event of its own."""
    dropped: set[int] = set()
    took: set[int] = set()  # the protests that took an intervention told after them
    for e in events:
        state = [k for k in e.agents + e.targets if types.get(k) is ActorType.STATE_FORCES]
        where = _where_clause(e)
        if (
            e.event_class != "protest-with-intervention"
            or not state
            or (not where and _own_protest(e, events, types))
        ):
            continue
        protest = next(
            (p for p in events if p.event_class in _PEACEFUL_OR_STOPPED
             and id(p) not in dropped
             and (p.sentence.end == e.sentence.start
                  or (where and p.sentence.start == e.sentence.start
                      and p.trigger.start < e.trigger.start))
             and p.date == e.date and {k for k in e.places if apart(k)} <= set(p.places)
             and (id(p) in took or not any(types.get(k) is ActorType.STATE_FORCES
                                            for k in p.agents + p.targets))),
            None,
        )  # fmt: skip
        if protest is None:
            continue
        protest.event_class = e.event_class
        protest.targets = dedup([*protest.targets, *(k for k in state if k not in protest.agents)])
        for key in state:
            protest.role_mentions.setdefault(key, []).extend(e.role_mentions.get(key, []))
        take_account(protest, e)
        dropped.add(id(e))
        took.add(id(protest))
    return [e for e in events if id(e) not in dropped]


def _where_clause(e: Draft) -> bool:
    """Whether ``e`` is told in a clause of place or time that another part of its sentence
    opens ("Hundreds demonstrated in Lowtown, where police fired tear gas to disperse them"):
    its act happened in what that part tells."""
    head = e.trigger.root
    return head.dep_ == "relcl" and any(c.lower_ in ("where", "when") for c in head.children)


def _own_protest(e: Draft, events: list[Draft], types: dict[str, ActorType]) -> bool:
    """Whether ``e``'s sentence tells a protest of its own, no state's forces among its sides."""
    return any(
        o is not e
        and o.sentence.start == e.sentence.start
        and o.event_class in _PEACEFUL_OR_STOPPED
        and not any(types.get(k) is ActorType.STATE_FORCES for k in o.agents + o.targets)
        for o in events
    )


def deaths_told_after(events: list[Draft], types: dict[str, ActorType]) -> list[Draft]:
    """ "A town was hit by an air raid with poison gas. More than 180 people have died.": a
    sentence that only tells deaths, by no armed actor named, after one that told the violence,
    tells its toll; the violence is the event and its victims those who died, the deaths rank
    below it (their figures stay theirs), or, where the violence gives no figure and the
    deaths no other place or day, fold into it (``_toll_of``). A headline's violence is no
    sentence told before the body's: the lead retells it, with deaths of its own ("Houses
    torched in clashes" over "... gunmen killed three people"; ``fold_headline`` folds the
    two)."""
    told: set[int] = set()
    end = headline_end(events[0].sentence.doc) if events else None
    for e in events:
        killers = [a for a in e.agents if types.get(a) in ARMED]  # "people died": no killer
        if e.trigger.root.lemma_.lower() not in _DYING or killers:
            continue
        here = [o for o in events if o is not e and o.sentence.start == e.sentence.start
                and o.event_class != "statement"]  # fmt: skip
        before = [
            o for o in events
            if o.sentence.start < e.sentence.start and o.event_class in _VIOLENT
            and o.trigger.root.lemma_.lower() not in _DYING
            and (end is None or o.sentence.start_char >= end or e.sentence.start_char < end)
        ]  # fmt: skip
        if here or not before:
            continue
        host = max(before, key=lambda o: (o.confidence, -o.trigger.start))
        if _own_dead(e, host, types):
            continue  # "Police fired tear gas ... Four police officers were killed when ..."
        if _toll_of(e, host):
            host.counts.update(e.counts)
            if host.event_class != "armed-clash":  # a clash's dead are its sides' own
                host.targets = host.targets or list(e.targets)
            told.add(id(e))
            continue
        if e.confidence >= host.confidence:
            e.confidence = round(host.confidence - 0.05, 2)
            host.targets = host.targets or list(e.targets)
    return [e for e in events if id(e) not in told]


def _own_dead(deaths: Draft, host: Draft, types: dict[str, ActorType]) -> bool:
    """Whether the dead are all the state's forces and the host is their own act on others,
    no fight ("Police fired tear gas at the crowd. Four officers were killed when a truck
    rammed into them"): what the forces did killed none of their own; the deaths stay an
    event of their own."""
    state = ActorType.STATE_FORCES
    return (
        host.event_class != "armed-clash"
        and bool(deaths.targets)
        and all(types.get(t) is state for t in deaths.targets)
        and bool(host.agents)
        and all(types.get(a) is state for a in host.agents)
    )


def _toll_of(deaths: Draft, host: Draft) -> bool:
    """Whether the deaths are all the host's toll: the host tells no figure of its own and
    the deaths no other place or day ("Herders clashed in X. Two people were killed.": one
    event of two dead, as ACLED codes it; "Three more died in Y" stays apart)."""
    return (
        "fatalities" not in host.counts
        and set(deaths.places) <= set(host.places)
        and (deaths.date is None or deaths.date == host.date)
    )


def arrests_aside(events: list[Draft]) -> list[Draft]:
    """ "Police shot two gang members and arrested five": arrests told beside violence or a
    protest follow it; the other event is the article's, the arrests less sure (but where a
    label says "Arrests:")."""
    # "arrested 100 during raids": a raid is how arrests are made
    main = [d for d in events if d.event_class in _MAIN and d.trigger.root.lemma_ != "raid"]
    if main and not _LABEL.match(columns.doc_text(events[0].sentence.doc)):
        for d in events:
            if d.event_class == "arrests":
                d.confidence = round(d.confidence - 0.3, 2)
    return events


def seizures_in_fighting(events: list[Draft]) -> list[Draft]:
    """ "A shoot-out broke out ... weapons were seized": arms taken in a fight the article tells
    are its outcome; the fight is the event (ACLED codes the clash)."""
    fights = [e for e in events if e.event_class == "armed-clash" and not e.background]
    if not fights:
        return events
    fight = max(fights, key=lambda e: e.confidence)
    for e in events:
        if e.event_class != "disrupted-weapons-use" or e.trigger[0].lemma_.lower() not in _SEIZING:
            continue
        if not fight.agents and e.agents:
            # "a shoot-out broke out ... police seized a pistol": who seized it fought
            fight.agents = list(e.agents)
            fight.confidence = round(fight.confidence + 0.1, 2)
        fight.confidence = max(fight.confidence, e.confidence)  # as sure as the seizure told
        e.confidence = round(fight.confidence - 0.05, 2)
    return events
