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
between actors and the graph. How a country's name reads in its clause is
:mod:`kg.extract.state_roles`; governments named by a common noun, and the state actors made
here, :mod:`kg.extract.governments`; the word lists live in ``kg/data/coref.toml``
(``[states]``).
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from kg.extract import columns
from kg.extract.acts_on import acts_on
from kg.extract.found import Found, Mentions
from kg.extract.governments import Governments, no_reference, state_found
from kg.extract.lexicon import Lexicon, read_words
from kg.extract.machines import (
    coordinated_fire,
    hyphened,
    machine_acts,
    machine_downed,
    machine_led,
)
from kg.extract.name_context import load_organisation_heads
from kg.extract.peoples import find_peoples, load_irregular, people_names
from kg.extract.prefixed import PrefixedNames
from kg.extract.roots import span_root
from kg.extract.state_roles import StateRoles, StateWords, load_state_words
from kg.model import ActorType, PlaceType

__all__ = ["StateFinder"]

_ARTICLES = frozenset({"the"})
# armed groups that fight a state, not its forces: "Lowland's Hill Liberation Army"
_NON_STATE = frozenset({ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA,
                        ActorType.IDENTITY_MILITIA})  # fmt: skip
# nouns a country's name modifies as a place: "the U.S. border", "Syria region"
_PLACE_HEADS = frozenset({"area", "region", "border", "territory", "soil", "coast", "side",
                          "embassy", "base", "airspace", "waters", "capital"})  # fmt: skip


