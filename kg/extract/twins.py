"""One happening, one event: events of one sentence that tell the same happening twice fold
into one (the better told keeps its trigger and type and takes the other's arguments).

News tells a happening twice in one sentence in a few set ways:

* an aim and the act that realises it: "in the campaign to liberate the city, forces have
  made progress in liberating its neighbourhoods" (the aim is no happening of its own);
* an event noun told inside the clause of a verb of the same type, as its subject or the
  means it used: "coalition airstrikes targeted the farm", "forces shelled the town with
  artillery" (one strike, one shelling);
* a clash told as a noun and the clause, "when" it broke out, that tells the fight: "clashes
  broke out in the town when rebels attacked an army post";
* a gathering told as the setting of an armed attack: "a suicide bomber killed 40 people at
  a rally" (the attack alone: the rally is where it happened);
* a crowd's acts told one through the other: "residents blocked the road to protest",
  "rioted and burnt tyres in protest", "police fired tear gas to disperse youths who were
  protesting" (one protest or riot, however many of its acts the sentence names).

Two events fold only where they cannot be two happenings (a setting aside): one family of
event types (ACLED's event type), actors that overlap or are not named on one side, one most
specific place or none on one side, and one date. "Rebels attacked Lowtown and the army
shelled Hightown" stays two events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Span, Token

from kg.extract.drafts import Draft, dedup, take_account
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES

__all__ = [
    "compatible",
    "family",
    "fold_aims",
    "fold_crowd_acts",
    "fold_settings",
    "fold_told_inside",
    "merge_told_twice",
]

# how an argument hangs from its clause's verb: "airstrikes targeted", "shelled X with
# artillery", "shelled the town in the countryside with artillery" (the parse's attachment)
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "prep", "agent", "npadvmod"})
_STEPS = 5
_WHEN_DEPS = frozenset({"advcl", "relcl", "pobj", "prep", "npadvmod"})
# a crowd's acts and how news hangs one from another: "rioted and blocked", "blocked the road
# to protest", "protesting", "in protest", "as a protest", "by blocking", "dispersed youths who
# were protesting", "held a demonstration", "tear gas canisters" (not "a protest of", "after":
# another happening, nor "reported that": a clause of its own)
_CROWD_FAMILIES = frozenset({"protests", "riots"})
_CROWD_LINKS = frozenset({"conj", "advcl", "xcomp", "relcl", "acl", "dobj", "pobj", "prep", "pcomp",
                          "nsubj", "nsubjpass", "agent", "npadvmod", "compound"})  # fmt: skip
_CROWD_PREPOSITIONS = frozenset({"in", "as", "by"})
_CROWD_STEPS = 3
# "a similar demonstration", "recent protests", "another rally": a happening of its own
_OTHER_ONES = frozenset(
    {"similar", "another", "other", "recent", "previous", "earlier", "prior", "past", "last",
     "later", "subsequent", "further", "new", "separate"}
)  # fmt: skip
# nouns that count or group what their "of" names: "fired dozens of rockets", "a barrage of
# shells" (the rockets are the firing's own)
_COUNTS = frozenset(
    {"dozen", "hundred", "thousand", "score", "number", "barrage", "salvo", "volley", "hail",
     "wave", "series", "round", "burst", "string", "spate"}
)  # fmt: skip
# the families of armed attacks a gathering can be the setting of (kg.extract.twins.fold_settings)
_ATTACK_FAMILIES = frozenset(
    {"battles", "explosions-remote-violence", "violence-against-civilians"}
)
_FAMILY = {sub: parent for parent, subs in ACLED_EVENT_TYPES.items() for sub in subs}


def family(event_class: str) -> str:
    """The ACLED event type of a sub-event type ("armed-clash": "battles"), else the class."""
    return _FAMILY.get(event_class, event_class)


def compatible(a: Draft, b: Draft) -> bool:
    """Whether two events may tell one happening: one family, actors that overlap or are
    missing on one side, one most specific place or none on one side, and one date (an
    inherited date is no date of its own)."""
    if family(a.event_class) != family(b.event_class):
        return False
    actors_a, actors_b = {*a.agents, *a.targets}, {*b.agents, *b.targets}
    if actors_a and actors_b and not actors_a & actors_b:
        return False
    if a.places and b.places and a.places[0] != b.places[0]:
        return False  # the most specific places: "in Lowtown ... in Hightown" share a province
    return a.time_inherited or b.time_inherited or a.date == b.date


def fold_aims(events: list[Draft]) -> list[Draft]:
    """ "In the campaign to liberate the city, forces made progress in liberating it": an aim
    whose sentence tells an act of its family, compatible with it, is that act's aim, not a
    happening of its own; the act takes what the aim names."""
    dropped: set[int] = set()
    for e in events:
        if not e.aim:
            continue
        acts = [o for o in _same_sentence(events, e) if not o.aim and compatible(e, o)]
        if acts:
            merge_told_twice(min(acts, key=lambda o: abs(o.trigger.start - e.trigger.start)), e)
            dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


def fold_told_inside(events: list[Draft]) -> list[Draft]:
    """ "Coalition airstrikes targeted the farm", "shelled the town with heavy artillery": an
    event noun that is the subject, object or means of a verb of the same type in its own
    clause (not joined to it by "and": "killed and wounded", "attacked A and B attacked C")
    tells that verb's happening. The event ranked first of the two keeps its trigger."""
    dropped: set[int] = set()
    for e in events:
        if id(e) in dropped:
            continue
        for o in _same_sentence(events, e):
            if id(o) in dropped or o.event_class != e.event_class or not compatible(e, o):
                continue
            if not (_inside(o.trigger.root, e.trigger) or _inside(e.trigger.root, o.trigger)
                    or _when(e, o) or _when(o, e)):  # fmt: skip
                continue
            host, told = sorted((e, o), key=lambda d: (-d.confidence, d.trigger.start))
            merge_told_twice(host, told)
            dropped.add(id(told))
            if told is e:
                break
    return [e for e in events if id(e) not in dropped]


