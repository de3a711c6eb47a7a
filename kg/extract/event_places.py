"""Where an event happened (:mod:`kg.extract.arguments`): the most specific places of its
trigger's clause, else of the clauses it hangs from, else of its sentence, else the article's
country; a place named in brackets after another is told inside that one."""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from kg.extract import columns, parse_tree
from kg.extract.drafts import CLAUSE_DEPS, dedup, walk_depth_from
from kg.extract.found import Mentions
from kg.extract.lexicon import load, read_words
from kg.extract.main_country import acting_country
from kg.extract.place_origin import origin_tokens
from kg.extract.place_settling import place_rank
from kg.model import PlaceType

__all__ = ["event_places"]

# the dependencies an event's place may be found up through: its clauses and phrases
_SCOPE_DEPS = CLAUSE_DEPS | {"conj", "pcomp", "pobj", "prep"}
_DISTRICT_RANK = place_rank(PlaceType.DISTRICT)
_OPENINGS = frozenset({"(", "["})
_CLOSINGS = frozenset({")", "]"})
# prepositions whose object, a place's common noun, tells where an act was ("marched through
# the capital", "rallied in the streets")
_WHERE_PREPOSITIONS = frozenset(
    {"in", "at", "through", "across", "outside", "inside", "around", "near", "into", "along"}
)


def event_places(
    doc: Doc,
    head: int,
    mentions: Mentions,
    stop: set[int],
    triggers: set[int],
    taking: frozenset[str],
    reporting: frozenset[str] = frozenset(),
) -> list[str]:
    """The most specific places of the trigger's own clause, else of the clauses it hangs
    from, else of its sentence, else the article's country; a place told as where someone
    came from ("herders from Lowtown", ``origin_tokens``) only when none other is named, and
    none of where the one who tells it spoke or went (``_telling``: "..., a resident who fled
    to Lowtown told Reuters by phone from Upton"; ``reporting``: the verbs of telling)."""
    t = parse_tree.tree(doc)
    sentence = columns.sentence_of(doc, head)

    def is_actor(i: int) -> bool:  # asked only of a "from" phrase's verb's objects
        found = mentions.at(i)
        return found is not None and found.kind == "actor"

    origins = origin_tokens(t, sentence, triggers, is_actor, taking)
    deferred: list[str] = []  # the first clause's places, all of them origins
    telling = _told_by(t, head, reporting)
    stop = stop | telling
    topical = _topical(t, head, sentence, mentions, telling)
    mentions.set_aside |= topical
    scopes = [head]
    token = head
    while t.dep[token] in _SCOPE_DEPS and t.head[token] != token:
        token = t.head[token]
        scopes.append(token)
    subject_tokens: set[int] = set()
    todo = [c for c in t.kids[head] if t.dep[c] in ("nsubj", "poss")]
    while todo:  # their subtrees
        i = todo.pop()
        subject_tokens.add(i)
        todo += t.kids[i]
    containers = mentions.place_containers
    if containers is None:  # once an article: its place mentions stay while events are read
        containers = mentions.place_containers = _containers(doc, mentions)
    for scope in scopes:
        # key -> (rank, depth of its shallowest token, that token)
        depths: dict[str, tuple[int, int, int]] = {}
        from_depths: dict[str, tuple[int, int, int]] = {}  # the same, of the origins
        for i, depth in walk_depth_from(doc, scope, stop | ({head} if scope != head else set())):
            found = mentions.at(i)
            if (
                found is None
                or found.kind != "place"
                or i in subject_tokens
                or i in topical
                or acting_country(found, t.dep, t.head)
            ):
                continue
            rank = place_rank(found.place_type or PlaceType.OTHER)
            into = from_depths if i in origins else depths
            into[found.key] = min(into.get(found.key, (rank, depth, i)), (rank, depth, i))
        if depths:
            return _most_specific(_beside_names(t, depths), containers)
        if from_depths and not deferred:
            deferred = _most_specific(from_depths, containers)
    # nothing in its clauses: the most specific places of the sentence, else the country
    named = [
        f for i in range(*sentence)
        if (f := mentions.at(i)) is not None and f.kind == "place" and f.start == i
        and i not in telling and i not in topical
    ]  # fmt: skip
    in_sentence = [f for f in named if not acting_country(f, t.dep, t.head)]
    scene = [f for f in in_sentence if f.start not in origins]
    if not scene and deferred:
        return deferred
    come_from = [f for f in in_sentence if f.place_type is not PlaceType.COUNTRY]
    for chosen in (scene, come_from):  # "raiders from Northland": not where they raided
        if chosen:
            rank = min(place_rank(f.place_type or PlaceType.OTHER) for f in chosen)
            return dedup(
                key
                for f in chosen
                if place_rank(f.place_type or PlaceType.OTHER) == rank
                for key in ((containers[f.key], f.key) if f.key in containers else (f.key,))
            )
    acting = {f.key for f in named}  # a state acting here is not where its events are
    return [mentions.main_place] if mentions.main_place not in acting | {""} else []


