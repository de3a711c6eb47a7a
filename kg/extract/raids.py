"""A raid told as the way in to an abduction: "Gunmen stormed a school and kidnapped 20
pupils" is one abduction (as ACLED codes it), not an attack with no victims beside it.

The attack folds into the act of its verb's conjunct, by its own doers, of the kinds a raid
is the means of (``_ENDS``), when it names no victims of its own ("stormed a village": a
place, not people): "Gunmen attacked villagers and abducted 20" stays two events."""

from __future__ import annotations

from kg.extract.drafts import Draft, absorb, dedup

__all__ = ["fold_raids"]

# the kinds of act a raid with no victims of its own is the way in to
_ENDS = frozenset({"abduction-forced-disappearance", "sexual-violence"})
_RAID = "attack"


def fold_raids(events: list[Draft]) -> list[Draft]:
    """``events`` without each victimless attack whose verb and an act of ``_ENDS`` by the
    same doers are conjuncts ("stormed ... and kidnapped"), that act taking its places and
    figures."""
    dropped: set[int] = set()
    for e in events:
        if e.event_class != _RAID or e.targets or not e.agents or e.background:
            continue
        end = next((o for o in events if _way_in(e, o)), None)
        if end is not None:
            end.places = dedup([*end.places, *e.places])
            absorb(end, e)
            dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


def _way_in(raid: Draft, o: Draft) -> bool:
    """Whether ``o`` is an act of ``_ENDS`` by ``raid``'s doers whose verb is a conjunct of
    the raid's (either way round)."""
    if o is raid or o.event_class not in _ENDS or set(o.agents) != set(raid.agents):
        return False
    a, b = raid.trigger.root, o.trigger.root
    return (b.dep_ == "conj" and b.head.i == a.i) or (a.dep_ == "conj" and a.head.i == b.i)
