"""How a country's name reads in its clause, whether it names the country's state there:
acting as its subject ("Turkey struck", "the UK said"), attacked ("Hezbollah attacked
Israel"), one of two sides before their war ("the Iran-Iraq war"), listed among a group of
states that acts ("partner countries, including France"), coordinated with an actor or named
as an ally ("the regime or Russia", "our ally Turkey"). :class:`kg.extract.states.StateFinder`
reads the countries' mentions with these rules; their word lists live in
``kg/data/coref.toml`` (``[states]``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from kg.errors import ResourceError
from kg.extract.acts_on import RECEIVE
from kg.extract.lexicon import read_toml
from kg.extract.machines import hyphened, machine_acts, machine_downed
from kg.resources import data_dir

__all__ = ["StateRoles", "StateWords", "load_state_words"]


@dataclass(frozen=True, slots=True)
class StateWords:
    place_verbs: frozenset[str]
    passive_verbs: frozenset[str]
    state_nouns: frozenset[str]
    military_nouns: frozenset[str]
    military_verbs: frozenset[str]
    partner_words: frozenset[str]
    hostile_nouns: frozenset[str]
    proxy_nouns: frozenset[str]
    hostile_verbs: frozenset[str]
    given_nouns: frozenset[str]
    fire_nouns: frozenset[str]
    machine_nouns: frozenset[str]
    machine_fire: frozenset[str]
    downing_verbs: frozenset[str]
    firing_verbs: frozenset[str]
    stateless_demonyms: frozenset[str]
    government_heads: frozenset[str]
    member_prepositions: frozenset[str]
    polity_nouns: frozenset[str]
    member_verbs: frozenset[str]
    fight_nouns: frozenset[str]
    attack_verbs: frozenset[str]
    aimed_nouns: frozenset[str]
    region_words: frozenset[str]
    paired_nouns: frozenset[str]


@functools.cache
def load_state_words(path: Path | None = None) -> StateWords:
    path = path or data_dir() / "coref.toml"
    raw = read_toml(path)
    try:
        data = raw["states"]
        return StateWords(**{name: frozenset(str(w).lower() for w in data[name])
                             for name in StateWords.__slots__})  # fmt: skip
    except (KeyError, TypeError) as exc:
        raise ResourceError(path, f"missing or malformed list {exc}") from exc


class StateRoles:
    """Reads one country's token in its clause; built once with the word lists."""

    def __init__(self, words: StateWords) -> None:
        self.words = words

    def role(self, token: Token) -> str | None:
        """ "military" or "government" when the country acts here, else None."""
        while token.dep_ == "conj" and token.head != token:
            token = token.head  # "the United States and Iraq signed": the first conjunct acts
        if self.paired(token):
            return "government"
        head, dep, w = token.head, token.dep_, self.words
        lemma = head.lemma_.lower()
        if dep == "nsubj" and head.pos_ in ("VERB", "AUX") and lemma not in w.place_verbs:
            military = lemma in w.military_verbs or self._goes_on_to_fight(head)
            return "military" if military else "government"
        if dep == "nsubjpass" and lemma in w.passive_verbs:
            return "government"
        if dep == "pobj" and head.dep_ == "agent":  # "the ceasefire announced by Russia"
            return "military" if head.head.lemma_.lower() in w.military_verbs else "government"
        if dep in ("npadvmod", "compound", "nmod") and head.tag_ == "VBN":
            # "the Iran-backed Houthis", "Turkey-supported rebels"
            return "government" if lemma in w.partner_words else None
        if dep == "poss" and lemma in w.proxy_nouns:  # "Iran's proxies", "Turkey's troops"
            return "military" if lemma in w.military_nouns else "government"
        if (
            dep in ("poss", "compound", "nmod")
            and head.i > token.i
            and not hyphened(token)
            and (
                machine_acts(head, w.machine_nouns, w.machine_fire)
                or machine_downed(head, w.machine_nouns, w.downing_verbs)
            )
        ):
            return "military"  # "Israel's missiles hit", "killed by a US drone", "downed a US jet"
        if dep in ("poss", "compound", "nmod"):  # "U.S. airstrikes" (often tagged a verb)
            if lemma in w.state_nouns:
                return "military" if lemma in w.military_nouns else "government"
            return None
        if dep == "dobj" and lemma in w.partner_words | w.hostile_verbs:
            return "government"  # "supports Iraq", "to attack the United States"
        governor = head.head.lemma_.lower()
        if dep == "pobj" and head.lower_ in ("with", "between") and governor in w.partner_words:
            return "government"
        if dep == "pobj" and head.lower_ == "against" and governor in w.hostile_nouns:
            return "government"
        if dep == "pobj" and head.lower_ == "from" and governor in w.given_nouns | RECEIVE:
            return "government"  # "the Houthis receive weapons from Iran"
        if dep == "pobj" and self._side_in_fight(head):
            return "government"  # "support for Iraq in the fight against ISIL"
        return None

    def paired(self, token: Token) -> bool:
        """ "the Iran-Iraq war", "the Russia-Ukraine conflict": a country joined by a hyphen
        to another before a noun of a fight between two sides is one of the states that wage
        it, even named once."""
        doc, i = token.doc, token.i
        other = i + 2 if i + 2 < len(doc) and doc[i + 1].text == "-" else i - 2
        if other < 0 or doc[(i + other) // 2].text != "-" or doc[other].pos_ != "PROPN":
            return False
        noun = token.head
        while noun.dep_ in ("compound", "nmod") and noun.pos_ == "PROPN" and noun.head.i > noun.i:
            noun = noun.head  # "Iran" hangs on "Iraq", "Iraq" on "war"
        return (
            noun.lemma_.lower() in self.words.paired_nouns  # "the Iran-Iraq War" is a PROPN
            and max(i, other) < noun.i
        )

    def _goes_on_to_fight(self, verb: Token) -> bool:
        """ "Russia continues to bomb", "Turkey began shelling", "Iran tried to strike": a
        verb whose complement is a military verb; its subject acts through its forces."""
        for _ in range(2):
            complement = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            if complement is None:
                return False
            if complement.lemma_.lower() in self.words.military_verbs:
                return True
            verb = complement
        return False

    def attacked(self, token: Token) -> bool:
        """ "Hezbollah attacked Israel", "the Houthis struck Saudi Arabia", "fired missiles at
        Israel", "rocket attacks on Israel": a country an attack is aimed at, the object of a
        verb of attack or of "at", "on" or "against" after one or after a noun of fire, is
        the state attacked, whose government is the target the events read there."""
        w = self.words
        if any(c.dep_ in ("amod", "compound") and c.lower_ in w.region_words
               for c in token.children):  # fmt: skip
            return False  # "fired rockets at northern Israel": a part of it, a place
        while token.dep_ == "conj" and token.head != token:
            token = token.head  # "attacked Israel and Lebanon"
        head = token.head
        if token.dep_ == "dobj":
            return head.pos_ == "VERB" and head.lemma_.lower() in w.attack_verbs
        if token.dep_ != "pobj" or head.lower_ not in ("at", "on", "against"):
            return False
        governor = head.head
        lemma = governor.lemma_.lower()
        if governor.pos_ == "VERB":
            return lemma in w.attack_verbs
        return governor.pos_ == "NOUN" and lemma in w.aimed_nouns

    def _side_in_fight(self, preposition: Token) -> bool:
        """A country given support "for", or stood "by", in a fight the clause names: "UK
        support for Iraq in the fight against ISIL", "the UK stands by Iraq in its fight
        against Daesh": a side of that fight, its state."""
        governor = preposition.head
        lemma = governor.lemma_.lower()
        if not (
            (preposition.lower_ == "for" and lemma in self.words.given_nouns)
            or (preposition.lower_ == "by" and lemma == "stand")
        ):
            return False
        holders = [governor]
        if governor.dep_ in ("dobj", "nsubj", "nsubjpass"):
            holders.append(governor.head)  # "reiterates support for Iraq in the fight": the verb's
        return any(
            c.dep_ == "prep" and c.lower_ == "in"
            and any(o.dep_ == "pobj" and o.lemma_.lower() in self.words.fight_nouns
                    for o in c.children)
            for h in holders for c in h.children
        )  # fmt: skip

    def member(self, token: Token) -> bool:
        """ "Coalition nations which have conducted strikes include Australia, Belgium and
        Canada", "partner countries, including France": a country listed among the members of
        a group of states (``[states] polity_nouns``) that acts is one of those states."""
        first = token
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        head, w = first.head, self.words
        if first.dep_ in ("dobj", "attr") and head.lemma_.lower() in w.member_verbs:
            group = next((c for c in head.children if c.dep_ == "nsubj"), None)
        elif first.dep_ == "pobj" and head.lower_ in w.member_prepositions:
            group = head.head  # the group acts ("partner countries, including France, flew
            # missions"); "refugees fled to countries including Jordan" names places
            if group.dep_ not in ("nsubj", "nsubjpass"):
                return False
        else:
            return False
        return group is not None and group.pos_ == "NOUN" and group.lemma_.lower() in w.polity_nouns

    def beside_actor(self, token: Token, actors: set[int]) -> str | None:
        """ "the Asad regime or Russia", "its backers, notably Russia", "our ally Turkey": a
        country coordinated with an actor the text names, in apposition to one or to a noun
        of those who stand with one, or named among an actor's members, acts as a state.
        ``actors``: the tokens of the mention finder's actors."""
        first = token
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        conjuncts = [first, *(c for c in first.subtree if c.dep_ == "conj")]
        if any(t.i in actors for t in conjuncts if t != token):
            return "government"
        head = first.head
        if first.dep_ == "pobj" and head.lower_ in self.words.member_prepositions:
            head = head.head
        elif first.dep_ != "appos":
            head = next((c for c in token.lefts if c.dep_ in ("compound", "appos")), token)
        if head == token:
            return None  # a country's name inside an actor's ("U.S. Naval Forces")
        if head.i in actors or (
            head.pos_ == "NOUN" and head.lemma_.lower() in self.words.partner_words
        ):
            return "government"  # "our ally Turkey": the ally named before its name
        return None

    def named_partner(self, token: Token) -> bool:
        """ "our ally Turkey", "its partner, Iran": a country named by a noun of alliance
        beside its name is a side, its state, even named once."""
        nouns = [token.head] if token.dep_ == "appos" else []
        nouns += [c for c in token.children if c.dep_ in ("compound", "appos")]
        return any(n.pos_ == "NOUN" and n.lemma_.lower() in self.words.partner_words
                   for n in nouns)  # fmt: skip

    def government_act(self, token: Token, acts: frozenset[str]) -> Token | None:
        """The verb of the event a government does, or None: the verb whose subject it is
        ("the government arrested"), or the agent of ("were arrested by the government"), or a
        clause of that verb whose subject refers back to it or that it goes on to do ("the
        government said it had arrested", "continued to arrest"). ``acts``: the verbs of events
        other than statements."""
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "agent":
            return head.head if head.head.lemma_.lower() in acts else None
        if token.dep_ != "nsubj":
            return None
        if head.lemma_.lower() in acts:
            return head
        for c in head.children:
            own = c.dep_ == "xcomp" or any(
                s.dep_ == "nsubj" and s.lower_ in ("it", "we") for s in c.children
            )
            if c.dep_ in ("ccomp", "xcomp") and own and c.lemma_.lower() in acts:
                return c
        return None
