"""Parts of the parse that tell an event's arguments: who took what a verb of taking governs,
the members of a group, the sides "between" a verb of fighting names, a "who" that asks.
Helpers of :mod:`kg.extract.arguments`."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.drafts import walk_from
from kg.extract.found import Found, Mentions
from kg.extract.parse_tree import Tree
from kg.model import ActorType

__all__ = [
    "argument_head",
    "asks",
    "between_of_verb",
    "members_of",
    "names_doer",
    "takers",
    "told_apart",
]

# the clauses whose "who" asks (an indirect or direct question), standing for no one: "police
# did not say who was behind the attack", "who carried out the attack is unclear"
_ASKING = frozenset({"ccomp", "csubj", "xcomp", "pcomp", "ROOT"})


# the kinds of actor one key names many of, so that its words on each side of an act are two
# parties: not crowds (a riot makes its own of them, kg.extract.roles) nor a named person
_MANY = frozenset(ActorType) - {
    ActorType.CIVILIANS,
    ActorType.PROTESTERS,
    ActorType.RIOTERS,
    ActorType.PERSON,
}


def told_apart(
    doc: Doc,
    subject: list[int],
    objects: list[int],
    shared: set[str],
    mentions: Mentions,
    stop: set[int],
) -> set[str]:
    """The keys among ``shared`` (both an agent's and a target's) that the objects name by
    words of their own, other than the subject's, neither a pronoun nor a noun resolved to an
    antecedent (which may be the subject's own; the subject may be a pronoun): "gunmen shot
    dead a militia commander" (an unidentified armed group each), "soldiers killed a
    soldier". ACLED codes the same actor on both sides of such an act."""

    def side(tokens: list[int]) -> dict[str, list[Found]]:
        out: dict[str, list[Found]] = {}
        for token in tokens:
            for i in walk_from(doc, token, stop):
                f = mentions.at(i)
                if f is not None and f.start == i and f.kind == "actor" and f.key in shared:
                    out.setdefault(f.key, []).append(f)
        return out

    acting, acted_on = side(subject), side(objects)
    return {
        k
        for k in shared
        if k in acted_on
        and not {id(f) for f in acting.get(k, ())} & {id(f) for f in acted_on[k]}
        and all(f.actor_type in _MANY for f in (*acting.get(k, ()), *acted_on[k]))
        and not any(f.resolved for f in acted_on[k])
    }


def asks(pronoun: Token) -> bool:
    """ "who" that asks rather than relates: the subject of a question's clause ("did not say
    who was behind the attack"), not of a relative clause ("gunmen, who fled")."""
    clause = pronoun.head
    return (
        pronoun.lower_ == "who"
        and clause.dep_ in _ASKING
        # "suspects who they believed were travelling": a relative clause above it
        and not any(t.dep_ in ("relcl", "acl") for t in clause.ancestors)
    )


def members_of(doc: Doc, token: int, mentions: Mentions) -> set[int]:
    """ "70 members of the X tribe": members that are an actor of their own (civilians,
    tribesmen) are the argument; the group after "of" tells whose they are (no target)."""
    members = mentions.at(token)
    if doc[token].lemma_.lower() != "member" or members is None or members.kind != "actor":
        return set()
    return {
        t.i
        for of in doc[token].children
        if of.dep_ == "prep" and of.lower_ == "of"
        for t in of.subtree
    }


def patrons_of(doc: Doc, token: int, mentions: Mentions, affiliates: frozenset[str]) -> set[int]:
    """ "the al Qaeda affiliate JNIM", "JNIM, an al Qaeda affiliate", "Islamic State's West
    Africa affiliate ISWAP": the group named as the patron of an affiliate noun
    (``affiliates``) beside a named group takes no part in its act; the tokens of that noun's
    phrase (and of the words before it the parser hangs on the group), where ``token`` names
    an actor."""
    found = mentions.at(token)
    if found is None or found.kind != "actor":
        return set()
    nouns = [
        c
        for c in doc[token].children
        if c.dep_ in ("compound", "appos") and c.lemma_.lower() in affiliates
    ]
    if not nouns:
        return set()
    first = min(c.i for c in nouns)
    owners = [c for c in doc[token].children if c.dep_ in ("poss", "compound") and c.i < first]
    return {t.i for c in [*nouns, *owners] for t in c.subtree}


def takers(t: Tree, verb: int) -> list[int]:
    """Who took what a verb of taking governs: its subject, that of the verb it is a conjunct
    of ("Rebels shelled the town and faced airstrikes"), or the noun it describes ("civilians
    facing shelling")."""
    for _ in range(3):
        found = [c for c in t.kids[verb] if t.dep[c] == "nsubj"]
        if found or t.head[verb] == verb:
            return found
        if t.dep[verb] == "acl" and t.pos[t.head[verb]] in ("NOUN", "PROPN"):
            return [t.head[verb]]
        if t.dep[verb] not in ("conj", "xcomp"):
            return []
        verb = t.head[verb]
    return []


def between_of_verb(t: Tree, head: int, siding: frozenset[str]) -> list[int]:
    """ "Fighting erupted between the army and rebels", "clashes broke out between police and
    protesters": a fight noun that is the subject of the verb telling its onset or course has
    as its sides the "between" phrase of that verb (a noun's own "between" is read above);
    "the clashes pitted the army against rebels": the two sides a verb of ``siding`` (the
    lexicon's ``events.siding_verbs``) sets apart."""
    if t.dep[head] != "nsubj" or t.pos[head] != "NOUN":
        return []
    verb = t.head[head]
    if t.pos[verb] != "VERB":
        return []
    sides = "against" if t.lemma[verb] in siding else "between"
    pitted = [c for c in t.kids[verb] if t.dep[c] == "dobj"] if sides == "against" else []
    return pitted + [
        o
        for c in t.kids[verb]
        if t.dep[c] == "prep" and t.lower[c] == sides
        for o in t.kids[c]
        if t.dep[o] == "pobj"
    ]


def argument_head(span: Span) -> Token:
    """The token a trigger's arguments hang from: its first word, unless that word only
    modifies another word of the trigger ("air strikes", "drone strike": the strikes are what
    "the army carried out")."""
    first = span[0]
    if first.dep_ in ("compound", "amod", "nmod") and span.start <= first.head.i < span.end:
        return span.root
    return first


def names_doer(t: Tree, o: int) -> bool:
    """Whether the object of "by" names who did it ("by police", "by the army", "by Hamas"),
    not how or when ("by surprise", "by night", "by force": a bare singular noun)."""
    return t.dep[o] == "pobj" and (
        t.pos[o] == "PROPN"
        or t.tag[o] in ("NNS", "NNPS")
        or any(t.dep[c] in ("det", "poss") for c in t.kids[o])
    )
