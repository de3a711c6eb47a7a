"""What an armed group says it took in a fight it won is part of that fight: "Rebels attacked
an army base near Lowtown on Saturday, killing seven soldiers. The group said in a statement
that it had seized weapons and ammunition from the base" tells the attack's spoils, no second
happening (ACLED codes no separate Disrupted weapons use for a non-state group's seizure in
battle, only for one by a state's forces, which stands alone). The seizure folds into the
armed violence told before it (kg.extract.retold) when a non-state group tells it in its own
statement (under a verb of saying), the violence's doers include a non-state group, and it
names no place apart of its own the violence does not."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.drafts import Draft
from kg.extract.twins import family

__all__ = ["spoils_told"]

_SEIZURE = "disrupted-weapons-use"
_VIOLENT = frozenset({"battles", "explosions-remote-violence", "violence-against-civilians"})


def spoils_told(
    e: Draft,
    host: Draft,
    saying: frozenset[str],
    nonstate: Callable[[str], bool],
    apart: Callable[[str], bool],
) -> bool:
    """Whether ``e`` is the seizure of weapons a non-state group tells of ``host``'s fight
    (``saying``: the lemmas of verbs of saying; ``nonstate``: whether an actor key is an
    armed group of no state)."""
    if e.event_class != _SEIZURE or e.background or family(host.event_class) not in _VIOLENT:
        return False
    if not e.agents or not all(nonstate(a) for a in e.agents):
        return False
    if not any(nonstate(a) for a in host.agents):
        return False
    if any(apart(p) and p not in host.places for p in e.places):
        return False
    root = e.trigger.root
    return any(a.pos_ == "VERB" and a.lemma_.lower() in saying for a in root.ancestors)