def _topical(
    t: parse_tree.Tree,
    head: int,
    sentence: tuple[int, int],
    mentions: Mentions,
    telling: set[int],
) -> frozenset[int]:
    """The tokens of the sentence's places named in what a protest is about
    (``Mentions.topic_tokens``), where the sentence tells where the act was otherwise: it
    names another place, or the trigger's own phrase names one by a common noun ("marched
    through the capital demanding justice for a killing in Upton": not in Upton); none where
    the topic's places are all it names ("protested over a killing in Upton": likely there)."""
    topical = mentions.topic_tokens.intersection(range(*sentence))
    if not topical:
        return frozenset()
    others = any(
        (f := mentions.at(i)) is not None and f.kind == "place" and i not in topical
        and i not in telling and not acting_country(f, t.dep, t.head)
        for i in range(*sentence)
    )  # fmt: skip
    return topical if others or _placed_by_noun(t, head) else frozenset()


def _placed_by_noun(t: parse_tree.Tree, head: int) -> bool:
    """Whether the trigger has a phrase of place whose object is a place's common noun
    ("through the capital", "in the streets", "outside the town hall's gates")."""
    nouns = _where_nouns()
    return any(
        t.dep[c] == "prep" and t.lower[c] in _WHERE_PREPOSITIONS
        and any(t.dep[o] == "pobj" and t.lemma[o] in nouns for o in t.kids[c])
        for c in t.kids[head]
    )  # fmt: skip


def _beside_names(
    t: parse_tree.Tree, depths: dict[str, tuple[int, int, int]]
) -> dict[str, tuple[int, int, int]]:
    """The clause's places less those that only name a road or an actor, the compounds before
    its noun ("blocked the Lowtown-Upton road at Midvale market", "blocked Lowtown road in
    Midvale", "attacked Lowland security forces in Midvale": the act was at Midvale, not at the
    road's ends nor where the forces belong), where another place no bigger than a district is
    left; those places otherwise ("an ambush on the Lowtown-Upton road")."""
    routes = _route_nouns()
    naming = {k for k, (_, _, at) in depths.items() if _names_other(t, at, routes)}
    rest = {k: v for k, v in depths.items() if k not in naming}
    if naming and any(rank <= _DISTRICT_RANK for rank, _, _ in rest.values()):
        return rest
    return depths


def _names_other(t: parse_tree.Tree, i: int, routes: frozenset[str]) -> bool:
    """Whether token ``i`` is a word of a road's name or an actor's, the compounds before the
    noun of a road ("the Lowtown-Upton road", "Lowtown road") or of an actor ("Lowland
    security forces": a noun of ``[actors.generic]``), the last noun of the compounds (not "the
    Lowtown refugee camp": a camp's name)."""
    if t.dep[i] != "compound":
        return False
    while t.dep[i] == "compound" and t.head[i] != i:
        i = t.head[i]
    return t.lemma[i] in routes or t.lemma[i] in _actor_nouns()


