"""The towns a stretch of a story names, for telling its paragraphs apart by where they are.

A wire story of unrest tells several crowds, a paragraph each: "Protesters stoned police in
Lowtown." and, below it, "Demonstrations also took place in Hightown." tell a riot and a calm
protest, not one riot. A sentence tells the towns its paragraph has named up to its end (a
paragraph that opens in the capital and goes on in one of its districts is one scene, as a
note that sums up a day's protests across a city is), else, where its paragraph names none so
far, those the last paragraph naming some named; two stretches are apart when each tells
towns (the model's GPE entities, but countries, which every sentence of one country's story
may name) and they share none. A headline sums up the whole story: it tells no town of its
own, and is apart from none.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import columns
from kg.extract.headline_fold import headline_end
from kg.extract.lexicon import Lexicon

__all__ = ["SentenceTowns"]

Stretch = tuple[int, int]  # token offsets: start, end


class SentenceTowns:
    """Built once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.countries = frozenset(
            name.lower()
            for c in lexicon.countries
            for name in (c.iso, c.name, *c.aliases, *c.demonyms)
        )
        self._key = f"kg.sentence_towns.{id(self)}"

    def apart(self, doc: Doc, one: Stretch, other: Stretch) -> bool:
        """Whether the two stretches name towns and none in common."""
        here, there = self.told(doc, *one), self.told(doc, *other)
        return bool(here and there and not here & there)

    def told(self, doc: Doc, start: int, end: int) -> frozenset[str]:
        """The towns told where the tokens are: those their paragraph has named up to their
        end, else the last ones named before (none before the first)."""
        told = columns.memo(doc, self._key, lambda: self._told(doc))
        first = columns.sentence_of(doc, start)[0]
        last = columns.sentence_of(doc, max(start, end - 1))[0]
        return told.get(first, frozenset()) | told.get(last, frozenset())

    def named(self, doc: Doc, start: int, end: int) -> frozenset[str]:
        """The names (lower case) of the towns the tokens name."""
        kind, lower = columns.ent_types(doc), columns.lowers(doc)
        names: list[list[str]] = []
        for i in range(start, end):
            if kind[i] != "GPE":
                continue
            if i > start and kind[i - 1] == "GPE" and doc[i].ent_iob_ == "I":
                names[-1].append(lower[i])
            else:
                names.append([lower[i]])
        return frozenset(name for n in names if (name := " ".join(n)) not in self.countries)

    def _told(self, doc: Doc) -> dict[int, frozenset[str]]:
        """Each sentence's start -> the towns told there (see :meth:`told`)."""
        text, idx, words = columns.doc_text(doc), columns.idxs(doc), columns.texts(doc)
        space = columns.is_spaces(doc)
        out: dict[int, frozenset[str]] = {}
        paragraph: frozenset[str] = frozenset()
        last: frozenset[str] = frozenset()
        previous_end = 0
        headline = headline_end(doc) or 0
        for start, end in columns.sentence_bounds(doc):
            if idx[start] < headline:
                out[start] = frozenset()  # the whole story's
                continue
            if "\n" in text[previous_end : idx[start]]:
                paragraph = frozenset()  # a new paragraph
            paragraph |= self.named(doc, start, end)
            last = paragraph or last
            out[start] = last
            last_word = end - 1
            while last_word > start and space[last_word]:
                last_word -= 1  # the model ends a sentence with the blank line after it
            previous_end = idx[last_word] + len(words[last_word])
        return out
