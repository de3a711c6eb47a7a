"""Whether a country's name acts on an actor the text names, over spaCy's dependency parse:
the test :class:`kg.extract.states.StateFinder` applies before it makes a country named once
a mention of its state ("Iran supplies weapons to the Houthis", "rebels backed by Iran",
"Iran's proxies", "the Iran-backed Houthis", "the Houthis receive weapons from Iran",
"al-Qaida vowed to attack the United States"). One that acts on no actor ("Turkey condemned
the attack", "Kenya borders Somalia") stays the place it names.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["RECEIVE", "acts_on"]

_PARTY_DEPS = frozenset({"dobj", "dative", "pobj", "attr"})
RECEIVE = frozenset({"receive", "get", "obtain", "acquire", "accept"})  # "... from Iran"


def acts_on(
    token: Token, actors: set[int], proxy_nouns: frozenset[str], hostile_verbs: frozenset[str]
) -> bool:
    """Whether a country's name acts on an actor the text names: the subject of a verb whose
    object, or the object of one of its prepositions (or of its object's), is an actor
    ("Iran supplies weapons to the Houthis"); the agent of a passive that says what was done
    to an actor ("rebels backed by Iran"); the owner of forces or proxies ("Iran's
    proxies"), or the noun modifier of an act aimed at an actor ("U.S. strikes on ISIL")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    head = token.head
    if token.dep_ == "poss" and head.lemma_.lower() in proxy_nouns:
        return True
    if token.dep_ == "pobj" and head.dep_ == "agent":  # "backed by Iran"
        verb = head.head
        if verb.dep_ in ("acl", "amod") and _is_actor(verb.head, actors):
            return True  # "rebels backed by Iran"
        return any(c.dep_ == "nsubjpass" and _is_actor(c, actors) for c in verb.children)
    if token.dep_ == "pobj" and head.lower_ == "from":  # "X received weapons from Iran"
        given = head.head
        if given.lemma_.lower() in RECEIVE:
            return _by_actor(given, actors)
        owners = [c for c in given.children if c.dep_ == "poss"]
        return any(_is_actor(o, actors) for o in owners) or (
            given.dep_ == "dobj" and _by_actor(given.head, actors)
        )
    if token.dep_ == "dobj" and head.lemma_.lower() in hostile_verbs:
        return _by_actor(head, actors)  # "allow al-Qaida to attack the United States"
    if token.dep_ in ("npadvmod", "compound", "nmod") and head.tag_ == "VBN":
        return head.dep_ in ("amod", "acl") and _is_actor(head.head, actors)  # "Iran-backed X"
    if token.dep_ not in ("nsubj", "poss", "compound", "nmod"):
        return False
    return any(_is_actor(t, actors) for t in _parties(head))


def _by_actor(verb: Token, actors: set[int]) -> bool:
    """The verb's subject is an actor, or, for an infinitive or a clause hung on another verb
    ("allow X to attack"), that verb's object or subject."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("xcomp", "ccomp"):
        subjects = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubj")]
    return any(_is_actor(t, actors) for t in subjects)


def _parties(act: Token) -> list[Token]:
    """The objects of an act: its objects, its prepositions' objects and its object's
    (one level), the objects of "of" or "with" after a preposition's object ("in support of
    X", "in coordination with X"), with their conjuncts."""
    out: list[Token] = []
    for child in act.children:
        if child.dep_ in _PARTY_DEPS and child.pos_ != "ADP":
            out.append(child)
            for grand in child.children:
                if grand.dep_ == "prep":
                    out += [p for p in grand.children if p.dep_ == "pobj"]
        elif child.dep_ in ("prep", "dative"):
            objects = [p for p in child.children if p.dep_ == "pobj"]
            out += objects
            # "intervened in support of X", "fought on behalf of X": the object's "of"
            out += [o for p in objects for g in p.children
                    if g.dep_ == "prep" and g.lower_ in ("of", "with")
                    for o in g.children if o.dep_ == "pobj"]  # fmt: skip
    return out + [c for t in out for c in t.conjuncts]


def _is_actor(token: Token, actors: set[int]) -> bool:
    """A phrase an actor's mention heads or modifies: "the Houthis", "the Assad regime"."""
    return any(i in actors for i in range(token.left_edge.i, token.i + 1))
