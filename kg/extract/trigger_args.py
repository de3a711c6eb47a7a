"""What a draft's trigger says of its arguments, read off the parse: which side took ground,
and what the trigger acts on (its subject's, object's and phrases' lemmas).

The event-type rules of :mod:`kg.extract.classify` ask these questions of each draft.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import parse_tree
from kg.extract.drafts import CLAUSE_DEPS, Draft
from kg.extract.found import Mentions
from kg.extract.parse_tree import Tree
from kg.model import ActorType

_NON_STATE = frozenset(
    {ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA}
)

# verbs whose object is what is thrown or fired, not what is hit: "fired mortars at", "hurled a
# grenade at", "launched rockets on"
_THROWING = frozenset({"fire", "launch", "lob", "hurl", "throw"})
_STATES = frozenset({ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER})
_COUNTRY_ENTITIES = frozenset({"GPE", "NORP"})
_ARMED = frozenset(
    {ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER, ActorType.REBEL_GROUP,
     ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA}
)  # fmt: skip


def state_side(d: Draft, types: dict[str, ActorType], ousted: bool = False) -> bool:
    """Whether ground is taken by a government's side: its agent is a state force, or a
    foreign army ("Chadian troops recaptured the town") where no rebel group or militia is
    among its agents; with no agent, where rebels or militiamen are ``ousted`` (driven off:
    "the militants were pushed back from the town"; ground taken from them: "the posts
    seized from the rebels")."""
    agents = [types.get(a) for a in d.agents]
    if ActorType.STATE_FORCES in agents:
        return True
    if any(t in _NON_STATE for t in agents):
        return False
    if not agents and ousted:
        return any(types.get(t) in _NON_STATE for t in d.targets)
    return ActorType.EXTERNAL_OTHER in agents


def taken_from(d: Draft) -> bool:
    """ "The posts seized from the rebels": a capture told without its taker but with the side
    that lost the ground (no subject; a "from" phrase)."""
    head = d.trigger[0]
    if any(c.dep_ in ("nsubj", "agent") for c in head.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children)


def ousted_from(d: Draft) -> bool:
    """Whether a verb of driving off names the ground left: "drove the rebels back from the
    village" (not "pushed back the attack")."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "of") for c in d.trigger[0].subtree)


def subject_lemmas(d: Draft) -> frozenset[str]:
    """Lemmas of the trigger's subject: "warplanes" in "warplanes destroyed the depot"."""
    head = d.trigger[0]
    subjects = (c for c in head.children if c.dep_ in ("nsubj", "agent"))
    return frozenset(t.lemma_.lower() for c in subjects for t in c.subtree)


def joined_subjects(d: Draft) -> frozenset[str]:
    """Lemmas of the heads of the trigger's subject, or of the subject of the verb a conjunct
    with none of its own is joined to ("Authorities have arrested 40 and blocked the
    internet": "authority" for "blocked")."""
    verb = d.trigger.root
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return frozenset(c.lemma_.lower() for c in verb.children if c.dep_ == "nsubj")


_MANY = ("dozen", "score", "hundred", "thousand")


def captives(d: Draft, people: frozenset[str]) -> bool:
    """Whether a capture's object is people ("captured 150 migrants", "a man was
    intercepted", "lost dozens of fighters")."""
    head = d.trigger[0]
    for c in head.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        if c.lemma_.lower() in people:
            return True
        if c.like_num or (c.tag_ == "NNS" and c.lower_.startswith(_MANY)):  # "dozens of fighters"
            of = [p for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
            if any(o.dep_ == "pobj" and o.lemma_.lower() in people for p in of for o in p.children):
                return True
    return False


def rule_taken(d: Draft, rule_words: frozenset[str]) -> bool:
    """Whether a capture takes rule, not ground: a coup ("seized power", "took over the
    government", "took control of the presidency"): the head of the trigger's object, or of
    the "of" phrase of its "control", is a word of rule."""
    for token in d.trigger:
        for c in token.children:
            if c.dep_ == "dobj" and c.lemma_.lower() in rule_words:
                return True
            of_control = c.dep_ == "prep" and c.lower_ == "of" and token.lemma_.lower() == "control"
            if of_control and any(
                p.dep_ == "pobj" and p.lemma_.lower() in rule_words for p in c.children
            ):
                return True
    return False


def plan_foiled(d: Draft, plans: frozenset[str]) -> bool:
    """Whether what the trigger acts on is a plan, not an act of war: "foiled a plot to kill
    the president", "a coup attempt was thwarted" (the object's head or a noun before it)."""
    for c in d.trigger[0].children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        nouns = [c, *(m for m in c.children if m.dep_ in ("compound", "nmod"))]
        if any(n.lemma_.lower() in plans for n in nouns):
            return True
    return False


def object_lemmas(d: Draft) -> frozenset[str]:
    """Lemmas of what the trigger acts on: its object, a passive subject, an "of" phrase."""
    t = parse_tree.tree(d.trigger.doc)
    head = d.trigger.start
    out: set[str] = set()
    for child in t.kids[head]:
        if t.dep[child] in ("dobj", "nsubjpass", "attr") or (
            t.dep[child] == "prep" and t.lower[child] == "of"
        ):
            out |= _subtree_lemmas(t, child)
        elif t.dep[child] == "ccomp":  # "found a cache believed to be theirs", parsed as a clause
            for s in t.kids[child]:
                if t.dep[s] == "nsubj":
                    out |= _subtree_lemmas(t, s)
    if t.dep[head] in ("compound", "amod"):  # "weapons cache"
        out |= _subtree_lemmas(t, t.head[head])
    if t.dep[head] == "relcl" and not any(t.dep[c] == "dobj" for c in t.kids[head]):
        out.add(t.lemma[t.head[head]])  # "the rifles troops seized": what the clause tells of
    return frozenset(out)


def _subtree_lemmas(t: Tree, i: int) -> set[str]:
    """The lower-cased lemmas of ``doc[i].subtree`` (the token and all it governs)."""
    out, todo = set(), [i]
    while todo:
        j = todo.pop()
        out.add(t.lemma[j])
        todo += t.kids[j]
    return out


def taken_lemmas(d: Draft) -> frozenset[str]:
    """Lemmas of the nouns a participle after them says were taken: "tanks and other
    equipment captured near the town" (what was captured is no ground)."""
    head = d.trigger[0]
    if head.dep_ != "acl" or head.tag_ != "VBN":
        return frozenset()
    noun = head.head
    return frozenset(t.lemma_.lower() for t in [noun, *noun.children] if t.dep_ != "acl")


def acted_on_lemmas(d: Draft) -> frozenset[str]:
    """Lemmas of what the trigger acts on, its object or else an "on", "at", "against" phrase,
    but not their clauses: "attacked a police station", "opened fire at a checkpoint", "an
    attack on a military vehicle" (not "a hotel where police officers stayed", nor the place
    of "killed a man at a checkpoint"). A verb of firing or throwing acts on where it is aimed,
    not on what it fires: "fired mortars at the positions of the militia", "opened fire on"."""
    heads = {d.trigger[0], d.trigger.root}
    children = [c for h in heads for c in h.children]
    acted_on = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    aimed_at = _aimed_at(children)
    if d.trigger[0].lemma_.lower() in _THROWING or any(c.lower_ == "fire" for c in acted_on):
        # "fired mortars, launchers and small arms at the positions": the phrase may hang
        # from the last thing fired
        # (or from a conjunct verb: "fired mortars, grenade launchers ..." parsed as two verbs)
        fired = [c for c in children if c.dep_ == "conj"] + acted_on
        fired = [t for c in fired for t in c.subtree if t.pos_ in ("NOUN", "PROPN", "VERB")]
        acted_on = _aimed_at(children + [k for t in fired for k in t.children]) or acted_on
    acted_on = acted_on or aimed_at
    if not acted_on:  # "killed and wounded scores of militants": the verbs share the object
        conjuncts = [c for c in children if c.dep_ == "conj" and c.pos_ == "VERB"]
        acted_on = [c for v in conjuncts for c in v.children if c.dep_ == "dobj"]
    head = d.trigger.root
    if not acted_on and head.dep_ == "acl" and head.tag_ == "VBN":
        acted_on = [head.head]  # "3 militants killed by police": the noun the participle tells of
    return frozenset(t.lemma_.lower() for c in acted_on for t in phrase(c))


def place_acted_on(d: Draft, place_nouns: frozenset[str]) -> bool:
    """Whether the trigger's object (or passive subject) is a place: a town or country named
    ("attacked Lowtown"), or a noun of ``place_nouns`` ("raided the village", "attacked the
    town of Lowtown"); an attack on a place names no fighters hit."""
    heads = {d.trigger[0], d.trigger.root}
    objects = [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(
        c.lemma_.lower() in place_nouns or (c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "LOC"))
        for c in objects
    )


def _aimed_at(children: list[Token]) -> list[Token]:
    """The "on", "at", "against" phrases among ``children`` but those of a date ("on 5 May")."""
    return [
        c for c in children
        if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
        and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)
    ]  # fmt: skip


def phrase(token: Token) -> list[Token]:
    """The token and its dependents but those in nested clauses."""
    out, todo = [], [token]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ not in CLAUSE_DEPS]
    return out


