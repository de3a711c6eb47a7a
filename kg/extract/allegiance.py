"""Whose the men a generic actor noun names are, for the generic rules
(:mod:`kg.extract.generic`): the country a demonym or a country's name tells, in the phrase
("Syrian troops") or after "of" ("the people of Iraq"), never a backer ("Turkish-backed
forces") nor a country after "pro-"; forces backed by another are its proxies, no state's;
the war machines of a country that strike abroad ("Russian bombers"); and state forces
acting outside their country, external forces in the article's events.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract import columns
from kg.extract.found import Found, Mentions
from kg.extract.generic_context import noun_modifiers, stance_before, with_proxies
from kg.model import ActorType

__all__ = ["Allegiance", "sent_sides"]


@dataclass(frozen=True, slots=True)
class Allegiance:
    """Built once: ``demonyms``, demonyms and countries' names (lower case) to ISO codes;
    ``backing``, participles of backing ("backed", "trained"); ``hardware``, nouns of war
    machines; ``war_countries``, the countries of the lexicon's war regions; ``countries``,
    the ISO codes of the lexicon's countries; ``sending``, verbs of sending men ("deploy");
    ``units``, bodies of a state's forces ("contingent", "battalion")."""

    demonyms: Mapping[str, str]
    backing: Set[str]
    hardware: Set[str]
    war_countries: Set[str]
    countries: Set[str]
    sending: Set[str] = frozenset()
    units: Set[str] = frozenset()

    def arms_of(self, token: Token) -> bool:
        """Whether ``token`` names a country whose war machines strike abroad: "Russian" in
        "Russian bombers". Its soldiers and police are mostly at home ("Nigerian troops",
        "Kenyan police"), and so are the machines of a country where the lexicon places wars
        (``[places.regions]``: "Syrian helicopters"), unless the text places events elsewhere."""
        head = token.head
        if token.dep_ not in ("amod", "compound", "nmod") or head.i == token.i:
            return False
        if self.demonyms.get(token.lower_) in self.war_countries:
            return False
        return head.lemma_.lower() in self.hardware

    def backed(self, token: Token) -> bool:
        """Whether a participle of backing modifies the noun: "Turkish-backed forces",
        "U.S.-backed forces" (one token), "US-trained Syrian forces"."""
        lower = columns.lowers(token.doc)
        return any(self._backing(lower[m]) for m in noun_modifiers(token))

    def _backing(self, word: str) -> bool:
        """A participle of backing (a lower-cased word), alone ("backed") or glued to its
        backer ("U.S.-backed")."""
        return word in self.backing or word.rpartition("-")[2] in self.backing

    def _backer(self, token: Token) -> bool:
        """The backer before a participle of backing: "Turkish" in "Turkish-backed forces"."""
        return token.i < token.head.i and token.head.lower_ in self.backing

    def of_country(self, token: Token, preps: Set[str] = frozenset({"of"})) -> str:
        """The country after "of": "the people of Iraq", "the government and people of Iraq"
        (an "of" the first conjunct holds, after this one); or the country whose body of forces
        (``units``) follows "of": "a soldier of the AMISOM Burundi contingent", "troops of the
        Kenyan battalion". ``preps``: the prepositions read ("from" too for a mission's men,
        "peacekeepers from Nepal")."""
        holders = [token]
        if token.dep_ == "conj" and token.head.i < token.i:
            holders.append(token.head)
        for holder in holders:
            for prep in holder.rights:
                if prep.dep_ != "prep" or prep.lower_ not in preps or prep.i < token.i:
                    continue
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        words = [t.lower_ for t in obj.lefts if t.dep_ == "compound"]
                        iso = self.demonyms.get(" ".join([*words, obj.lower_]))
                        if iso:
                            return iso
                        if obj.lemma_.lower() in self.units:
                            span = obj.doc[obj.left_edge.i : obj.i + 1]
                            iso = self.actor_country(span)
                            if iso:
                                return iso
        return ""

    def sender(self, token: Token) -> str:
        """The country whose forces send the men ``token`` names, the object of a verb of
        sending (``sending``): "Turkey deployed troops to Lowtown, Ruritania", "the Turkish
        army sent soldiers" are Turkey's men, wherever they go; or ""."""
        verb = token.head
        if token.dep_ != "dobj" or verb.lemma_.lower() not in self.sending:
            return ""
        for subject in verb.children:
            if subject.dep_ == "nsubj":
                words = [t.lower_ for t in subject.lefts if t.dep_ == "compound"]
                iso = self.demonyms.get(" ".join([*words, subject.lower_]))
                span = subject.doc[subject.left_edge.i : subject.i + 1]
                return iso or self.actor_country(span)
        return ""

    def actor_country(self, span: Span) -> str:
        """The country a demonym or a country's name in the phrase tells, or ""."""
        for token in span:
            if self._backer(token) or stance_before(token) is not None:
                continue  # "Turkish-backed forces", "pro-Turkey rebels" are not Turkey's
            if with_proxies(token, span.end):
                continue  # "Turkish and pro-Turkish rebel fighters": the rebels are no Turk's
            iso = self.demonyms.get(token.lower_)
            if iso:
                return iso
        return ""

    def abroad(self, found: list[Found], event: str) -> None:
        """State forces acting outside their country are external forces in the article's
        events, as ACLED codes them ("Turkish forces shelled Aqibah in Aleppo"): still
        "Military Forces of Turkey", one actor wherever it acts (``Found.external``)."""
        if event not in self.countries:
            return
        for f in found:
            state = f.kind == "actor" and f.actor_type == ActorType.STATE_FORCES
            if state and f.country and f.country != event:
                f.actor_type, f.external = ActorType.EXTERNAL_OTHER, True


def sent_sides(
    agents: list[str], targets: list[str], mentions: Mentions, sender: bool
) -> tuple[list[str], list[str]]:
    """The sides of a verb of sending men ("Turkey deployed troops to Lowtown"): the forces
    sent are the sender's own, no target; with a sender told but read as no actor ("Russia
    sent troops"), the state forces sent are the doers (not in the passive, "troops were
    sent", which tells no sender)."""
    targets = [k for k in targets if k not in agents]
    if agents or not sender:
        return agents, targets
    sent = [k for k in targets if _sent_forces(mentions, k)]
    return sent, [k for k in targets if k not in sent]


def _sent_forces(mentions: Mentions, key: str) -> bool:
    found = mentions.at_key(key)
    return (
        found is not None
        and found.actor_type
        in (
            ActorType.STATE_FORCES,
            ActorType.EXTERNAL_OTHER,
        )
        and found.label.startswith("Military Forces")
    )
