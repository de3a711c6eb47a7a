"""A body told after the killing that left it is the victim told again, not a new attack:
"a mob beat a guard to death. His body was found burned inside a truck" is one event, the
mob's, not also an attack by unknown men and a property burned.

The body's noun is pointed back at ("his body", "their bodies", "the body": ``[modality]
body_pointers`` with the pointing determiners), has no number nor "of" phrase of its own
("the bodies of five men" names its own dead) and its event no place apart from the killing's;
the killing, the sentence before (or earlier, on its day: kg.extract.retold's host), left
dead. The acts the same clause tells of that body ("found burned", "dumped") fold with it."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.drafts import Draft

__all__ = ["body_again", "done_to_body"]

# what makes a body noun's own victims: a number ("two bodies") or a phrase of whose body ("the
# bodies of five men"); not a word of its state ("his charred body")
_OWN = frozenset({"nummod", "prep"})
# how an act of the body's clause hangs on the verb the body is the subject of ("was found
# burned", "were found dumped") or takes the body ("burned his body")
_ON_VERB = frozenset({"xcomp", "conj", "advcl", "oprd"})
_BODY_DEPS = frozenset({"nsubjpass", "nsubj", "dobj"})


def body_again(
    e: Draft,
    host: Draft,
    body_nouns: frozenset[str],
    pointers: frozenset[str],
    apart: Callable[[str], bool],
) -> bool:
    """Whether ``e`` is made by a body noun pointed back at, with no number or own phrase,
    after a ``host`` that left dead, at no place apart from the host's."""
    noun = body_noun(e, body_nouns)
    if noun is None or not host.counts.get("fatalities"):
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ in pointers for c in noun.children):
        return False
    if any(c.dep_ in _OWN for c in noun.children):
        return False
    return not any(apart(p) and p not in host.places for p in e.places)


def body_noun(e: Draft, body_nouns: frozenset[str]) -> Token | None:
    """The body noun ``e``'s trigger is, or None."""
    noun = e.trigger.root
    return noun if noun.pos_ == "NOUN" and noun.lemma_.lower() in body_nouns else None


def done_to_body(e: Draft, bodies: set[int]) -> bool:
    """Whether ``e``'s trigger tells what was done to one of ``bodies`` (token offsets) in its
    clause: "his body was found burned", "burned the body"."""
    verb = e.trigger.root
    if any(c.i in bodies and c.dep_ in _BODY_DEPS for c in verb.children):
        return True
    return verb.dep_ in _ON_VERB and any(
        c.i in bodies and c.dep_ in _BODY_DEPS for c in verb.head.children
    )
