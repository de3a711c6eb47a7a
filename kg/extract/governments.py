"""Governments named by a common noun ("the government of Iraq", "the Iraqi government",
"Iraq's government", "the government" of the country the events are in) and the state actors
:class:`kg.extract.states.StateFinder` makes (``state_found``: "Government of <country>" or
"Military Forces of <country>", external abroad). Split from :mod:`kg.extract.states`."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import columns
from kg.extract.found import Found, Mentions
from kg.extract.lexicon import Lexicon
from kg.extract.state_roles import StateRoles, StateWords
from kg.keys import name_key
from kg.model import ActorType, PlaceType

__all__ = ["Governments", "no_reference", "state_found"]


class Governments:
    """The finders of governments, built once per lexicon with the state finder's words."""

    def __init__(
        self,
        lexicon: Lexicon,
        words: StateWords,
        roles: StateRoles,
        demonyms: dict[str, str],
        acts: frozenset[str],
        forces: frozenset[str],
    ) -> None:
        self.lex, self.words, self.roles = lexicon, words, roles
        self.demonyms, self.acts, self.forces = demonyms, acts, forces

    def named(self, doc: Doc, mentions: Mentions) -> list[Found]:
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
            found = self.of(doc, token, mentions)
            if found is not None:
                out.append(found)
        return out

    def acting(self, doc: Doc, mentions: Mentions) -> list[Found]:
        """ "The Malian government arrested 12 opposition figures", "the government shelled
        rebel positions": a government that does what an event trigger tells (its subject, or
        the agent of a passive) is found before the events, which read it: the state's
        government, or its forces where the verb is a military one. A bare "the government"
        is the government of the country the events happen in."""
        out = []
        w, dep = self.words, columns.deps(doc)
        for i, lemma in enumerate(columns.lemma_lowers(doc)):
            if lemma not in w.government_heads or dep[i] not in ("nsubj", "pobj"):
                continue
            token = doc[i]
            verb = self.roles.government_act(token, self.acts)
            if verb is None or token.tag_ != "NN":
                continue
            found = self.of(doc, token, mentions) or self.bare(token, mentions)
            if found is None:
                continue
            sent = any(c.dep_ == "dobj" and c.lemma_.lower() in self.forces for c in verb.children)
            if verb.lemma_.lower() in w.military_verbs and not sent:  # not "deployed troops"
                no_reference(mentions, found.start, found.end)
                found = state_found(
                    self.lex, found.start, found.end, found.state, "military", mentions
                )
            out.append(found)
        return out

    def bare(self, token: Token, mentions: Mentions) -> Found | None:
        """ "The government arrested ...": the government of the country the events are in."""
        iso = mentions.event_country or mentions.main_country
        lefts = list(token.lefts)
        if not iso or iso not in self.lex.country_by_iso or [t.lower_ for t in lefts] != ["the"]:
            return None
        if mentions.at(token.i) is not None:
            return None
        return state_found(self.lex, lefts[0].i, token.i + 1, iso, "government", mentions)

    def of(self, doc: Doc, token: Token, mentions: Mentions) -> Found | None:
        """The government a noun of government at ``token`` names by its country ("the
        Iraqi government", "Iraq's government", "the government of Iraq"), or None."""
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
        return state_found(self.lex, start, end, iso, "government", mentions)


def state_found(
    lexicon: Lexicon, start: int, end: int, iso: str, role: str, mentions: Mentions
) -> Found:
    """The state of ``iso`` at ``start:end``: its government, or its forces where ``role`` is
    "military" (the forces the text names already, where it does), state forces at home and
    external forces in another country's events."""
    name = lexicon.country_by_iso[iso].name
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


def no_reference(mentions: Mentions, start: int, end: int) -> None:
    """One span names one thing: the forces found there, not the government the references
    read ("the Syrian government's helicopters struck", "the Malian government shelled")."""
    mentions.references = [r for r in mentions.references if (r.start, r.end) != (start, end)]


def _country(found: Found | None) -> bool:
    return found is not None and found.kind == "place" and found.place_type is PlaceType.COUNTRY