def fold_crowd_acts(events: list[Draft], crowd: Callable[[str], bool]) -> list[Draft]:
    """ "Residents rioted and blocked the road to protest the killing", "police fired tear gas
    to disperse youths who were protesting": a protest's or a riot's acts that the parse hangs
    one from another (``_crowd_link``), compatible, are one happening; the event ranked first
    keeps its trigger and type, and takes of the other's actors the ``crowd`` (civilians,
    protesters, rioters): the others are what the crowd acts about ("to protest the killing
    of people by rebels")."""
    dropped: set[int] = set()
    for e in events:
        if id(e) in dropped or family(e.event_class) not in _CROWD_FAMILIES:
            continue
        for o in _same_sentence(events, e):
            if id(o) in dropped or not compatible(e, o):
                continue
            if not _crowd_link(e.trigger.root, o.trigger.root) or _victims_deed(e, o):
                continue
            host, told = sorted((e, o), key=lambda d: (-d.confidence, d.trigger.start))
            places = list(host.places)
            told.agents = [a for a in told.agents if crowd(a)]
            told.targets = [t for t in told.targets if crowd(t)]
            merge_told_twice(host, told)
            # one most specific place (``compatible``): the host's own where it names one,
            # not what the other's words name ("to protest attacks on Hightown")
            host.places = places or host.places
            dropped.add(id(told))
            if told is e:
                break
    return [e for e in events if id(e) not in dropped]


_LETHAL_FORCE = "excessive-force-against-protesters"


def fold_settings(events: list[Draft], state: Callable[[str], bool]) -> list[Draft]:
    """ "A suicide bomber killed 40 people at a political rally", "a bomb went off during a
    march", "gunmen attacked a demonstration": a gathering an armed attack hit, told by a noun
    inside the attack's clause, is where the attack happened, not a protest of its own (ACLED
    codes the attack alone); nor one the state's forces killed people at ("police shot dead
    five people during protests": excessive force against protesters, one event). Not where
    the state's forces only police the crowd ("police fired at a rally": the protest and its
    policing), nor where a crowd fights (a riot at a rally). The deeds folded into the
    gathering (its dead) are the attack's."""
    dropped: set[int] = set()
    for e in events:
        if family(e.event_class) != "protests" or e.trigger.root.pos_ != "NOUN":
            continue
        hosts = [
            o for o in _same_sentence(events, e)
            if (o.event_class == _LETHAL_FORCE or (family(o.event_class) in _ATTACK_FAMILIES
                                                   and not any(state(a) for a in o.agents)))
            and any(_within(e.trigger.root, told) for told in _told_by(o))
        ]  # fmt: skip
        if hosts:
            hosts[0].places = hosts[0].places or list(e.places)
            for told, _ in e.folded:  # "killed 40 people at a rally": the attack's victims
                merge_told_twice(hosts[0], told)
            dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


