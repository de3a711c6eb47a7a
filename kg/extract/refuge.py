"""Places people flee to, and places a protest is about: "refugees fled to Bangladesh",
"crossed into Chad", "sought refuge in Uganda"; "marched in London calling for a ceasefire in
Gaza", "rallied in solidarity with Ukraine". A destination of flight is where the people went,
a protest's topic what it is about, not where the events happened: they cast no vote for the
article's main country or the country of its events, which give unnamed actors their country
(:mod:`kg.extract.generic`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import columns, parse_tree
from kg.extract.found import Found
from kg.extract.lexicon import Lexicon
from kg.extract.roots import span_root


class Refuges:
    """The words of flight, from ``[places] flight_verbs`` and ``refuge_nouns``, and of a
    protest's topic (``protest_heads``, ``topic_prepositions``, ``topic_verbs``,
    ``topic_nouns``)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.verbs = lexicon.word_set("places", "flight_verbs")
        self.nouns = lexicon.word_set("places", "refuge_nouns")
        self.protests = lexicon.word_set("places", "protest_heads")
        self.topic_preps = lexicon.word_set("places", "topic_prepositions")
        self.topic_verbs = lexicon.word_set("places", "topic_verbs")
        self.topic_nouns = lexicon.word_set("places", "topic_nouns")

    def topics(self, doc: Doc, found: list[Found]) -> list[Found]:
        """The places of ``found`` named in what a protest is about: below a word of its
        topic ("against", "calling for", "in solidarity with") that hangs from a word of
        protest ("marched", "a rally"); none in a Doc with no word of protest."""
        if self.protests.isdisjoint(columns.words(doc, 0, len(doc))):
            return []  # ``_topic`` finds a topic only below a word of protest
        return [
            f for f in found
            if f.kind == "place" and self._topic(doc, span_root(doc, f.start, f.end))
        ]  # fmt: skip

    def _topic(self, doc: Doc, token: int) -> bool:
        """Whether the place at ``token`` lies below a word of a protest's topic that hangs
        from a word of protest; its ancestors read on the token columns."""
        t = parse_tree.tree(doc)
        marked = False  # a word of the topic lies between the place and the protest
        child = holder = token
        for _ in range(len(t.head)):  # ``Token.ancestors``: up to the root
            if t.head[holder] == holder:
                break
            holder = t.head[holder]
            lemma, lower, dep, pos = t.lemma[holder], t.lower[holder], t.dep[holder], t.pos[holder]
            if lemma in self.protests or lower in self.protests:
                # "protested the war in Upland": the verb's object is its topic
                return marked or (t.dep[child] == "dobj" and pos == "VERB")
            if dep == "prep" and lower in self.topic_preps:
                head = t.head[holder]
                marked |= t.lemma[head] in self.protests or t.lower[head] in self.protests
            elif dep == "prep" and holder > 0:
                # "in solidarity with Ukraine", the parse hanging "with" on the verb
                marked |= t.lemma[holder - 1] in self.topic_nouns
            elif pos == "VERB" and lemma in self.topic_verbs:
                marked = True  # "calling for a ceasefire in Gaza"
            elif pos == "NOUN" and lemma in self.topic_nouns:
                marked = True  # "in solidarity with Ukraine"
            child = holder
        return False

    def destinations(self, doc: Doc, found: list[Found]) -> list[Found]:
        """The places of ``found`` named as where people fled to; none in a Doc with no word
        of flight or refuge."""
        words = columns.words(doc, 0, len(doc))
        if self.verbs.isdisjoint(words) and self.nouns.isdisjoint(words):
            return []  # ``_fled_to`` finds a place only after one of them
        return [
            f
            for f in found
            if f.kind == "place" and self._fled_to(doc[span_root(doc, f.start, f.end)])
        ]

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
