"""Events after classification: drafts that tell one event fold into it (damage, support
fire, weapons and killings into the fighting or strike they belong to, a clause into the event
noun it describes, an attack into the fight that repels it, an event pointed back to into the
one told before, duplicates into one). Drafts beside one another are re-ranked in
:mod:`kg.extract.reranking`."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.answered import answered
from kg.extract.confidence import GROUND_FIGHTING
from kg.extract.drafts import (
    Draft,
    absorb,
    dedup,
    is_support,
    phrase_head,
    same_day,
    take_account,
)
from kg.extract.protest_fold import PROTEST_FAMILY
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES

__all__ = [
    "VIOLENT_OR_GROUND",
    "WEAPON_CLASSES",
    "clash_participants",
    "dedupe",
    "fold_damage",
    "fold_described",
    "fold_instruments",
    "fold_killings",
    "fold_repelled",
    "fold_support",
    "merge_into",
    "settled",
]

_HOSTS_OF_DAMAGE = frozenset(
    {"violence", "kill", "air-drone-strike", "shelling-artillery-missile-attack",
     "remote-explosive-landmine-ied", "suicide-bomb", "grenade"}
)  # fmt: skip
_FIGHTING = frozenset({"armed-clash", "attack", "strike", "bombard", "territory", "territory-loss"})
_ASSAULTS = frozenset({"armed-clash", "attack"})  # what a side repels
VIOLENT_OR_GROUND = frozenset(
    s for parent in ("battles", "explosions-remote-violence", "violence-against-civilians")
    for s in ACLED_EVENT_TYPES[parent]
)  # fmt: skip  # the "kill" triggers (kg/data/triggers.tsv)
_SUPPORT = frozenset({"bombard", "air-drone-strike", "shelling-artillery-missile-attack"})
# weapons named by a trigger noun, and acts that cannot wield one ("killed with a grenade": the
# killing folds into the grenade's event, not the reverse)
WEAPON_CLASSES = frozenset(
    {"shelling-artillery-missile-attack", "air-drone-strike", "grenade", "bombard",
     "remote-explosive-landmine-ied", "suicide-bomb", "chemical-weapon"}
)  # fmt: skip
# the trigger classes of harm done to people, and the event types that hold none
_HARM = frozenset({"kill", "death", "attack", "violence", "armed-clash"})
_NO_HARM = frozenset(ACLED_EVENT_TYPES["strategic-developments"]) | {"statement"}
_NOT_INSTRUMENT_HOSTS = frozenset({"kill", "death", "statement", "conflict"})
_INSIDE_PHRASE = frozenset({"compound", "amod", "npadvmod", "nmod", "conj"})
_OBJECTS = frozenset({"dobj", "pobj"})
_RELATIVES = frozenset({"that", "which", "who", "whom"})


def fold_damage(drafts: list[Draft]) -> list[Draft]:
    """ "Airstrikes destroyed a tank", "attacked the village and burned houses": damage done in
    a sentence's fighting is that fighting's, not a looting event of its own."""
    # not a participle describing what the damage was done to: "destroyed tanks captured near
    # the town" tells the tanks' past, and the destruction is the event
    damaged = {t.i for d in drafts if d.event_class == "looting-property-destruction"
               for o in d.trigger[0].children if o.dep_ in ("dobj", "nsubjpass")
               for t in o.subtree}  # fmt: skip
    fighting = [
        d for d in drafts
        if d.event_class in _FIGHTING | _HOSTS_OF_DAMAGE
        and not (d.trigger[0].dep_ == "acl" and d.trigger[0].head.i in damaged)
    ]  # fmt: skip
    if not fighting:
        return drafts
    kept = []
    for d in drafts:
        if d.event_class != "looting-property-destruction":
            kept.append(d)
            continue
        absorb(min(fighting, key=lambda h: abs(h.trigger.start - d.trigger.start)), d)
    return kept


def fold_support(drafts: list[Draft]) -> list[Draft]:
    """ "Clashes amid shelling", "forces backed by airstrikes captured the town": fire in
    support of a sentence's fighting or advance is part of it, not an event of its own; with
    no fighting told, support by fire means there was some. A fall with no taker is no loss
    of ground ("rockets fell on the village": the rockets are the event)."""
    hosts = [
        d for d in drafts
        if d.event_class in GROUND_FIGHTING and not d.background
        and (d.agents or d.event_class != "territory-loss")
    ]  # fmt: skip
    if not hosts:
        for d in drafts:
            if d.event_class in _SUPPORT and is_support(d.trigger[0]):
                # "troops backed by airstrikes killed 7": the fighting the fire supported
                d.event_class, d.background = "armed-clash", False
        return drafts
    killing = {d.trigger.root.i for d in drafts if d.event_class in ("kill", "death")}
    kept = []
    for d in drafts:
        if d.event_class not in _SUPPORT or _killer(d, killing):
            kept.append(d)  # "air strike kills 20, rebels seize town": a toll of its own
            continue
        absorb(min(hosts, key=lambda h: abs(h.trigger.start - d.trigger.start)), d)
    return kept


def _killer(d: Draft, killing: set[int]) -> bool:
    """Whether ``d``'s trigger is the subject of a killing's verb ("an air strike kills 20"),
    or the noun a killing's relative clause tells ("airstrikes that killed 12 civilians")."""
    root = d.trigger.root
    if any(c.dep_ == "relcl" and c.i in killing for c in root.children):
        return True
    return root.dep_ == "nsubj" and root.head.i in killing