def _acted_on(head: Token) -> list[Token]:
    acted_on = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if misread_gerund(parse_tree.tree(head.doc), head.i):
        acted_on.append(head.head)  # "in liberating neighborhoods": the noun is its object
    return acted_on


def misread_gerund(t: Tree, i: int) -> bool:
    """A gerund right after a preposition, parsed as an adjective on its object: "in liberating
    neighborhoods" (the small model's "liberating" modifies "neighborhoods"), not "with a
    liberating army" (a determiner in between: an adjective indeed)."""
    noun = t.head[i]
    return (
        t.dep[i] == "amod"
        and t.tag[i] == "VBG"
        and noun > i
        and t.dep[noun] == "pobj"
        and t.head[noun] == i - 1
    )


def freed_no_ground(d: Draft, freeing_verbs: frozenset[str], ground_nouns: frozenset[str]) -> bool:
    """Whether a verb of freeing ("freed", "liberated") acts on no ground: its object (or
    passive subject) is neither a place name nor a noun of ground ("several villages")."""
    head = d.trigger[0]
    if head.lemma_.lower() not in freeing_verbs:
        return False
    return not any(
        c.ent_type_ in ("GPE", "LOC", "FAC") or c.lemma_.lower() in ground_nouns
        for c in _acted_on(head)
        for c in _counted(c)
    )


