"""Countries acting as states: "the UK said", "Turkey struck", "Iraq's government", "U.S.
airstrikes", "working closely with Turkey", and governments named by a common noun ("the
government of Iraq", "the Iraqi government").

Where a country acts, its name with its article ("the UK") is a mention of its state, and the
name alone ("UK") stays a mention of the place; a name without an article ("Turkey struck",
"U.S. airstrikes") is one span, so it names the state. Where it is the place's only mention, the
event rules read the state there (``Mentions.acting``) and the span stays the place's until the
events are found; then it becomes the state's if the country acts on an actor the text names
(:mod:`kg.extract.acts_on`: "Iran supplies weapons to the Houthis"), unless an event is placed
at that country or it is the article's main one. A country attacked ("Hezbollah attacked
Israel", "fired missiles at Israel") is the state attacked, the target the events read there,
and where an event between two sides took it (or the country is one of two named before their
war: "the Iran-Iraq war"), its span becomes the state's even there; the place stays the
event's, with no mention of its own. The state is "Government of <country>" (state
forces at home; abroad, external forces in the article's events, as ACLED codes foreign
governments, under the same key: ``Found.external``), or "Military Forces of <country>" when it
acts through force ("Turkey shelled", "U.S. airstrikes"), the key of the gazetteer's and the
generic rules' state forces. A country's name that tells whose people or
things are ("U.S. service members", "U.K. ships") is no mention of the place, unless it is the
place's only one. These mentions are added to the mention finder's before the events are
found, so that "Turkey shelled" and "U.S. airstrikes" have their agent, and serve the relations
between actors and the graph. The word lists live in ``kg/data/coref.toml`` (``[states]``).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from kg.errors import ResourceError
from kg.extract import columns
from kg.extract.acts_on import RECEIVE, acts_on
from kg.extract.found import Found, Mentions
from kg.extract.lexicon import Lexicon, read_toml
from kg.extract.name_context import load_organisation_heads
from kg.extract.peoples import find_peoples, load_irregular, people_names
from kg.extract.prefixed import PrefixedNames
from kg.keys import name_key
from kg.model import ActorType, PlaceType
from kg.resources import data_dir

__all__ = ["StateFinder", "StateWords", "load_state_words"]

_ARTICLES = frozenset({"the"})
# nouns a country's name modifies as a place: "the U.S. border", "Syria region"
_PLACE_HEADS = frozenset({"area", "region", "border", "territory", "soil", "coast", "side",
                          "embassy", "base", "airspace", "waters", "capital"})  # fmt: skip


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
    government_heads: frozenset[str]
    member_prepositions: frozenset[str]
    polity_nouns: frozenset[str]
    member_verbs: frozenset[str]
    fight_nouns: frozenset[str]
    attack_verbs: frozenset[str]
    aimed_nouns: frozenset[str]
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


class StateFinder:
    """Built once per lexicon; ``find`` runs on every Doc after its mentions and events."""

    def __init__(self, lexicon: Lexicon, words: StateWords | None = None) -> None:
        self.lex = lexicon
        self.words = words or load_state_words()
        self.place_heads = lexicon.word_set("mentions", "place_nouns") | _PLACE_HEADS
        # a title or a body's last word: "US Secretary of State", "U.S. Navy", "UK Government"
        self.owned_heads = (
            lexicon.word_set("mentions", "titles") | load_organisation_heads()
        ) - self.place_heads
        self.peoples = people_names(lexicon.countries, load_irregular())
        self.prefixed = PrefixedNames(lexicon)
        self.demonyms: dict[str, str] = {}
        for country in lexicon.countries:
            for name in country.demonyms:
                self.demonyms.setdefault(name.lower(), country.iso)

    def find(
        self,
        doc: Doc,
        mentions: Mentions,
        military: bool = False,
        placed: frozenset[str] = frozenset(),
        used: frozenset[str] = frozenset(),
    ) -> list[Found]:
        """The state mentions of a Doc, added to ``mentions`` and returned. ``military``: the
        countries that act through their forces ("Turkey shelled", "U.S. airstrikes"), found
        before the events, which read them; else the others, found after the events: the
        countries that act as governments ("the UK said", "announced by Russia": no fighter
        of the clauses below them) and the governments named by a common noun. ``placed``:
        the keys of the places the events are located at, which keep their mentions;
        ``used``: the actors the events (not statements) between two sides or more took as
        agents or targets."""
        out = self._fire(doc, mentions) if military else self._governments(doc, mentions)
        if not military:  # "the Turks", "the French": a nation's people (kg/extract/peoples.py)
            mentions.references += find_peoples(doc, mentions, self.peoples)
            # "the anti-Houthi coalition", "pro-Russian separatists": kg/extract/prefixed.py
            out += self.prefixed.find(doc, mentions, self._government_at)
        inside = {i for f in out for i in range(f.start, f.end)}
        actors = {i for f in mentions.found if f.kind == "actor" for i in range(f.start, f.end)}
        dropped: list[Found] = []
        for f in mentions.found:
            if f.kind != "place" or f.place_type is not PlaceType.COUNTRY or not f.country:
                continue
            if f.start in inside:
                continue
            token = doc[f.start : f.end].root
            if military and self._attacked(token):
                state = self._state(f.start, f.end, f.country, "government", mentions)
                mentions.attacked.update((i, state) for i in range(f.start, f.end))
                continue  # the events read the state there, the place stays theirs
            attacked = mentions.attacked.get(f.start)
            member = not military and self._member(token)
            if attacked is not None and attacked.key in used:
                role: str | None = "government"  # the state an event took as attacked
            else:
                role = (
                    "government"
                    if member
                    else self._role(token) or self._beside_actor(token, actors)
                )
            if role is None:
                if (
                    not military
                    and (self._nationality(doc, f) or _owner_of_name(f, mentions))
                    and sum(p.key == f.key for p in mentions.found) > 1
                ):
                    dropped.append(f)
                continue
            if (role == "military") != military:
                continue
            start = f.start
            if (
                start > 0
                and doc[start - 1].lower_ in _ARTICLES
                and (f.end == len(doc) or doc[f.end].text != "-")  # not "the Iran-backed X"
                and mentions.at(start - 1) is None
            ):
                start -= 1  # "the UK": the state is named with its article
            state = self._state(start, f.end, f.country, role, mentions)
            if start < f.start:
                out.append(state)  # "the UK" names the state, "UK" the place
            elif sum(p.key == f.key for p in mentions.found) > 1 or (
                member and f.key not in placed | {mentions.main_place}
            ):
                _become(f, state)  # one span names one thing: the state; the place keeps
                # its other mentions (a state listed among others is one named once too)
            else:  # a place named only here stays a place; the events read the state here
                mentions.acting.update((i, state) for i in range(f.start, f.end))
        if not military:
            self._promote_acting(doc, mentions, placed | {mentions.main_place}, used)
        for f in dropped:  # kept where it is the place's last mention
            if sum(p.key == f.key for p in mentions.found) > 1:
                mentions.found.remove(f)
                for i in range(f.start, f.end):
                    mentions.by_token.pop(i, None)
        mentions.add(out)
        return out

    def _fire(self, doc: Doc, mentions: Mentions) -> list[Found]:
        """ "Russian airstrikes", "Israeli raids": a country's demonym on a noun of fire from
        the air or of a raid (``[states] fire_nouns``) names its forces, as "U.S. airstrikes"
        does; on other nouns ("Kurdish offensive", "Palestinian rockets") a demonym may name
        a people or a group, not the state."""
        out = []
        dep = columns.deps(doc)
        for i, lower in enumerate(columns.lowers(doc)):  # no Token made for other words
            iso = self.demonyms.get(lower)
            if iso is None or dep[i] not in ("amod", "compound", "nmod"):
                continue
            token = doc[i]
            if token.head.lemma_.lower() not in self.words.fire_nouns or token.head.i < token.i:
                continue
            if mentions.at(token.i) is not None or mentions.at(token.head.i) is not None:
                continue
            out.append(self._state(token.i, token.i + 1, iso, "military", mentions))
        return out

    def _nationality(self, doc: Doc, f: Found) -> bool:
        """ "U.S. service members", "U.K. ships": a country's name modifying a plural noun
        that is no place tells whose they are, not where: no mention of the place (re3d's
        convention too). So does one modifying a title or a body's name: "the US Secretary of
        State", "the UK Special Representative", "the U.S. Navy", "The UK Government"."""
        token = doc[f.start : f.end].root
        head = token.head
        lemma = head.lemma_.lower()
        return (
            token.dep_ in ("compound", "nmod")
            and head.i >= f.end
            and (
                (head.tag_ == "NNS" and lemma not in self.place_heads)
                or (
                    head.pos_ == "PROPN"
                    and lemma in self.owned_heads
                    and (f.start == 0 or doc[f.start - 1].pos_ != "ADP")  # "In Turkey Minister X"
                )
            )
            and (f.start == 0 or doc[f.start - 1].pos_ != "PROPN")  # "in Tultitlan Mexico"
        )

    # -- countries ---------------------------------------------------------------------------

    def _role(self, token: Token) -> str | None:
        """ "military" or "government" when the country acts here, else None."""
        while token.dep_ == "conj" and token.head != token:
            token = token.head  # "the United States and Iraq signed": the first conjunct acts
        if self._paired(token):
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

    def _paired(self, token: Token) -> bool:
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

    def _attacked(self, token: Token) -> bool:
        """ "Hezbollah attacked Israel", "the Houthis struck Saudi Arabia", "fired missiles at
        Israel", "rocket attacks on Israel": a country an attack is aimed at, the object of a
        verb of attack or of "at", "on" or "against" after one or after a noun of fire, is
        the state attacked, whose government is the target the events read there."""
        while token.dep_ == "conj" and token.head != token:
            token = token.head  # "attacked Israel and Lebanon"
        head, w = token.head, self.words
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

    def _member(self, token: Token) -> bool:
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

    def _beside_actor(self, token: Token, actors: set[int]) -> str | None:
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

    def _promote_acting(
        self, doc: Doc, mentions: Mentions, placed: frozenset[str], used: frozenset[str]
    ) -> None:
        """A country named once that acts on another actor ("Iran supplies weapons to the
        Houthis", "Russia backs the regime", "rebels backed by Iran", "Iran's proxies"), or is
        named as an ally ("our ally Turkey"), names the state there, as a country named twice
        does: the events, found before, read the state at that span (``Mentions.acting``); now
        that they are found, the span becomes the state's mention, an end of the relations its
        sentence states. A country named once that acts on no actor ("Turkey condemned the
        attack", "Turkey shelled Kurdish positions") stays the place, as re3d and the geocoder
        read it. A country whose state an event between two sides took as one of them ("Russia
        and the regime continue to bomb Aleppo", "Hezbollah attacked Israel") names the state
        there too, an end of the relation; where an event is placed at it, the
        place stays the event's, with no mention of its own (``Mentions.unnamed_places``)."""
        named = [*mentions.found, *mentions.references]
        actors = {i for f in named if f.kind == "actor" for i in range(f.start, f.end)}
        for f in mentions.found:
            state = mentions.acting.get(f.start)
            if f.kind != "place" or state is None or state.start != f.start:
                continue
            root = doc[f.start : f.end].root
            side = state.key in used or self._paired(root)  # an end of a relation
            if f.key in placed and not side:
                continue  # an event's place, or the article's main one (where events the
                # text places nowhere are): it keeps its mention
            if (
                side
                or self._named_partner(root)
                or acts_on(root, actors, self.words.proxy_nouns, self.words.hostile_verbs)
            ):
                if f.key in placed and sum(p.key == f.key for p in mentions.found) == 1:
                    mentions.unnamed_places.append(dataclasses.replace(f))
                _become(f, state)
                for i in range(f.start, f.end):
                    mentions.acting.pop(i, None)

    def _named_partner(self, token: Token) -> bool:
        """ "our ally Turkey", "its partner, Iran": a country named by a noun of alliance
        beside its name is a side, its state, even named once."""
        nouns = [token.head] if token.dep_ == "appos" else []
        nouns += [c for c in token.children if c.dep_ in ("compound", "appos")]
        return any(n.pos_ == "NOUN" and n.lemma_.lower() in self.words.partner_words
                   for n in nouns)  # fmt: skip

    # -- governments -------------------------------------------------------------------------

    def _governments(self, doc: Doc, mentions: Mentions) -> list[Found]:
        """ "the government of Iraq", "the Iraqi government", "Iraq's government"."""
        out = []
        heads = self.words.government_heads
        for i, lemma in enumerate(columns.lemma_lowers(doc)):
            if lemma not in heads:
                continue
            token = doc[i]
            if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
                continue
            if token.dep_ == "compound":
                continue
            found = self._government(doc, token, mentions)
            if found is not None:
                out.append(found)
        return out

    def _government(self, doc: Doc, token: Token, mentions: Mentions) -> Found | None:
        iso, end = "", token.i + 1
        for child in token.children:
            place = mentions.at(child.i)
            if child.dep_ in ("poss", "compound") and _country(place):
                iso = place.country if place else ""
            elif child.dep_ == "amod" and child.lower_ in self.demonyms:
                iso = self.demonyms[child.lower_]
            elif child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                place = mentions.at(obj.i) if obj is not None else None
                if place is not None and _country(place):
                    iso, end = place.country, place.end
                    if any(c.dep_ == "conj" and c.i < child.i for c in token.rights):
                        end = token.i + 1  # "the government and people of Iraq": shared
        if not iso:
            return None
        start = token.left_edge.i
        while start < token.i and (doc[start].is_punct or doc[start].is_space):
            start += 1
        if any((f := mentions.at(i)) is not None and f.kind == "actor" for i in range(start, end)):
            return None  # "the Houthi-led government": a name the gazetteer knows
        return self._state(start, end, iso, "government", mentions)

    # -- the actor ---------------------------------------------------------------------------

    def _government_at(self, start: int, end: int, iso: str, mentions: Mentions) -> Found:
        return self._state(start, end, iso, "government", mentions)

    def _state(self, start: int, end: int, iso: str, role: str, mentions: Mentions) -> Found:
        name = self.lex.country_by_iso[iso].name
        where = mentions.event_country or mentions.main_country  # where the events happen
        home = not where or where == iso
        if role == "military":
            label = f"Military Forces of {name}"
            same = [f for f in mentions.found if f.kind == "actor" and f.country == iso
                    and f.label.startswith(label)]  # fmt: skip
            if same:  # the forces the text names already ("Turkish troops ... Turkey shelled")
                return Found("actor", start, end, same[0].key, same[0].label,
                             actor_type=same[0].actor_type)  # fmt: skip
        else:
            label = f"Government of {name}"
        actor_type = ActorType.STATE_FORCES if home else ActorType.EXTERNAL_OTHER
        return Found("actor", start, end, name_key(label), label, actor_type=actor_type,
                     external=not home, state=iso)  # fmt: skip


def _owner_of_name(place: Found, mentions: Mentions) -> bool:
    """ "U.S. Naval Forces Central Command": a country's name that starts an organisation's
    name tells whose the organisation is, as "U.S. service members" tells whose they are."""
    return any(
        f.kind == "actor" and f.start == place.start and f.end > place.end for f in mentions.found
    )


def _become(place: Found, state: Found) -> None:
    place.kind, place.key, place.label = "actor", state.key, state.label
    place.actor_type, place.place_type, place.country = state.actor_type, None, ""
    place.external, place.state = state.external, state.state


def _country(found: Found | None) -> bool:
    return found is not None and found.kind == "place" and found.place_type is PlaceType.COUNTRY