def fold_instruments(drafts: list[Draft]) -> list[Draft]:
    """ "Militants fired rockets at a post", "attacked the village with grenades", "came under
    machine gun and rocket fire": a weapon is the act's instrument, and weapons named together
    are one act, not an event each (the act keeps the sentence's weapon words, which decide its
    sub-event type)."""
    by_token = {d.trigger[0].i: d for d in drafts if d.event_class not in _NOT_INSTRUMENT_HOSTS}
    together: dict[int, Draft] = {}  # the first weapon named as an object of each word
    last: Draft | None = None  # the last weapon named
    kept = []
    for d in drafts:
        host = None
        if d.event_class in WEAPON_CLASSES and d.trigger.root.pos_ in ("NOUN", "PROPN"):
            # "rocket" in "rocket propelled grenades", "mortars" in "rockets and mortars"
            anchor = phrase_head(d.trigger.root, _INSIDE_PHRASE, 4)
            host = _wielder(anchor, by_token)
            if (
                host is not None
                and anchor.dep_ == "nsubj"
                and host.event_class not in WEAPON_CLASSES
            ):
                host = None  # "Shelling destroyed houses": the shelling, and the damage it did
            if host is None and last is not None and d.trigger.start - last.trigger.end <= 2:
                host = last  # "rocket propelled grenade fire", however the parse reads it
            if host is None:
                key = anchor.head.i if anchor.dep_ in _OBJECTS else anchor.i
                host = together.setdefault(key, d)
            last = d if host is d else last
        if host is None or host is d:
            kept.append(d)
            continue
        merge_into(host, d)
    return kept


def merge_into(host: Draft, d: Draft) -> None:
    """``d`` told as part of ``host``: its actors, places and figures are the host's too."""
    host.agents = dedup([*host.agents, *d.agents])
    host.targets = dedup([t for t in [*host.targets, *d.targets] if t not in host.agents])
    host.places = dedup([*host.places, *d.places])
    absorb(host, d)


