"""How sure the rules are of an event: a draft's confidence from its trigger and what it
carries (lead sentence, actors, places, date, source), lowered for an aim, a setting and a
posture; an event told in passing ranks below the one its sentence tells."""

from __future__ import annotations

from kg.extract.drafts import Draft
from kg.extract.told import told_in_passing

__all__ = ["GROUND_FIGHTING", "confidence_of", "passing_below_main"]

GROUND_FIGHTING = frozenset({"armed-clash", "territory", "territory-loss"})
_FIRE = frozenset({"air-drone-strike", "shelling-artillery-missile-attack", "bombard"})
_POSTURES = frozenset({"change-to-group-activity", "headquarters-or-base-established"})
_NOT_MAIN = frozenset({"statement", "arrests"})  # what an event told in passing is not below


def confidence_of(d: Draft, cls: str) -> float:
    """The draft's confidence, lowered for an aim, a setting and a posture."""
    confidence = _confidence(d)
    if d.aim:
        confidence = round(confidence - 0.3, 2)  # told only where nothing else is
    if d.background and cls in GROUND_FIGHTING | _FIRE:
        confidence = round(confidence - 0.1, 2)  # "during clashes": the setting
    if cls in _POSTURES and d.trigger[0].dep_ == "acl" and d.trigger[0].tag_ == "VBN":
        confidence = round(confidence - 0.2, 2)  # "soldiers deployed at the gate": a state
    return confidence


def _confidence(d: Draft) -> float:
    score = 0.55 if d.trigger[0].pos_ == "VERB" else 0.45
    score += 0.1 * (d.sentence.start == 0)  # the lead sentence tells the main event
    # a suicide bombing is what the article is about, whatever fighting follows it
    score += 0.2 * (d.event_class == "suicide-bomb")
    score += 0.1 * bool(d.agents) + 0.1 * bool(d.places) + 0.05 * bool(d.targets)
    dated = d.date is not None and not d.time_inherited and not d.told_before
    score += 0.1 * dated + 0.05 * bool(d.reported_by)
    return round(min(score, 0.95), 2)


def passing_below_main(events: list[Draft]) -> list[Draft]:
    """ "Students rioted after police shot a student": an event told only to date or explain
    the one its sentence tells ("after", "before", "following" ...) ranks below that one; not
    below arrests, which follow what they are told with ("arrested after they burned the
    school": the burning is the event, ``reranking.arrests_aside``)."""
    for e in events:
        if e.event_class == "statement" or not told_in_passing(e.trigger[0]):
            continue
        main = [
            o.confidence for o in events
            if o is not e and o.sentence.start == e.sentence.start
            and o.event_class not in _NOT_MAIN and not told_in_passing(o.trigger[0])
        ]  # fmt: skip
        if main and e.confidence >= max(main):
            e.confidence = round(max(main) - 0.05, 2)
    return events
