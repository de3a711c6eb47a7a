"""Names inside a prefix of stance: "the anti-Houthi coalition", "pro-Assad militias",
"pro-Russian separatists", "anti-Taliban forces". The mention finder leaves a name after
"anti-" out (:func:`kg.extract.spans.opposed`: it says whom the actor opposes, not who it
is), so that the events read the phrase's head; the name still names an actor, the one the
phrase's actor fights ("anti-") or stands with ("pro-"), and becomes a mention of
its own, nested in the phrase's, once the events are found. :mod:`kg.extract.fight_cues`
reads the relation. A name the gazetteer knows (``actors.tsv``) is that actor; a country's
name or demonym ("pro-Russian") is its government; any other word ("anti-government",
"pro-democracy") is no name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extract import columns
from kg.extract.found import Found, Mentions
from kg.extract.lexicon import Lexicon

__all__ = ["STANCE_PREFIXES", "PrefixedNames"]

# prefix -> the stance of the phrase's actor toward the name: "against" or "for". Not
# "counter-": "the Counter-Daesh Coalition" is a name, whose inner name the mention finder
# keeps (kg.extract.spans.countered), and re3d codes no fight from it
STANCE_PREFIXES = {"anti": "against", "pro": "for"}
_LONGEST = 4  # tokens of the longest name looked up


@dataclass(frozen=True, slots=True)
class _Name:
    key: str  # an actor's key, or a country's ISO code when ``country``
    country: bool


class PrefixedNames:
    """Built once per lexicon: the gazetteer's names and the countries' words, lower-cased."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.actors = {a.key: a for a in lexicon.actors}
        self.names: dict[str, _Name] = {}
        for actor in lexicon.actors:
            for name in (actor.label, *actor.aliases):
                self.names.setdefault(name.lower(), _Name(actor.key, False))
        for country in lexicon.countries:
            for name in (country.name, *country.aliases, *country.demonyms):
                self.names.setdefault(name.lower(), _Name(country.iso, True))

    def find(
        self, doc: Doc, mentions: Mentions, state: Callable[[int, int, str, Mentions], Found]
    ) -> list[Found]:
        """The names after "anti-" or "pro-" in ``doc`` that no mention of their own names
        yet; ``state(start, end, iso, mentions)``: the mention of a country's government."""
        out = []
        lower, text = columns.lowers(doc), columns.texts(doc)
        for i in range(len(doc) - 2):
            if lower[i] not in STANCE_PREFIXES or text[i + 1] != "-":
                continue
            found = self._name(doc, i + 2, mentions, state)
            if found is not None:
                out.append(found)
        return out

    def _name(
        self,
        doc: Doc,
        start: int,
        mentions: Mentions,
        state: Callable[[int, int, str, Mentions], Found],
    ) -> Found | None:
        own = mentions.at(start)
        if own is not None and own.start == start and own.kind == "actor":
            return None  # "counter-ISIL": the name is a mention already
        for end in range(min(start + _LONGEST, len(doc)), start, -1):
            words = doc[start:end]
            if not words.text[:1].isupper():
                continue
            name = self.names.get(words.text.lower())
            if name is None:
                continue
            if name.country:
                return state(start, end, name.key, mentions)
            actor = self.actors[name.key]
            return Found("actor", start, end, actor.key, actor.label,
                         actor_type=actor.actor_type, country=actor.country)  # fmt: skip
        return None
