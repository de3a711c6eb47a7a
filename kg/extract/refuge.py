"""Places people flee to: "refugees fled to Bangladesh", "crossed into Chad", "sought refuge
in Uganda". A destination of flight is where the people went, not where the events happened:
it casts no vote for the article's main country or the country of its events, which give
unnamed actors their country (:mod:`kg.extract.generic`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.found import Found
from kg.extract.lexicon import Lexicon


class Refuges:
    """The words of flight, from ``[places] flight_verbs`` and ``refuge_nouns``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.verbs = lexicon.word_set("places", "flight_verbs")
        self.nouns = lexicon.word_set("places", "refuge_nouns")

    def destinations(self, doc: Doc, found: list[Found]) -> list[Found]:
        """The places of ``found`` named as where people fled to."""
        return [f for f in found if f.kind == "place" and self._fled_to(doc[f.start : f.end].root)]

    def _fled_to(self, token: Token) -> bool:
        """The place is the object of "to"/"into" after a verb of flight ("fled to X",
        "crossed into X", "escaped across the border into X") or of "in" after a noun of
        refuge ("sought refuge in X", "asylum in X")."""
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head  # "fled to Chad and Cameroon"
        prep = token.head
        if token.dep_ != "pobj" or prep.dep_ != "prep":
            return False
        word, holder = prep.lower_, prep.head
        if word in ("to", "into"):
            while holder.dep_ == "pobj" and holder.head.dep_ == "prep":
                holder = holder.head.head  # "fled across the border into X"
            return holder.pos_ == "VERB" and holder.lemma_.lower() in self.verbs
        if word != "in":
            return False
        # "asylum in X", or "sought refuge in X" with "in X" on the verb
        objects = [holder, *(c for c in holder.children if c.dep_ == "dobj")]
        return any(t.lemma_.lower() in self.nouns for t in objects)
