"""Actors named by a pronoun or a generic noun, resolved to an actor the article names.

- "he", "we", "they", "its": the person, the organisation that speaks, or the actor that is
  no person, named nearest before it (:mod:`kg.extract.antecedents`); "our partners": an
  actor of its own;
- a possessive in what a verb of demand asks, or in the reason a verb of blame or praise
  gives, names the one asked or blamed, not the speaker ("The UN urged Hezbollah to halt its
  attacks", "X condemned Y for their shelling": :mod:`kg.extract.asked`);
- "the enemy", "the terrorist group", "these terrorists": the armed group the article names
  most before it, not the subject of its own clause ("X retook ground held by the enemy" is
  not X), and for "the enemy" none named earlier in its sentence; "the Coalition": the
  coalition the article names.

Each resolved pronoun or noun phrase is one more mention of that actor (its span is the
pronoun or the phrase), added after events are found: it serves the relations between actors
and the graph, and is never one of the actor's names (``Found.resolved``). An expletive "it" is
left alone (no "it" is resolved), and nothing is resolved without an antecedent. The word lists
live in ``kg/data/coref.toml`` (``[pronouns]``, ``[nouns]``: :mod:`kg.extract.coref_words`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Token

from kg.extract import columns
from kg.extract.antecedents import SUBJECTS, co_arguments, pronoun_antecedent
from kg.extract.asked import asked_actor
from kg.extract.coref_words import CorefWords, load_coref_words
from kg.extract.found import Found
from kg.extract.lexicon import NamedActor
from kg.extract.place_nouns import place_noun
from kg.extract.relation_words import load_words as load_relation_words
from kg.extract.roots import span_root
from kg.extract.spans import countered
from kg.keys import name_key
from kg.model import ActorType

__all__ = ["coalitions", "default_coalition", "resolve"]

_DETERMINERS = frozenset({"the", "this", "these", "that", "those"})
_ARMED = frozenset({ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA})


def resolve(doc: Doc, found: list[Found], words: CorefWords | None = None) -> list[Found]:
    """The mentions of actors that pronouns and generic nouns of ``doc`` make, each resolved
    to an actor of ``found`` (the mentions found so far, in any order: names, and the noun
    phrases that name an actor: "the donors praised the international community for its
    commitment")."""
    words = words or load_coref_words()
    asking = load_relation_words()  # verbs of demand and blame: kg/data/relations.toml
    actors = sorted((f for f in found if f.kind == "actor"), key=lambda f: f.start)
    taken = {i for f in found if f.kind == "actor" for i in range(f.start, f.end)}
    out: list[Found] = []
    others: set[str] = set()  # the partners phrases' keys: "our allies" are never "we"
    places = sorted((f for f in found if f.kind == "place"), key=lambda f: f.start)
    spoken = {i for f in found for a, b in f.extents for i in range(a, b)}
    pos, tag, text = columns.poses(doc), columns.tags(doc), columns.texts(doc)
    for i in range(len(doc)):
        if i in taken or (
            pos[i] not in _CANDIDATE_POS and tag[i] != "NNS" and text[i] not in _COALITION
        ):
            continue  # none of the rules below reads other words
        token = doc[i]
        place = place_noun(doc, token, places, words, spoken)
        if place is not None:
            out.append(place)
            continue
        kind = words.pronouns.get(token.lower_)
        if kind is not None and token.pos_ == "PRON" and token.i not in spoken:
            owned = token.head.lemma_.lower()
            if token.dep_ == "poss" and not (
                owned in words.possessed or (owned in words.held and token.head.tag_ == "NNS")
            ):
                continue  # "their equipment", "our condolences": no actor of their own
            # "The Coalition complies ... We will continue": a speaker named by a noun too
            if kind == "speaker":
                # "We call on Russia to act": "we" is none of its verb's other arguments
                keys = co_arguments(doc, token, [*actors, *places])
                known = sorted((f for f in (*actors, *out) if f.key not in others | keys
                                and not {f.country, f.state} & keys),
                               key=lambda f: f.start)  # fmt: skip
            else:
                known = actors
            antecedent = asked_actor(
                token, actors, asking.demand_verbs, asking.accuse_verbs, asking.ally_cues
            ) or pronoun_antecedent(doc, token, kind, known, words)
            if token.dep_ == "poss" and token.head.lemma_.lower() in words.partners:
                if _named_after(doc, token.head):
                    continue  # "our ally Turkey": the name that follows is the actor
                out.append(_partners(doc, token, antecedent))
                others.add(out[-1].key)
                taken |= set(range(out[-1].start, out[-1].end))
            elif (
                antecedent is not None
                and token.dep_ == "poss"  # not "forced them out": "force" the verb
                and token.head.lemma_.lower() in words.forces
            ):
                # "our forces", "their fighters": the whole phrase names the actor's forces
                out.append(_mention(token.i, token.head.i + 1, antecedent))
                taken |= set(range(token.i, token.head.i + 1))
            elif antecedent is not None:
                out.append(_mention(token.i, token.i + 1, antecedent))
            continue
        if (
            _coalition_word(token)
            and token.i not in spoken
            and not _determined(token)
            and not _partners_of(token, words)
        ):
            out.append(_coalition(token.i, token.i + 1, actors))  # "Coalition aircraft"
            continue
        partners = _partners_named(doc, token, words, (taken, spoken))
        if partners is not None:  # "international partners", "allies and partners"
            out.append(partners)
            others.add(partners.key)
            taken |= set(range(partners.start, partners.end))
            continue
        phrase = _generic(doc, token, actors, words, taken)
        if phrase is not None:
            out.append(phrase)
            taken |= set(range(phrase.start, phrase.end))
    return out


def coalitions(doc: Doc, found: list[Found], words: CorefWords | None = None) -> list[Found]:
    """ "Coalition aircraft", "the Coalition": the coalition's mentions, found before the
    events (the coalition acts: "Coalition aircraft conducted a strike"), where ``resolve``
    would find them after."""
    words = words or load_coref_words()
    actors = sorted((f for f in found if f.kind == "actor"), key=lambda f: f.start)
    taken = {i for f in found if f.kind == "actor" for i in range(f.start, f.end)}
    spoken = {i for f in found for a, b in f.extents for i in range(a, b)}
    out: list[Found] = []
    for i, lemma in enumerate(columns.lemma_lowers(doc)):  # no Token made for other words
        if i in taken or lemma not in words.coalition:
            continue
        token = doc[i]
        if _partners_of(token, words):
            continue
        if _coalition_word(token) and token.i not in spoken and not _determined(token):
            out.append(_coalition(token.i, token.i + 1, actors))
        elif (phrase := _generic(doc, token, actors, words, taken)) is not None:
            out.append(phrase)
        else:
            continue
        taken |= set(range(out[-1].start, out[-1].end))
    return out


def default_coalition(
    found: Iterable[Found],
    countries: Iterable[str],
    gazetteer: Mapping[str, NamedActor],
    words: CorefWords | None = None,
) -> None:
    """ "the Coalition" of an article that names no coalition is the one its country's wars
    know by that name (``coalition_by_country`` in ``kg/data/coref.toml``): "Coalition
    aircraft struck ISIS near Mosul" is the US-led coalition's, one actor with the "US-led
    Coalition" another article names. ``countries``: the article's, most telling first (its
    main country, then the country its events happen in)."""
    words = words or load_coref_words()
    key = next((k for c in countries if (k := words.coalition_by_country.get(c))), None)
    actor = gazetteer.get(key) if key is not None else None
    if actor is None:
        return
    for f in found:
        if f.kind == "actor" and f.key == "coalition":
            f.key, f.label, f.actor_type = actor.key, actor.label, actor.actor_type
            f.country = actor.country


_CANDIDATE_POS = frozenset({"NOUN", "PROPN", "PRON"})
_COALITION = frozenset({"Coalition", "coalition"})


def _coalition_word(token: Token) -> bool:
    """ "Coalition aircraft", "the Coalition", "a coalition airstrike": the word alone names
    the coalition when capitalised, or when lower case as a noun's modifier."""
    return token.text == "Coalition" or (token.text == "coalition" and token.dep_ == "compound")


def _partners_of(token: Token, words: CorefWords) -> bool:
    """ "Coalition partners", "our coalition allies": others, named with the noun of those
    who stand with the coalition (``_partners_named``), not the coalition."""
    return token.dep_ == "compound" and token.head.lemma_.lower() in words.partners


def _determined(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") for c in token.children)


def _mention(start: int, end: int, antecedent: Found) -> Found:
    return Found("actor", start, end, antecedent.key, antecedent.label,
                 actor_type=antecedent.actor_type, resolved=True)  # fmt: skip


def _named_after(doc: Doc, noun: Token) -> bool:
    """ "our ally Turkey", "its partner Jordan", "our allies France and Britain": the noun is a
    title of the names right after it, which are the actors (the parse hangs them on the noun
    in apposition, or elsewhere), not "allies of X" of their own."""
    after = noun.i + 1
    return after < len(doc) and doc[after].pos_ == "PROPN" and doc[after].ent_type_ != "DATE"


def _partners(doc: Doc, pronoun: Token, owner: Found | None) -> Found:
    """ "our partners", "its allies and friends", "our Kurdish partners": the others that stand
    with the pronoun's actor, one actor of their own (the whole phrase is the mention)."""
    head = pronoun.head
    end = head.i + 1
    for child in head.rights:  # "allies and friends", "partners on the ground"
        if child.dep_ in ("cc", "conj") or (child.dep_ == "prep" and child.lower_ == "on"):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    label = doc[pronoun.i + 1 : head.i + 1].text
    if owner is not None:
        label = f"{label} of {owner.label}"
    return Found("actor", pronoun.i, end, name_key(label), label,
                 actor_type=ActorType.ORGANISATION, resolved=True)  # fmt: skip


def _partners_named(
    doc: Doc, token: Token, words: CorefWords, taken: tuple[set[int], ...]
) -> Found | None:
    """ "international partners", "allies and partners", "the Coalition partners": others
    that stand with the speaker, named by a plural noun without a possessive; one actor."""
    if (
        token.lemma_.lower() not in words.partners
        or token.tag_ != "NNS"
        or token.dep_ in ("compound", "conj")
        or any(c.dep_ == "poss" for c in token.children)
    ):
        return None
    start = min(
        [token.i, *(c.left_edge.i for c in token.lefts if c.dep_ in ("amod", "compound", "det"))]
    )
    end = token.i + 1
    for child in token.rights:  # "allies and partners"
        if child.dep_ in ("cc", "conj") and child.lemma_.lower() in {*words.partners, "and", "or"}:
            end = max(end, child.i + 1)
        else:
            break
    if doc[end - 1].dep_ == "cc":  # "the friends and loved ones": no phrase ends with "and"
        end -= 1
    if any(i in t for t in taken for i in range(start, end)) or doc[start].is_punct:
        return None
    label = doc[start:end].text
    return Found("actor", start, end, name_key(label), label,
                 actor_type=ActorType.ORGANISATION, resolved=True)  # fmt: skip


def _coalition(start: int, end: int, actors: list[Found]) -> Found:
    """ "the Coalition", "Coalition aircraft": the coalition named before, else the one named
    after (no armed group named a coalition), else a coalition of its own that the article
    names no otherwise."""
    named = [
        f for f in actors
        if "coalition" in f.label.lower() and f.actor_type not in _ARMED
    ]  # fmt: skip  # "the Syrian Arab Coalition", an armed group, is no "Coalition" of states
    fits = [f for f in named if f.end <= start] or named[::-1]
    if fits:
        return _mention(start, end, fits[-1])
    return Found("actor", start, end, "coalition", "Coalition",
                 actor_type=ActorType.EXTERNAL_OTHER, resolved=True)  # fmt: skip


def _generic(
    doc: Doc, token: Token, actors: list[Found], words: CorefWords, taken: set[int]
) -> Found | None:
    """ "the enemy", "this terrorist group", "the Coalition": the phrase as a mention of the
    actor it stands for, or None."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
        return None
    lemma = token.lemma_.lower()
    if lemma not in words.coalition and lemma not in words.enemy_heads:
        return None  # no phrase the rules below accept ends with this noun
    children = list(token.children)
    det = next((c for c in children if c.dep_ in ("det", "poss")), None)
    if det is not None and det.lower_ not in _DETERMINERS:
        return None
    modifiers = [c for c in children if c.dep_ in ("amod", "compound") and c.i < token.i]
    bare_enemy = det is None and any(m.lower_ == "enemy" for m in modifiers)  # "enemy forces"
    if det is None and not bare_enemy:
        return None
    words_of = {lemma} | {f"{m.lemma_.lower()} {lemma}" for m in modifiers}
    start = min([token.i if det is None else det.i, *(m.left_edge.i for m in modifiers)])
    if any(i in taken and not _countered_at(doc, i) for i in range(start, token.i + 1)):
        return None  # a name's phrase, but "the counter-ISIL coalition" is the coalition
    before = [f for f in actors if f.end <= start]
    if lemma in words.coalition:
        return _coalition(start, token.i + 1, actors)
    if not words_of & words.enemy or (
        lemma == "group" and not modifiers and det is not None and det.lower_ == "the"
    ):
        return None  # "the group" alone is any group
    speakers = {f.key for f in actors if _speaks(doc, f, words)}
    speakers |= _acting(token, actors)  # "X retook ground held by the enemy": not X
    if "enemy" in words_of:  # "X ... retook ground held by the enemy": not X, however parsed
        first = columns.sentence_of(doc, token.i)[0]
        speakers |= {f.key for f in before if f.start >= first}
    armed = [f for f in before if f.actor_type in _ARMED and f.key not in speakers]
    if not armed:
        return None
    counts = Counter(f.key for f in armed).most_common(2)
    if "enemy" in words_of and len(counts) > 1 and counts[0][1] == counts[1][1]:
        return None  # "the enemy" of two groups named as often: unsure, none
    best = counts[0][0]
    return _mention(start, token.i + 1, next(f for f in armed if f.key == best))


def _acting(token: Token, actors: list[Found]) -> set[str]:
    """The actors that are the subject of a clause ``token`` is part of: who acts against
    "the enemy" is not the enemy ("the SDF retook territory held by the enemy")."""
    for head in token.ancestors:  # the nearest clause with a subject
        subjects = {c.i for c in head.children if c.dep_ in SUBJECTS}
        if subjects:
            return {f.key for f in actors if any(f.start <= i < f.end for i in subjects)}
    return set()


def _countered_at(doc: Doc, i: int) -> bool:
    """The token is in a name that "counter-" precedes (a name of one or two words)."""
    return countered(doc, i) or (i > 0 and countered(doc, i - 1) and doc[i - 1].is_alpha)


def _speaks(doc: Doc, found: Found, words: CorefWords) -> bool:
    """The actor is the subject of a verb of speaking ("the SDF said"): the enemy it names is
    another."""
    root = doc[span_root(doc, found.start, found.end)]
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in words.speech_verbs