def _wielder(anchor: Token, by_token: dict[int, Draft]) -> Draft | None:
    """The draft whose trigger fires or attacks with the phrase ``anchor`` heads: as its direct
    object ("fired rockets"), the object of its "with"/"using" ("attacked with grenades",
    "attacked the post with grenades") or its subject ("Coalition airstrikes hit a market":
    the strikes are what hit, one event), the weapon loaded in it ("with a truck packed
    with explosives") too."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ in ("with", "using"):
        head = head.head
        if head.dep_ == "acl" and head.tag_ == "VBN" and head.i not in by_token:
            # "attacked the base with a truck packed with explosives": the loaded vehicle
            # is what it attacked with
            return _wielder(head.head, by_token)
        if head.i not in by_token and head.dep_ in ("dobj", "pobj"):
            head = head.head  # "with" read as the object's
    elif anchor.dep_ not in ("dobj", "nsubj"):
        return None
    return by_token.get(head.i)


def fold_described(drafts: list[Draft]) -> list[Draft]:
    """ "bombings that targeted a market", "an attack carried out by gunmen": a clause that
    describes an event noun tells that event, not one of its own (the noun's type stays)."""
    by_token = {d.trigger.root.i: d for d in drafts if d.event_class not in _NOT_INSTRUMENT_HOSTS}
    kept = []
    for d in drafts:
        head = d.trigger[0]
        host = by_token.get(head.head.i) if head.dep_ in ("relcl", "acl") else None
        if host is None or host is d or d.event_class in _NOT_INSTRUMENT_HOSTS or _said_of(head):
            kept.append(d)
            continue
        merge_into(host, d)
    return kept


def fold_repelled(drafts: list[Draft]) -> list[Draft]:
    """ "The army repulsed their attack", "fought off several counterattacks": an attack that a
    verb of fighting takes as its object is that fight told from the defender's side, one
    event; the attack's attackers are the fight's other side."""
    by_root = {
        d.trigger.root.i: d for d in drafts
        if d.event_class == "armed-clash" and d.trigger.root.pos_ == "VERB"
    }  # fmt: skip
    kept = []
    for d in drafts:
        root = d.trigger.root
        host = by_root.get(root.head.i) if root.dep_ == "dobj" and root.pos_ == "NOUN" else None
        if host is None or host is d or d.event_class not in _ASSAULTS:
            kept.append(d)
            continue
        host.targets = dedup([*host.targets, *(a for a in d.agents if a not in host.agents)])
        host.places = dedup([*host.places, *d.places])
        absorb(host, d)
    return kept


def _said_of(verb: Token) -> bool:
    """Whether the clause has a subject of its own, not a relative pronoun: "Arrests: police
    arrested 163" tells its own event ("bombings that targeted" does not)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVES for c in verb.children
    )


def fold_killings(drafts: list[Draft], answer_nouns: frozenset[str] = frozenset()) -> list[Draft]:
    """ "shelled X, killing 2": the killing is the shelling's, not an event of its own. A
    killing an answer noun governs ("attacked X in revenge for the killing of their leader")
    is the cause told before: neither an event nor the act's toll (``answer_nouns``)."""
    drafts = _fold_joined_harm(drafts)
    # "forces killed 4 militants and arrested 7": the killing is no arrest's
    hosts = [
        d for d in drafts
        if d.event_class not in ("kill", "death", "statement", "conflict", "arrests")
    ]  # fmt: skip
    if not hosts:
        return drafts
    kept = []
    for d in drafts:
        if d.event_class not in ("kill", "death"):
            kept.append(d)
            continue
        if answered(d.trigger.root, answer_nouns):
            continue
        near = [h for h in hosts if not _protest_across(d, h)]
        host = (
            _subject_host(d, hosts)
            or _ancestor_host(d, hosts)
            or min(near, key=lambda h: abs(h.trigger.start - d.trigger.start), default=None)
        )
        if host is None:  # "police break up rally; rebels kill three soldiers": its own act
            kept.append(d)
            continue
        absorb(host, d)
        # "gunmen shot and killed a fighter": the victim stays one, even named as the gunmen are;
        # not the host's side's own dead ("clashed with militants, killing six militants and
        # an officer": the officer is no target of his own side)
        host.targets = dedup([*host.targets, *d.targets])
        if not host.agents:  # "Russian airstrikes killed 20": the killers are the strikes'
            host.agents = [a for a in d.agents if a not in host.targets]
    return kept


def _fold_joined_harm(drafts: list[Draft]) -> list[Draft]:
    """ "forces killed 3 militants and injured 6": harm joined to a killing, with no subject
    of its own, is the killing's (its wounded), not an attack of its own."""
    by_root = {d.trigger.root.i: d for d in drafts if d.event_class == "kill"}
    kept = []
    for d in drafts:
        root = d.trigger.root
        host = by_root.get(root.head.i) if root.dep_ == "conj" else None
        if d.event_class == "death" and host is not None and not _said_of(root):
            absorb(host, d)
            continue
        kept.append(d)
    return kept


def settled(drafts: list[Draft], finish: Callable[[Draft], Draft | None]) -> list[Draft]:
    """Each draft ``finish``ed (classified); what was folded into one stands on its own where
    classification drops that one ("a scare that has driven staff out": no fighting) or makes
    it an event that holds no harm ("raided a house, killing one and arresting 3"), but a
    killing goes to the nearest violence its sentence still tells."""
    events: list[Draft] = []
    orphans: list[Draft] = []
    for d in drafts:
        event = finish(d)
        if event is not None:
            events.append(event)
        for guest, taken in d.folded:
            if event is not None:
                if guest.event_class not in _HARM or event.event_class not in _NO_HARM:
                    continue
                for name in taken:
                    event.counts.pop(name, None)  # its figures are the guest's again
            orphans.append(guest)
    for guest in orphans:
        hosts = [e for e in events if e.sentence.start == guest.sentence.start
                 and e.event_class not in _NO_HARM]  # fmt: skip
        if guest.event_class in ("kill", "death") and hosts:
            host = min(hosts, key=lambda h: abs(h.trigger.start - guest.trigger.start))
            absorb(host, guest)
            host.targets = dedup([*host.targets, *guest.targets])
        elif guest.agents or guest.event_class not in ("kill", "death"):
            # a death no one caused stands with no event ("an earthquake killed eight")
            events += settled([guest], finish)
    return events


def clash_participants(drafts: list[Draft]) -> None:
    """ "The clashes ... when the rebels unleashed an offensive against government troops":
    a clash that names no side is fought by the sides of the sentence's other fighting."""
    for d in drafts:
        if d.event_class != "armed-clash" or d.agents or d.targets:
            continue
        others = [
            o for o in drafts
            if o is not d and o.event_class in _FIGHTING and (o.agents or o.targets)
            and not _does(d, o)
        ]  # fmt: skip
        if others:
            nearest = min(others, key=lambda o: abs(o.trigger.start - d.trigger.start))
            d.agents = dedup([*nearest.agents, *nearest.targets])


def _does(d: Draft, o: Draft) -> bool:
    """Whether ``d`` is the subject of ``o``'s trigger ("the fighting has driven thousands of
    families out"): those ``o`` acts on are what ``d`` did to them, not its sides."""
    root = d.trigger.root
    return root.dep_ in ("nsubj", "csubj") and o.trigger.start <= root.head.i < o.trigger.end


def _subject_host(d: Draft, hosts: list[Draft]) -> Draft | None:
    """The host that is the killing verb's subject: "an air strike kills 20"."""
    root = d.trigger.root
    return next(
        (h for h in hosts if h.trigger.root.dep_ == "nsubj" and h.trigger.root.head.i == root.i),
        None,
    )


def _protest_across(d: Draft, host: Draft) -> bool:
    """Whether ``host`` is a protest told in another clause than the killing, across a
    semicolon, and the killing names its own doers ("Police break up rally; rebels kill three
    soldiers": the rebels' act, not the rally's)."""
    if host.event_class not in PROTEST_FAMILY or not d.agents:
        return False
    first, last = sorted((host.trigger.start, d.trigger.start))
    return any(t.text == ";" for t in d.sentence.doc[first:last])


def _ancestor_host(d: Draft, hosts: list[Draft]) -> Draft | None:
    by_token = {h.trigger[0].i: h for h in hosts}
    token = d.trigger[0]
    for _ in range(6):
        if token.head == token:
            return None
        token = token.head
        if token.i in by_token:
            return by_token[token.i]
    return None


def _one_day(a: Draft, b: Draft) -> bool:
    """Whether two drafts may tell one day: the same date, or one's only inherited (from
    another sentence), unless each tells its own day and those differ."""
    return (a.date == b.date or a.time_inherited or b.time_inherited) and same_day(a, b)


def dedupe(drafts: list[Draft], answer_nouns: frozenset[str] = frozenset()) -> list[Draft]:
    """The same event told twice in one article (same type, agents and places) is one event;
    not an act told as what another answers ("the strikes were in response to a drone
    attack": ``answer_nouns``, :mod:`kg.extract.answered`) and that answer."""
    kept: list[Draft] = []
    alike: dict[tuple[object, ...], list[Draft]] = {}  # merging never changes these keys
    for d in drafts:
        cause = answered(d.trigger.root, answer_nouns)
        key = (d.event_class, frozenset(d.agents), frozenset(d.places), cause)
        twin = next(
            (k for k in alike.get(key, ())
             if d.places and _one_day(k, d)),
            None,
        )  # fmt: skip
        if twin is None:
            kept.append(d)
            alike.setdefault(key, []).append(d)
            continue
        twin.targets = dedup([*twin.targets, *d.targets])
        twin.both_sides |= d.both_sides
        take_account(twin, d)
    return kept