@functools.cache
def _actor_nouns() -> frozenset[str]:
    """The generic nouns of actors (``[actors.generic]`` of ``kg/data/lexicon.toml``)."""
    return frozenset(load().words["actors"]["generic"])


@functools.cache
def _route_nouns() -> frozenset[str]:
    """The nouns of roads (``[places] route_heads`` of ``kg/data/lexicon.toml``)."""
    return read_words("lexicon.toml", "places", "route_heads")


@functools.cache
def _where_nouns() -> frozenset[str]:
    """The common nouns of places (``[places]`` town, district, province, capital_nouns,
    place_parts of ``kg/data/lexicon.toml``)."""
    keys = ("town", "district", "province", "capital_nouns", "place_parts")
    return frozenset().union(*(read_words("lexicon.toml", "places", k) for k in keys))


def _told_by(t: parse_tree.Tree, head: int, reporting: frozenset[str]) -> set[int]:
    """The tokens of where the tellers of the clause of ``head`` spoke or went (``_telling``),
    for each verb of telling above it that governs its clause."""
    out: set[int] = set()
    i = head
    while t.head[i] != i:
        if t.dep[i] in ("ccomp", "parataxis") and t.lemma[t.head[i]] in reporting:
            out |= _telling(t, t.head[i])
        i = t.head[i]
    return out


def _telling(t: parse_tree.Tree, verb: int) -> set[int]:
    """The tokens of where the teller of a clause at the verb of telling ``verb`` spoke or
    went: the verb's own phrases ("told Reuters by phone from Upton", "said at a news
    conference in Upton") and the clauses of its subject ("a resident who fled to Lowtown"),
    not the subject's own words ("police in Lowtown said": police of the place)."""
    out: set[int] = set()
    for c in t.kids[verb]:
        if t.dep[c] == "prep":
            out.update(parse_tree.subtree(t, c))
        elif t.dep[c] == "nsubj":
            for k in parse_tree.subtree(t, c):
                if t.dep[k] in ("relcl", "acl") and k != c:
                    out.update(parse_tree.subtree(t, k))
    return out


def _most_specific(
    depths: dict[str, tuple[int, int, int]], containers: dict[str, str]
) -> list[str]:
    """The places of the smallest rank, at the shallowest depth among them (``depths``: key ->
    (rank, depth, token)), in the order the text names them ("in Lowtown district and Upton
    district": Lowtown first, as a list's first place is its main one), each after the place
    it is told inside of (``containers``)."""
    best = [
        (r, dp, at, key)
        for k, (r, dp, at) in depths.items()
        for key in ((containers[k], k) if k in containers else (k,))
    ]
    rank = min(b[0] for b in best)
    depth = min(b[1] for b in best if b[0] == rank)
    kept = sorted((b for b in best if b[0] == rank and b[1] <= depth), key=lambda b: b[2])
    return dedup(k for _, _, _, k in kept)


def _containers(doc: Doc, mentions: Mentions) -> dict[str, str]:
    """The places named in brackets right after another place, the bracket opening with a
    name ("in Dire (Dire, Tombouctou)", "women in Lowtown [Coast Province]", "in Lowtown
    (Mogi das Vilas, Hill Province)": a district the model did not take for a place first;
    not "in Baringo (in Kabarnet town)"), each with that place: they tell where it lies, and
    an event the parse puts at them is at that place first."""
    out: dict[str, str] = {}
    text = columns.texts(doc)
    for i in (i for i, t in enumerate(text[1:-1], start=1) if t in _OPENINGS):
        outer = mentions.at(i - 1)
        if outer is None or outer.kind != "place" or not text[i + 1][:1].isupper():
            continue
        j = i + 1
        while j < len(text) and text[j] not in _CLOSINGS:
            found = mentions.at(j)
            if found is not None and found.kind == "place" and found.key != outer.key:
                out.setdefault(found.key, outer.key)
            j += 1
    return out
