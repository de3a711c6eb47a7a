"""An event noun pointed back to ("This attack once again shows ...", "the attacks occurred
during daylight hours", "The protest was peaceful") is the violent event or the gathering told
before it, not another one (split from :mod:`kg.extract.folding`)."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.drafts import Draft, dedup
from kg.extract.folding import VIOLENT_OR_GROUND
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES

__all__ = ["anaphors"]

# what "the attack" may point back at, and be: mob violence too, where a word of the sentence
# ("revenge for support of a vigilante group") made a mob of it
_POINTED_AT = VIOLENT_OR_GROUND | {"mob-violence"}
# a gathering: "Hundreds of farmers marched ... The protest was peaceful" describes the march
# (its own kind, or a plain peaceful protest, which tells nothing the earlier one does not)
_GATHERINGS = frozenset(ACLED_EVENT_TYPES["protests"]) | {"violent-demonstration"}
_PLAIN_GATHERING = "peaceful-protest"
# the dependents that give an event noun arguments of its own
_ARGUMENT_DEPS = frozenset({"nsubj", "agent", "dobj", "prep", "nummod", "acl", "relcl", "appos"})
# the prepositions that tell only where an act was: "the attack in Lowtown"
_WHERE = frozenset({"in", "at"})


def anaphors(
    events: list[Draft],
    pointing: frozenset[str],
    siding: frozenset[str],
    unnamed: Callable[[str], bool],
    local: Callable[[str], bool] = lambda key: False,
) -> list[Draft]:
    """ "ISIL's suicide attacks in Tel Tamer killed scores. This attack once again shows ...",
    "its liberation gives the campaign new momentum", "the attacks occurred during daylight
    hours": an event noun a determiner points back with, told with no argument, victim or
    figure of its own, is the violent event told before it (in an earlier sentence), not
    another one; claimed with no place either and nothing before it ("X claimed responsibility
    for the attack" alone), it points at no event told. Its claimant ("militants attacked the
    base; X claimed the attack"; not a subject it inherits: "police arrested two men in
    connection with the attack") is the earlier event's agent where that one names none, or
    none but an unnamed group (``unnamed``). Where it tells the earlier event's town
    (``local``: a town or a district) and that one names only wider places ("gunmen opened
    fire on a party in Lowland state. The attack took place in the town of Hightown"), the
    earlier event takes the town. The sides a verb of ``siding`` (the lexicon's
    ``events.siding_verbs``) tells of it ("The clashes pitted X against Y") are the earlier
    event's where that one names none but unnamed groups."""
    kept: list[Draft] = []
    for e in events:
        head = e.trigger.root
        pointed = head.pos_ == "NOUN" and any(
            c.dep_ in ("det", "poss") and c.lower_ in pointing for c in head.children
        )
        before = [
            o for o in kept
            if o.sentence.start < e.sentence.start and _points_at(e.event_class, o.event_class)
        ]  # fmt: skip
        if e.event_class in _GATHERINGS and pointed and before:
            if _own_arguments(e) or e.counts or e.targets:
                kept.append(e)  # "the protest in Hightown", "the protest police dispersed"
            else:  # "The protest was peaceful": the march told before
                _take_town(before[-1], e, local)
        elif not pointed or e.event_class not in _POINTED_AT:
            kept.append(e)
        elif (
            (_own_arguments(e) and not _claimed_where(e, before, local))
            or e.counts
            or e.targets
            or (not before and (e.places or not e.claimed))
        ):
            kept.append(e)  # "in the attack, six were injured": it tells more than the first
        elif before:
            _take_town(before[-1], e, local)
            told_by = e.claimed or _sides_told(e, siding)  # "The clashes pitted X against Y"
            if told_by and e.agents and all(unnamed(k) for k in before[-1].agents):
                before[-1].agents = list(e.agents)
    return kept


def _points_at(pointed: str, earlier: str) -> bool:
    """Whether an event noun of class ``pointed`` may name again an earlier event of class
    ``earlier``: violence any violence, a gathering one of its kind (a plain protest any)."""
    if pointed in _GATHERINGS:
        return earlier in _GATHERINGS and pointed in (earlier, _PLAIN_GATHERING)
    return earlier in _POINTED_AT


def _take_town(earlier: Draft, e: Draft, local: Callable[[str], bool]) -> None:
    """The town (or district) an anaphor tells is its earlier event's, where that one names
    only wider places (a province, a country) or none: put first, the wider ones kept."""
    towns = [k for k in e.places if local(k)]
    if towns and not any(local(k) for k in earlier.places):
        earlier.places = dedup([*towns, *earlier.places])


def _claimed_where(e: Draft, before: list[Draft], local: Callable[[str], bool]) -> bool:
    """ "The attack in Lowtown district was claimed by X": a claimed noun whose arguments only
    tell where it was, the earlier event's town (or one in the wider places it names alone),
    is that event claimed, not another."""
    if not e.claimed or not before or not e.places:
        return False
    args = [c for c in e.trigger.root.children if c.dep_ in _ARGUMENT_DEPS]
    if any(c.dep_ != "prep" or c.lower_ not in _WHERE for c in args):
        return False
    earlier = before[-1].places
    new = [k for k in e.places if k not in earlier]
    return not new or (all(local(k) for k in new) and not any(local(k) for k in earlier))


def _sides_told(e: Draft, siding: frozenset[str]) -> bool:
    """Whether the event noun is the subject of a verb that tells its sides ("the clashes
    pitted the Radaa force against the brigade"), named where the earlier event names none."""
    head = e.trigger.root
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in siding


def _own_arguments(e: Draft) -> bool:
    """Whether the event noun has arguments of its own: "the attack on the base", "the
    attacks by gunmen", "two attacks" (not "the attacks occurred during daylight hours")."""
    return any(c.dep_ in _ARGUMENT_DEPS for c in e.trigger.root.children)
