"""Which mentions of an actor are the crowd an event's role renames: a protest or a riot makes
its own crowd protesters or rioters, not every civilian the article names ("people protested
in the capital; shelling wounded two civilians in the border town": the civilians stay
civilians)."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.drafts import Draft
from kg.extract.found import Found


def crowd_words(
    d: Draft, key: str, found: list[Found], policed: set[int], doings: frozenset[str]
) -> set[int] | None:
    """The ``id`` of the mentions of ``key`` (``found``, in their order) that are the event's
    crowd: its own words for it, the mentions with their head noun ("residents rioted ...
    police arrested ten residents"), those an event policing a crowd was done to
    (``policed``), those told doing what a crowd does (``doings``: "rioting locals"), and
    the pronouns and generic nouns resolved to the actor after one of them. None where the
    event has no words of its own for the actor: every mention then."""
    own = {id(f) for f in d.role_mentions.get(key, [])}
    if not own:
        return None
    doc = d.sentence.doc
    heads = {_head(doc, f) for f in found if id(f) in own}
    crowd: set[int] = set()
    last_named = False  # whether the last mention not resolved to the actor is the crowd's
    for f in found:
        if f.resolved:
            if last_named or id(f) in own or id(f) in policed:
                crowd.add(id(f))
            continue
        last_named = (
            id(f) in own or id(f) in policed or _head(doc, f) in heads or told_doing(doc, f, doings)
        )
        if last_named:
            crowd.add(id(f))
    return crowd


def told_doing(doc: Doc, f: Found, doings: frozenset[str]) -> bool:
    """Whether the mention tells its people doing what a crowd does ("rioting youth"): the
    crowd, not the victims of what is done to them ("police clashed with rioting youth")."""
    return any(t.lower_ in doings for t in doc[f.start : f.end])


def _head(doc: Doc, f: Found) -> str:
    """The lemma of the head noun of a mention ("a resident of the town": resident)."""
    return doc[f.start : f.end].root.lemma_.lower()


def told_side(d: Draft, key: str, crowd: str, found: list[Found]) -> str:
    """The side of an actor split by a crowd's role that an event with no words of its own for
    it means: the others (``key``) where its sentence names them and not the crowd ("two
    civilians were wounded by shelling", after a protest elsewhere), else the crowd (``crowd``:
    "police clashed with rioting youth after the killing of a cleric")."""
    span = range(d.sentence.start, d.sentence.end)
    told = {f.key for f in found if f.kind == "actor" and f.start in span}
    return key if key in told and crowd not in told else crowd


def about_words(
    d: Draft, words: list[Found], prepositions: frozenset[str], verbs: frozenset[str]
) -> bool:
    """Whether every one of an event's words for an actor tells what a protest or a riot is
    about, not whom it was done to: the object of its verb of protest ("protesting the bus
    driver") or under its preposition of topic ("blocked the road against the death of a
    boy"). The crowd's key held them before it was split: no target."""
    if not words:
        return False
    doc, trigger = d.sentence.doc, d.trigger.root
    for f in words:
        token, about = doc[f.end - 1], False
        for _ in range(6):
            if token.i == trigger.i or token.head.i == token.i:
                break
            about = about or (token.dep_ == "pobj" and token.head.lower_ in prepositions)
            about = about or (token.dep_ == "dobj" and token.head.lemma_.lower() in verbs)
            token = token.head
        if token.i != trigger.i or not about:
            return False
    return True
