"""What a draft's window tells of its event, for refining its type: the sentence and the next
one where it goes on (``window.with_follow_up``), and the lemmas and the text of its words but
a protest's grievance and the event's sources (``told``). Each is made once a Doc for the
drafts that ask the same (~1.3 drafts a sentence), kept in the Doc's memos."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from kg.extract import columns
from kg.extract.drafts import Draft
from kg.extract.happenings import Happenings
from kg.extract.protest_fold import PROTEST_FAMILY
from kg.extract.sentence_towns import SentenceTowns
from kg.extract.told import deaths_told, unstruck_lemmas, without_grievance, without_sources
from kg.extract.window import with_follow_up

__all__ = ["WindowWords"]

# what a window tells of a draft's event: its lemmas and its text
Told = tuple[frozenset[str], str]


class WindowWords:
    """Built once per classifier (its words: the memos are this instance's)."""

    def __init__(
        self,
        *,
        follow_up: frozenset[str],
        happenings: Happenings,
        towns: SentenceTowns,
        protest_lemmas: frozenset[str],
        saying: frozenset[str],
        fatality_verbs: frozenset[str],
        forces: frozenset[str],
    ) -> None:
        self.follow_up, self.happenings, self.towns = follow_up, happenings, towns
        self.protest_lemmas, self.saying = protest_lemmas, saying
        self.fatality_verbs, self.forces = fatality_verbs, forces
        self._window_key = f"kg.window_words.window.{id(self)}"
        self._told_key = f"kg.window_words.told.{id(self)}"

    def window(self, sentence: Span) -> Span:
        """The sentence and the next one where it goes on (``with_follow_up``), once a
        sentence."""
        doc, here = sentence.doc, (sentence.start, sentence.end)
        ends: dict[tuple[int, int], int] = columns.memo(doc, self._window_key, dict)
        end = ends.get(here)
        if end is None:
            window = with_follow_up(sentence, self.follow_up, self.happenings, self.towns)
            ends[here] = window.end
            return window
        return sentence if end == sentence.end else doc[sentence.start : end]

    def told(self, d: Draft, window: Span) -> Told:
        """The lemmas and the text of what the window tells of the draft's event."""
        told: Sequence[int] = range(window.start, window.end)
        if d.event_class in PROTEST_FAMILY:
            # "protested against an attack on journalists": the attack is not the protest's
            told = without_grievance(window, self.protest_lemmas)
        told = without_sources(
            window.doc, told, self.saying, d.trigger.root.i
        )  # "according to vigilantes"
        # the same words told of another draft of the window: made once
        made = columns.memo(window.doc, self._told_key, dict[tuple[int, ...], Told])
        key = (window.start, window.end, *told)
        found = made.get(key)
        if found is None:
            lemmas = unstruck_lemmas(window.doc, told)
            if deaths_told(window, self.fatality_verbs, self.forces):
                lemmas |= {"#killed"}  # a death told, not a killing protested
            with_ws = columns.texts_with_ws(window.doc)
            found = made[key] = (lemmas, "".join([with_ws[i] for i in told]))
        return found