def _told_by(d: Draft) -> list[Span]:
    """The words that tell ``d``: its trigger, those of the events folded into it ("a suicide
    bomber killed": the killing), and the verb its noun is the subject of ("a bomb exploded")."""
    spans = [d.trigger, *(f.trigger for f, _ in d.folded)]
    root = d.trigger.root
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ in ("nsubj", "nsubjpass"):
        spans.append(root.doc[root.head.i : root.head.i + 1])
    return spans


def _within(token: Token, trigger: Span, of_counts_only: bool = False) -> bool:
    """Whether ``token`` hangs, a few steps up through arguments and prepositions (an "of"
    too: "the bombing of a rally", unless ``of_counts_only``), from ``trigger``."""
    for _ in range(_STEPS):
        if token.dep_ not in _ARGUMENT_DEPS or token.head.i == token.i:
            return False
        if (
            of_counts_only
            and token.dep_ == "prep"
            and token.lower_ == "of"
            and token.head.lemma_.lower() not in _COUNTS
        ):
            return False
        token = token.head
        if trigger.start <= token.i < trigger.end:
            return True
    return False


def _victims_deed(a: Draft, b: Draft) -> bool:
    """ "Residents lynched two men who were robbing people": what a mob's victims did is
    another happening (the crowd police dispersed "who were protesting" is the protest's)."""
    return any(
        x.event_class == "mob-violence" and set(y.agents) & set(x.targets)
        for x, y in ((a, b), (b, a))
    )


def _crowd_link(a: Token, b: Token) -> bool:
    """Whether two triggers hang from one another, or from one word, within a few steps of
    ``_CROWD_LINKS``, neither told as another one ("a similar demonstration")."""
    if any(c.lower_ in _OTHER_ONES for t in (a, b) for c in t.children):
        return False
    up_a, up_b = _crowd_chain(a), _crowd_chain(b)
    return bool(set(up_a) & set(up_b))


def _crowd_chain(token: Token) -> list[int]:
    """``token`` and the words it hangs from through ``_CROWD_LINKS``."""
    chain = [token.i]
    for _ in range(_CROWD_STEPS):
        if token.dep_ not in _CROWD_LINKS or token.head.i == token.i:
            break
        if token.dep_ == "prep" and token.lower_ not in _CROWD_PREPOSITIONS:
            break
        token = token.head
        chain.append(token.i)
    return chain


def _inside(token: Token, trigger: Span) -> bool:
    """Whether ``token`` is an argument of ``trigger``'s clause: up a few steps through
    subjects, objects and prepositions (not through a conjunct or a clause) to the trigger;
    through an "of" only after a count ("dozens of rockets"), not another happening's ("the
    mourners of an earlier attack")."""
    return token.pos_ in ("NOUN", "PROPN") and _within(token, trigger, of_counts_only=True)


def _when(clash: Draft, fight: Draft) -> bool:
    """ "Clashes broke out when rebels attacked a post", "the clashes have raged since May,
    when the rebels launched an offensive": a clash noun, subject of its verb, and the fight
    its "when" clause tells (not "after", "as": a fight before it, the setting)."""
    noun = clash.trigger.root
    if clash.event_class != "armed-clash" or noun.pos_ != "NOUN":
        return False
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = fight.trigger.root
    if verb.pos_ != "VERB":
        verb = verb.head if verb.dep_ == "dobj" else verb  # "launched an offensive"
    if not any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return False
    # the clause of the clash's verb, or of the time it names: "raging since May, when ..."
    for _ in range(_STEPS):
        if verb.dep_ not in _WHEN_DEPS or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.i == noun.head.i:
            return True
    return False


def merge_told_twice(host: Draft, d: Draft) -> None:
    """``d`` tells ``host``'s happening again: its actors (on the side it names them, unless
    the host names them on the other) and their mentions, places, figures, sources and date
    are the host's."""
    apart = host.both_sides | d.both_sides  # "gunmen ... shot dead a militia commander"
    host.agents = dedup(
        [*host.agents, *(a for a in d.agents if a not in host.targets or a in apart)]
    )
    host.targets = dedup(
        [*host.targets, *(t for t in d.targets if t not in host.agents or t in apart)]
    )
    host.both_sides = apart
    host.places = dedup([*host.places, *d.places])
    # the mentions its words named, which decide the roles its actors take (kg.extract.roles)
    host.shared_agents += [f for f in d.shared_agents if f not in host.shared_agents]
    for key, found in d.role_mentions.items():
        mine = host.role_mentions.setdefault(key, [])
        mine += [f for f in found if f not in mine]
    take_account(host, d)


def _same_sentence(events: Iterable[Draft], e: Draft) -> list[Draft]:
    return [o for o in events if o is not e and o.sentence.start == e.sentence.start]
