"""Forces a participle clause acts on, named again by a bare noun after the main clause named
them with their country: "Palestinians clashed with Israeli troops in Nablus, throwing stones
at soldiers who fired rubber bullets" -- the soldiers the stone-throwers hit are the troops
they clashed with, Israel's, not the forces of the country the story happens in (the
article's default, which the words never gave them). The clauses share their subject, so
they share their foe.

Not the victims of a clause whose main clause acts on a place or on no forces: "Russian
troops shelled Lowtown, killing 3 soldiers" keeps its soldiers on the other side."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.found import Found
from kg.model import ActorType

__all__ = ["same_foe"]

# how a participle clause hangs from the main clause it shares its subject with
_SHARING = frozenset({"advcl", "xcomp", "conj"})
_OBJECTS = frozenset({"dobj", "pobj"})


def same_foe(doc: Doc, generics: list[Found], named: list[Found]) -> None:
    """Give each bare generic mention of state forces whose country is only the article's
    default (``Found.assumed_country``), acted on by a participle clause that shares its
    main clause's subject, the country, key and label of the state forces of another country
    the main clause acts on, told with their country (among ``generics`` or the mentions
    ``named`` before them: "Israeli troops")."""
    told = [
        f for f in [*named, *generics]
        if f.kind == "actor" and f.actor_type is ActorType.STATE_FORCES and not f.assumed_country
    ]  # fmt: skip
    if not told:
        return
    for f in generics:
        if f.kind != "actor" or f.actor_type is not ActorType.STATE_FORCES:
            continue
        if not f.assumed_country:
            continue
        clause = _acting_clause(doc[f.end - 1])
        if clause is None:
            continue
        foes = {
            (g.key, g.label, g.country)
            for g in told
            if g.country != f.country
            and any(_object_of(doc[i], clause.head) for i in range(g.start, g.end))
        }
        if len(foes) != 1:
            continue
        ((f.key, f.label, f.country),) = foes
        f.assumed_country = False


def _acting_clause(noun: Token) -> Token | None:
    """The participle clause whose object ``noun`` is ("throwing stones at soldiers":
    "throwing"), where it shares its main verb's subject (no subject of its own)."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.pos_ != "VERB" or verb.dep_ not in _SHARING or verb.head.pos_ != "VERB":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return verb


def _object_of(token: Token, verb: Token) -> bool:
    """Whether ``token`` heads an object of ``verb``: its direct object or the object of one
    of its prepositions ("clashed with Israeli troops")."""
    if token.dep_ not in _OBJECTS:
        return False
    head = token.head
    if token.dep_ == "pobj":
        if head.dep_ != "prep":
            return False
        head = head.head
    return head.i == verb.i