class StateFinder:
    """Built once per lexicon; ``find`` runs on every Doc after its mentions and events."""

    def __init__(self, lexicon: Lexicon, words: StateWords | None = None) -> None:
        self.lex = lexicon
        self.words = words or load_state_words()
        self.roles = StateRoles(self.words)  # how a country's name reads in its clause
        self.place_heads = lexicon.word_set("mentions", "place_nouns") | _PLACE_HEADS
        # a title or a body's last word: "US Secretary of State", "U.S. Navy", "UK Government",
        # "the U.S. Embassy"
        self.owned_heads = (
            lexicon.word_set("mentions", "titles")
            | load_organisation_heads()
            | read_words("names.toml", "organisations", "missions")
        ) - self.place_heads
        self.peoples = people_names(lexicon.countries, load_irregular())
        self.prefixed = PrefixedNames(lexicon)
        self.forces = lexicon.word_set("events", "force_nouns")
        # verbs of events other than statements: a government that does them acts in an event
        self.acts = frozenset(
            t.lemmas[0] for t in lexicon.triggers
            if len(t.lemmas) == 1 and t.pos != "NOUN" and t.event_class != "statement"
        )  # fmt: skip
        self.demonyms: dict[str, str] = {}
        for country in lexicon.countries:
            for name in country.demonyms:
                self.demonyms.setdefault(name.lower(), country.iso)
        self.governments = Governments(
            lexicon, self.words, self.roles, self.demonyms, self.acts, self.forces
        )

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
        out = (
            self._fire(doc, mentions) + self.governments.acting(doc, mentions)
            if military
            else self.governments.named(doc, mentions)
        )
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
            token = doc[span_root(doc, f.start, f.end)]
            if military and self.roles.attacked(token):
                state = self._state(f.start, f.end, f.country, "government", mentions)
                mentions.attacked.update((i, state) for i in range(f.start, f.end))
                continue  # the events read the state there, the place stays theirs
            attacked = mentions.attacked.get(f.start)
            member = not military and self.roles.member(token)
            if attacked is not None and attacked.key in used:
                role: str | None = "government"  # the state an event took as attacked
            elif _owner_of_named(token, mentions):
                role = None  # "Colombia's National Liberation Army": whose group, no doer
            else:
                role = (
                    "government"
                    if member
                    else self.roles.role(token) or self.roles.beside_actor(token, actors)
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
        does; so does one on a weapon or a war machine that acts in its clause ("Russian
        missiles struck", "killed by a Turkish drone", "a Russian drone attack":
        :mod:`kg.extract.machines`). On other
        nouns ("Kurdish offensive") a demonym may name a people or a group, not the state, as
        it does on a stateless people's weapons ("Palestinian rockets")."""
        out = []
        dep = columns.deps(doc)
        w = self.words
        for i, lower in enumerate(columns.lowers(doc)):  # no Token made for other words
            iso = self.demonyms.get(lower)
            if iso is None or dep[i] not in ("amod", "compound", "nmod"):
                continue
            token = doc[i]
            if token.head.i < token.i:
                continue
            fire = token.head.lemma_.lower() in w.fire_nouns or (
                lower not in w.stateless_demonyms and machine_led(token, w.machine_nouns)
            )
            if not (fire or coordinated_fire(token.head, w.fire_nouns)) and (
                lower in w.stateless_demonyms
                or hyphened(token)
                or not (
                    machine_acts(token.head, w.machine_nouns, w.machine_fire)
                    or machine_downed(token.head, w.machine_nouns, w.downing_verbs)
                )
            ):
                continue
            if mentions.at(token.i) is not None or mentions.at(token.head.i) is not None:
                continue
            out.append(self._state(token.i, token.i + 1, iso, "military", mentions))
        return out + self._governments_machines(doc, mentions)

    def _governments_machines(self, doc: Doc, mentions: Mentions) -> list[Found]:
        """ "The Syrian government's helicopters struck": a government named as the owner of
        war machines that act names its state's forces (the whole phrase, no government)."""
        out = []
        w, dep = self.words, columns.deps(doc)
        for i, lemma in enumerate(columns.lemma_lowers(doc)):
            if lemma not in w.government_heads or dep[i] != "poss":
                continue
            token = doc[i]
            if not machine_acts(token.head, w.machine_nouns, w.machine_fire):
                continue
            government = self.governments.of(doc, token, mentions)
            if government is None or not government.state:
                continue
            start, end = government.start, government.end
            out.append(self._state(start, end, government.state, "military", mentions))
            no_reference(mentions, start, end)
        return out

    def _nationality(self, doc: Doc, f: Found) -> bool:
        """ "U.S. service members", "U.K. ships": a country's name modifying a plural noun
        that is no place tells whose they are, not where: no mention of the place (re3d's
        convention too). So does one modifying a title or a body's name: "the US Secretary of
        State", "the UK Special Representative", "the U.S. Navy", "The UK Government", "the U.S.
        Embassy"."""
        token = doc[span_root(doc, f.start, f.end)]
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

    # -- countries named once -----------------------------------------------------------------

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
            root = doc[span_root(doc, f.start, f.end)]
            side = state.key in used or self.roles.paired(root)  # an end of a relation
            if f.key in placed and not side:
                continue  # an event's place, or the article's main one (where events the
                # text places nowhere are): it keeps its mention
            if (
                side
                or self.roles.named_partner(root)
                or acts_on(root, actors, self.words.proxy_nouns, self.words.hostile_verbs)
            ):
                if f.key in placed and sum(p.key == f.key for p in mentions.found) == 1:
                    mentions.unnamed_places.append(dataclasses.replace(f))
                _become(f, state)
                for i in range(f.start, f.end):
                    mentions.acting.pop(i, None)

    # -- the actor ---------------------------------------------------------------------------

    def _government_at(self, start: int, end: int, iso: str, mentions: Mentions) -> Found:
        return self._state(start, end, iso, "government", mentions)

    def _state(self, start: int, end: int, iso: str, role: str, mentions: Mentions) -> Found:
        return state_found(self.lex, start, end, iso, role, mentions)


def _owner_of_name(place: Found, mentions: Mentions) -> bool:
    """ "U.S. Naval Forces Central Command": a country's name that starts an organisation's
    name tells whose the organisation is, as "U.S. service members" tells whose they are."""
    return any(
        f.kind == "actor" and f.start == place.start and f.end > place.end for f in mentions.found
    )


def _owner_of_named(token: Token, mentions: Mentions) -> bool:
    """ "Lowland's Hill Liberation Army (HLA) attacked": a country's possessive before the
    name of an armed group that fights its state (the name's or its short name's, told in
    brackets) tells where the group is from; the group, not the country, acts ("Lowland's
    National Army" is the state's)."""
    head = token.head
    if token.dep_ != "poss" or head.pos_ != "PROPN" or head.i <= token.i:
        return False
    for name in (head, *(c for c in head.children if c.dep_ == "appos")):
        named = mentions.at(name.i)
        if named is not None and named.kind == "actor" and named.actor_type in _NON_STATE:
            return True
    return False


def _become(place: Found, state: Found) -> None:
    place.kind, place.key, place.label = "actor", state.key, state.label
    place.actor_type, place.place_type, place.country = state.actor_type, None, ""
    place.external, place.state = state.external, state.state
