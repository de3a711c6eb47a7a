"""Whether a "strike" is a labour strike: "teachers went on strike", "a general strike", "the
union called a strike"; not "aircraft conducted a precision strike on the location"."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.lexicon import Lexicon


class LabourCues:
    """Built once per lexicon (``[events]`` labour_words, labour_before, labour_verbs)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.words = lexicon.word_set("events", "labour_words")
        self.before = lexicon.word_set("events", "labour_before")
        self.verbs = lexicon.word_set("events", "labour_verbs")

    def says_labour(self, trigger: Span, words: frozenset[str] | set[str]) -> bool:
        """A labour word in the sentence (``words``: its lemmas), a word right before the
        strike ("on strike", "general strike"), or a verb that calls or stages it ("called a
        strike", "called for a strike")."""
        if words & self.words:
            return True
        doc, first = trigger.doc, trigger[0]
        if trigger.start > 0 and doc[trigger.start - 1].lower_ in self.before:
            return True
        head = first.head
        if head.lower_ == "for" and head.head.i != head.i:
            head = head.head  # "called for a strike"
        return head.i != first.i and head.lemma_.lower() in self.verbs
