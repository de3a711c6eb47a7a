"""Category labels before a sentence ("Movement of forces: a convoy entered ..."), which
ACLED-style briefs and some feeds carry: the label gives the sentence's event its type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from kg.extract import columns
from kg.extract.drafts import Draft
from kg.extract.found import Mentions

__all__ = ["labelled"]


def labelled(
    doc: Doc,
    events: list[Draft],
    mentions: Mentions,
    prefixes: Sequence[tuple[str, str]],
    places: Callable[[Doc, int, Mentions, set[int], set[int]], list[str]],
    reference: dt.date | None,
    reference_span: Span | None,
) -> list[Draft]:
    """ "Movement of forces: a convoy entered ...": a category label before a sentence
    gives its event's type (``kg/data/prefixes.tsv``: ``prefixes``, label and event type);
    a label over a sentence that tells no event makes one, its first actor the agent,
    ``places`` (:meth:`kg.extract.arguments.Arguments.places`) its places, dated by the
    article's ``reference`` day."""
    for start, end in columns.sentence_bounds(doc):
        text = columns.span_text(doc, start, end).lstrip().lower()
        if ":" not in text:
            continue  # no label can start it
        label = next((lab for lab, _ in prefixes if text.startswith(lab + ":")), None)
        if label is None:
            continue
        sent = doc[start:end]
        event_type = dict(prefixes)[label]
        here = [d for d in events if d.sentence.start == sent.start and d.event_class
                not in ("statement",)]  # fmt: skip
        if here:
            here[0].event_class = event_type
            continue
        colon = next(t for t in sent if t.text == ":")
        d = Draft(event_type, doc[sent.start : colon.i], sent)
        armed = [
            f.key
            for i in range(sent.start, sent.end)
            if (f := mentions.at(i)) is not None and f.kind == "actor" and f.start == i
        ]
        d.agents = armed[:1]
        d.places = places(doc, colon.i, mentions, set(), set())
        d.time, d.date, d.time_inherited = reference_span, reference, True
        d.confidence = 0.6
        events.append(d)
    return sorted(events, key=lambda d: d.trigger.start)
