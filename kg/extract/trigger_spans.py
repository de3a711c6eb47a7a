"""The trigger words of a Doc, longest first where they overlap, grouped by sentence: the
matches of ``kg/data/triggers.tsv`` (:mod:`kg.extract.trigger_matcher`) and of the split
phrases (:mod:`kg.extract.split_triggers`), without the names that only contain a trigger
("Free Syrian Army", a place named "Raid") unless a crowd tells its protest by them."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract import columns
from kg.extract.clauses import crowd_verb, names_protesters
from kg.extract.found import Mentions
from kg.extract.lexicon import Trigger
from kg.extract.split_triggers import SplitTriggers
from kg.extract.trigger_matcher import TriggerMatcher

__all__ = ["WEAK", "sentence_triggers"]

# trigger classes that tell an event only by their arguments (kg/data/triggers.tsv)
WEAK = frozenset({"movement", "freeing"})


def sentence_triggers(
    doc: Doc,
    mentions: Mentions,
    matcher: TriggerMatcher,
    split: SplitTriggers,
    triggers: Sequence[Trigger],
) -> dict[int, list[tuple[Span, Trigger]]]:
    """Trigger matches, longest first where they overlap, grouped by sentence start."""
    matches = matcher(doc) + split(doc)  # "set the bank on fire"
    spans = filter_spans([Span(doc, s, e, label=str(n)) for n, s, e in matches])
    # verbs of movement are events only where forces move, of freeing only where ground is
    # freed: "protesters moved to the square" still tells a protest, anchored on "moved"
    strong = [s for s in spans if triggers[int(s.label_)].event_class not in WEAK]
    taken = {i for span in strong for i in range(span.start, span.end)}
    starts = columns.sentence_starts(doc)
    out: dict[int, list[tuple[Span, Trigger]]] = {}
    for span in sorted(spans, key=lambda s: s.start):
        trigger = triggers[int(span.label_)]
        if any(mentions.at(i) is not None for i in range(span.start, span.end)):
            crowd = crowd_verb(span, mentions, taken)
            alone = not any(starts[o.start] == starts[span.start] for o in strong if o is not span)
            if crowd is None and not (alone and names_protesters(span, mentions)):
                continue  # "Free Syrian Army", a place named "Raid": names, not triggers
            span = crowd or span  # "protesters in Kut": the crowd tells its protest
        out.setdefault(starts[span.start], []).append((span, trigger))
    return out