def _counted(token: Token) -> list[Token]:
    """The token, its conjuncts and what they count: "dozens of villages and more than 700
    square miles of terrain" names villages and terrain."""
    out = []
    for t in [token, *(c for c in token.children if c.dep_ == "conj")]:
        out.append(t)
        out += [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    return out


def signed_no_agreement(d: Draft, objects: frozenset[str], signed_words: frozenset[str]) -> bool:
    """Whether "sign" acts on something other than an agreement: its object (or passive
    subject) names none ("signed a petition", "sign posts"); with no object it may be one
    ("the two sides signed in Doha")."""
    head = d.trigger[0]
    if head.lemma_.lower() != "sign" or not _acted_on(head):
        return False
    return not objects & signed_words


def talks_ended(d: Draft, ending_verbs: frozenset[str], shut_nouns: frozenset[str]) -> bool:
    """Whether an agreement's noun is what a verb of ending acts on ("suspended peace talks",
    "called off the truce") or what a door or plug is shut "on" ("closed the door on
    talks", ``shut_nouns``): talks that stopped, no agreement; not "ended the war with a
    deal", nor "closed a deal"."""
    head = d.trigger.root
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "on":
        return verb.head.dep_ == "dobj" and verb.head.lemma_.lower() in shut_nouns
    if head.dep_ not in ("dobj", "nsubjpass"):
        return False
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ending_verbs


def forces_moved(d: Draft, objects: frozenset[str], force_nouns: frozenset[str]) -> bool:
    """Whether forces are what a verb of movement moves or forms: its object ("sent troops",
    "formed a new brigade", "units were formed") or, with no object, its subject ("the troops
    pulled back")."""
    if _acted_on(d.trigger[0]):
        return bool(objects & force_nouns)
    return bool(subject_lemmas(d) & force_nouns)


def mission(head: Token, mission_words: frozenset[str]) -> bool:
    """ "The coalition tasked with fighting the militants": a fight a group is tasked or charged
    with tells what it is for, not what it did."""
    prep = head.head
    return (
        head.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head.lemma_.lower() in mission_words
    )


def shows(d: Draft, verbs: frozenset[str], people: frozenset[str]) -> bool:
    """Whether a protest verb means show: it has an object or a clause ("these actions
    demonstrate a disregard", "demonstrates that") and a subject that is no people (not
    "thousands demonstrated their support", nor a named group, nor "demonstrating workers")."""
    head = d.trigger[0]
    if head.pos_ != "VERB" or head.lemma_.lower() not in verbs or d.agents:
        return False
    if not any(c.dep_ in ("dobj", "ccomp") for c in head.children):
        return False
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(
        not s.like_num and s.pos_ not in ("PRON", "PROPN") and s.lemma_.lower() not in people
        for s in subjects
    )


def modifier_agent(head: Token, mentions: Mentions) -> list[str]:
    """ "A U.S. strike hit the compound", "a Taliban attack on a checkpoint", "the police raid":
    an armed actor named before an event noun with its determiner is who acted: a country, read
    as its state's forces (:mod:`kg.extract.states`), or an armed group or force. Not a place
    ("a Kabul attack") nor civilians ("a civilian convoy attack")."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" for c in head.children):
        return []  # "Raiders from Ethiopia attack a village": a headline's verb read as a noun
    out = []
    for child in head.children:
        found = mentions.at(child.i)
        if child.dep_ not in ("compound", "nmod") or found is None or found.kind != "actor":
            continue
        country = child.ent_type_ in _COUNTRY_ENTITIES
        if found.actor_type in (_STATES if country else _ARMED):
            out.append(found.key)
    return out
