"""Common nouns the entity model reads as a person's name: a capitalised word that opens a
sentence or a headline ("Riot: ...", "Defusal: ...", "Grenade attack on a bar", "Raid
suggested to involve ..."), or that names the people of a group it modifies ("Jubilee
supporters", "Jubilee aspirants": a party's, no person's). The word's capital tells no name
where the sentence starts, and a word the language knows as a noun names no one there.

The nouns are the model's own: the rule lemmatizer's index of English nouns (WordNet's
lemmas, part of every English spaCy pipeline); none when the pipeline has no such table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Span, Token

__all__ = ["CommonNouns"]

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _model_nouns(nlp: Any) -> frozenset[str]:
    """The lemmatizer's noun lemmas, or none."""
    if "lemmatizer" not in getattr(nlp, "pipe_names", ()):
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


class CommonNouns:
    """Built once per model; ``misread`` runs on the one-word names the model labels PERSON."""

    def __init__(
        self, nlp: Any, labels: Iterable[str] = (), speech_verbs: Iterable[str] = ()
    ) -> None:
        # and the one-word category labels of event summaries ("Defusal: ...", prefixes.tsv)
        self.nouns = _model_nouns(nlp) | {w.lower() for w in labels if " " not in w}
        self.speech_verbs = frozenset(w.lower() for w in speech_verbs)

    def misread(self, span: Span, people_noun: Callable[[Token], bool]) -> bool:
        """Whether ``span``, one capitalised word the model took for a person's name, is a
        common noun: one the language knows as a noun, opening its sentence ("Riot: ...",
        "Lorry driver shot ...") or modifying a lower-case noun of people (``people_noun``:
        the generic rules' actor nouns, "Jubilee supporters")."""
        if len(span) != 1:
            return False
        token = span[0]
        if not token.is_title or token.lower_ not in self.nouns:
            return False  # "CV", "Ruto": no noun the language knows
        if token.is_sent_start or token.i == 0:
            # a surname the language also knows as a noun, speaking, is the person ("Bush
            # said on Monday ...", "Rice told reporters ..."), and so is one the article names
            # in full ("Rice visits Baghdad. ... Condoleezza Rice arrived ...")
            speaking = token.dep_ == "nsubj" and token.head.lemma_.lower() in self.speech_verbs
            return not (speaking or _named_in_full(token))
        head = token.head
        return (
            token.dep_ in _MODIFIER_DEPS
            and head.i > token.i
            and head.is_lower
            and people_noun(head)
        )


def _named_in_full(token: Token) -> bool:
    """Whether the word ends a longer person's name elsewhere in its article ("Condoleezza
    Rice" for "Rice"): the model's own PERSON entities."""
    return any(
        len(ent) > 1 and ent[-1].text == token.text and ent.start != token.i
        for ent in token.doc.ents
        if ent.label_ == "PERSON"
    )
