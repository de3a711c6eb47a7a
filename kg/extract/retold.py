"""A definite mention of a happening told before, as an argument inside another clause, is
not a new one: "JNIM claimed responsibility for the attack", "It did not say who was behind
the attack", "a teacher who survived the strike told Reuters" name the lead's event again
(its doer, its survivors), as "the attack" after "Gunmen attacked a village" does. The event
the noun made folds into the story's last event of armed violence told before it, which
keeps its own actors (a claim of responsibility names who claimed, not always who did it).

So does an act of the lead's own kind its doers tell again, with no place and no toll of
its own ("The military said its jets struck a compound in the area").

So does a witness's quoted account of the attack told before it (kg.extract.quoted): '"They
struck the miners while they were working," a resident said'; and the weapons an armed
group says it seized in the fight told before (kg.extract.spoils).

So does the account of those the lead's attack hit ("The army said it had repelled the
attack"), and a definite noun naming the lead by what it hit ("the assault on the camp in
Hightown" after "attacked a military camp"), whose town is the lead's where it names none
(kg.extract.lead_again).

So does a detail of the lead's attack its doers tell again by a definite common noun, the
men's kind not their name ("Al Shabaab militants attacked a base ... The fighters detonated a
car bomb at the gate of the base before storming it"), with the acts joined to it in its
clause, where it names no place of its own and no one the lead's attack hit acts.

Not an event noun of its own arguments ("the attack on the base in Hightown", "the two
attacks"), nor one told on another day or in a sentence that opens another happening
("Separately, the group claimed the attack on ...") — nor the subject of its clause ("The
attack destroyed the wards"): kg.extract.continued tells those on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.bodies_again import body_again, done_to_body
from kg.extract.clauses import fought_for_ground
from kg.extract.continued import opens_another, told_besides, town_within
from kg.extract.drafts import TAKINGS, Draft, dedup, take_account
from kg.extract.lead_again import (
    acts_by_sentence,
    defenders_account,
    scene_named,
    target_told,
)
from kg.extract.pointed_back import (
    RETOLD_FAMILIES,
    FightWords,
    claimed_account,
    means_again,
    names_again,
    part_of_battle,
)
from kg.extract.quoted import quoted_account
from kg.extract.spoils import spoils_told
from kg.extract.twins import family

__all__ = ["fold_retold"]

_POLICED = "protest-with-intervention"  # a protest the forces broke up, told with both sides


def fold_retold(
    events: list[Draft],
    pointing: frozenset[str],
    words: FightWords,
    apart: Callable[[str], bool],
    local: Callable[[str], bool] = lambda key: False,
    nonstate: Callable[[str], bool] = lambda key: False,
    unnamed: Callable[[str], bool] = lambda key: False,
) -> list[Draft]:
    """``events`` (in text order) without the events of definite nouns that name an earlier
    sentence's event of armed violence again (``pointing``: the determiners that point back),
    of its means named again, and of acts told as part of a battle told before
    (``part_of_battle``); each folded into that event (its figures, sources and date where it
    lacks them). ``apart``: whether a place sets an event apart (a town, not a country);
    ``local``: whether it is a town or a district (a detail's town where the host names only
    wider places is the host's: it takes it); ``nonstate``: whether an actor is an armed
    group of no state (the weapons it says it seized are its fight's spoils); ``unnamed``:
    whether an actor is an unnamed one (a detail's named doer replaces it)."""
    folding = _Folding(pointing, words, apart, local, nonstate, unnamed)
    dropped: set[int] = set()
    host: Draft | None = None
    acts = acts_by_sentence(events)
    bodies: set[int] = set()  # the tokens of bodies told again (kg.extract.bodies_again)
    policed: Draft | None = None  # the last protest the state's forces broke up
    witnesses = (words.witness_nouns, words.reporting_verbs)
    pointers = pointing | words.body_pointers
    for e in events:
        if policed and _after(e, policed) and quoted_account(e, policed, *witnesses):
            take_account(policed, e)
            dropped.add(id(e))
            continue
        if host is not None and (
            done_to_body(e, bodies)
            or (_after(e, host) and body_again(e, host, words.body_nouns, pointers, apart))
        ):
            bodies.add(e.trigger.root.i)
            take_account(host, e)
            dropped.add(id(e))
            continue
        if host is not None and folding.into(host, e, events, acts, dropped):
            dropped.add(id(e))
            continue
        if family(e.event_class) in RETOLD_FAMILIES and not e.background:
            host = e
        if e.event_class == _POLICED and e.agents and e.targets:
            policed = e  # told with both sides; '"Police beat students," a lawyer said'
    return [e for e in events if id(e) not in dropped]


@dataclass(frozen=True)
class _Folding:
    """The word lists and place tests :func:`fold_retold` reads (see there)."""

    pointing: frozenset[str]
    words: FightWords
    apart: Callable[[str], bool]
    local: Callable[[str], bool]
    nonstate: Callable[[str], bool]
    unnamed: Callable[[str], bool]

    def into(
        self, host: Draft, e: Draft, events: list[Draft], acts: Counter[int], dropped: set[int]
    ) -> bool:
        """Whether ``e`` tells ``host`` again (then ``host`` takes what it adds); only its target
        told again ("the attack on the base") folds one not told after it on its day."""
        pointing, words, apart, local = self.pointing, self.words, self.apart, self.local
        if target_told(e, host, pointing, acts):
            if not all(map(self.unnamed, e.agents)) and all(map(self.unnamed, host.agents)):
                host.agents = list(e.agents)  # "the attack was carried out by X" gave it
            take_account(host, e)
            host.places = dedup([*(p for p in e.places if apart(p)), *host.places])
            return True
        if not _after(e, host):
            return False
        if _doers_again(e, host, pointing, apart, local):
            take_account(host, e)
            host.places = dedup([*_town_within(e, host, local), *host.places])
            return True
        if _scene_again(e, host, pointing, apart, local):
            take_account(host, e)
            host.places = dedup([*_scene_within(e, host, apart, local), *host.places])
            return True
        told_again = (
            names_again(e, host, pointing)
            or defenders_account(e, host, pointing, words.fight_nouns, apart)
            or means_again(e, host, pointing)
            or part_of_battle(e, host, pointing, words, apart)
            or _joined_to_folded(e, events, dropped)
            or claimed_account(e, host, pointing, words, apart)
            or _act_again(e, host, apart)
            or _fought_for_taken(e, host, words, apart)
            or quoted_account(e, host, words.witness_nouns, words.reporting_verbs)
            or spoils_told(e, host, words.reporting_verbs, self.nonstate, apart)
        )
        if told_again:
            take_account(host, e)
        return told_again


def _after(e: Draft, host: Draft) -> bool:
    """Whether ``e`` is told in a later sentence than ``host``, on its day (or none of its
    own), in a sentence that opens no other happening."""
    if e.sentence.start <= host.sentence.start or opens_another(e):
        return False
    return e.time_inherited or e.date is None or e.date == host.date


# the families of acts a detail of an attack tells: the bomb, the storming, the fighting
_DETAIL_FAMILIES = frozenset({"battles", "explosions-remote-violence"})
# an attack on civilians, whose doers' shooting told again is a detail of it too
_VICTIMS = frozenset({"violence-against-civilians"})


def _doers_again(
    e: Draft,
    host: Draft,
    pointing: frozenset[str],
    apart: Callable[[str], bool],
    local: Callable[[str], bool],
) -> bool:
    """ "Al Shabaab militants attacked a base ... The fighters detonated a car bomb at the
    gate of the base": an act of fighting or a blast (or, after an attack on civilians, an
    attack: "Gunmen opened fire at a party ... The attackers began shooting at the guests")
    whose subject is a definite plural common noun ("the fighters", "the attackers"), none of
    those the host hit, with no place of its own the host does not name but a town where the
    host names only wider places (``_town_within``): the host's doers telling how they did
    it."""
    host_family = family(host.event_class)
    if host_family not in _DETAIL_FAMILIES | _VICTIMS:
        return False
    kinds = _DETAIL_FAMILIES | (_VICTIMS & {host_family})
    if family(e.event_class) not in kinds or e.background:
        return False
    if not e.agents or set(e.agents) & set(host.targets):
        return False
    within = _town_within(e, host, local)
    if any(apart(p) and p not in host.places and p not in within for p in e.places):
        return False
    return any(
        s.dep_ == "nsubj"
        and s.pos_ == "NOUN"
        and s.tag_ == "NNS"
        and any(c.dep_ == "det" and c.lower_ in pointing for c in s.children)
        for v in _sharing_subject(e.trigger.root)
        for s in v.children
    )


def _scene_again(
    e: Draft,
    host: Draft,
    pointing: frozenset[str],
    apart: Callable[[str], bool],
    local: Callable[[str], bool],
) -> bool:
    """ "The Front claimed responsibility for the assault on the camp in Hightown" after
    "Militants attacked a military camp in central Lowland": the lead named again by what it hit
    (``scene_named``), at no place apart but the host's or a town where the host names none."""
    return scene_named(e, host, pointing) and not any(
        apart(p) and p not in host.places and p not in _scene_within(e, host, apart, local)
        for p in e.places
    )


def _scene_within(
    e: Draft, host: Draft, apart: Callable[[str], bool], local: Callable[[str], bool]
) -> list[str]:
    """The places apart ``e`` names, the lead's scene, where ``host`` names no town: "the camp
    in Hightown" (a village the gazetteer may not know) after "a camp in central Lowland"."""
    return [] if any(local(p) for p in host.places) else [p for p in e.places if apart(p)]


def _sharing_subject(verb: Token) -> list[Token]:
    """``verb`` and the verbs whose subject it shares: "The attackers arrived ... and began
    shooting" ("shooting" under "began", a conjunct of "arrived")."""
    out = [verb]
    while verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break
        verb = verb.head
        out.append(verb)
    return out


def _town_within(e: Draft, host: Draft, local: Callable[[str], bool]) -> list[str]:
    """The towns of ``e``, a detail with no figures of its own, where ``host`` names none:
    "... in the state of Lowland. The attackers arrived in the town of Hightown" tells the
    lead's town; not one told besides it ("The troops also shelled the towns of ...")."""
    return [] if told_besides(e.sentence) else town_within(e, host, local)


def _act_again(e: Draft, host: Draft, apart: Callable[[str], bool]) -> bool:
    """ "An Israeli air strike on a house in Lowtown killed three ... The Israeli military said
    its jets struck a militant compound in the area": an act of the host's own kind by its own
    doers, later that day, with no figures and no place apart of its own the host does not
    name (none, or the host's, "in the area"), and told as no other act ("also struck"), is
    the host told again, by its doers' account."""
    if e.event_class != host.event_class or e.background or e.counts:
        return False
    if not e.agents or set(e.agents) != set(host.agents) or told_besides(e.sentence):
        return False
    if _another_day_told(e, host):
        return False  # "A U.S. strike on Jan. 1 hit ... And, a Jan. 3 U.S. strike hit ..."
    return not any(apart(p) and p not in host.places for p in e.places)


# the events that take ground, whose fight a later clause may tell again


def _fought_for_taken(
    e: Draft, host: Draft, words: FightWords, apart: Callable[[str], bool]
) -> bool:
    """ "Opposition forces liberated the town of Dabiq ... I congratulate the Syrians who
    fought to free Dabiq": a fight told later by its aim, the ground the host took, at none
    but the host's places, is the host's battle told again, not another one."""
    if e.event_class != "armed-clash" or host.event_class not in TAKINGS or e.background:
        return False
    if not fought_for_ground(e.trigger.root, words.taken_verbs):
        return False
    if not e.places or e.places[0] not in host.places:
        return False  # its own town, or none: "fought to free the town" tells no ground here
    return all(p in host.places for p in e.places if apart(p))


def _another_day_told(e: Draft, host: Draft) -> bool:
    """Whether both tell a day of their own in other words ("Jan. 1", "Jan. 3"): with no year
    to resolve them (no publication date), their dates are both unknown, not the same."""
    if e.time_inherited or e.time is None or host.time is None or e.date is not None:
        return False
    return e.time.text.lower() != host.time.text.lower()


def _joined_to_folded(e: Draft, events: list[Draft], dropped: set[int]) -> bool:
    """ "The fighters detonated a car bomb before storming it": an act in a clause of a
    folded event's verb ("storming" under "detonated"), in its sentence, is the same story."""
    root = e.trigger.root
    return any(
        id(f) in dropped
        and f.sentence.start == e.sentence.start
        and any(a.i == f.trigger.root.i for a in root.ancestors)
        and root.dep_ in ("pcomp", "advcl", "conj", "xcomp")
        for f in events
    )
