"""The day an act was said is not the day it was done. A lead that tells an act with no day
of its own but its statement's ("Militants killed 21 soldiers in an attack on an army post,
the government said on Wednesday") is dated by that day for want of another; where the story
then tells the act again with a day of its own ("Fighters attacked the post on Monday, the
government said"), that day is the act's: the lead takes it.

An act told again is the first one of the lead's family (violence, a riot, a protest) after
it told on a day of its own (not ground taken: a story tells its towns one by one), by none
of those the lead's act hit,
earlier than the statement's and within its week, by a sentence that opens no other
happening ("Separately, ...") nor tells one besides ("also"), in the lead's paragraph or the
next one (where the story tells its lead at length), or naming one of its actors or places.

The other way round, a statement with no day of its own takes the day of the act it tells
(``said_on_its_day``). Out of the lead, an act with no day of its own told by a statement said
on a day of its own ("The army said on Saturday that troops had killed six militants") takes
that day, as the lead's act takes its statement's, not the lead's (``said_day_of``)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from kg.extract import columns
from kg.extract.continued import opens_another, told_besides
from kg.extract.drafts import TAKINGS, Draft
from kg.extract.twins import family

__all__ = [
    "RETOLD_WITHIN",
    "dates_verb",
    "retold_days",
    "said_day_of",
    "said_on",
    "said_on_its_day",
]

# the ACLED event types of happenings a story tells again at length
_FAMILIES = frozenset(
    {"battles", "explosions-remote-violence", "violence-against-civilians", "riots", "protests"}
)
# the battles that take ground, whose towns a story tells one by one on their own days ("the
# troops stripped the rebels of towns in Hama ... took Halfaya a day after")
RETOLD_WITHIN = dt.timedelta(days=6)  # how long before the statement its act may be told again


def dates_verb(date: Span, verb: Token) -> bool:
    """Whether ``date`` modifies ``verb`` itself ("began on Oct. 7", "began last year"), not
    a word below it."""
    t = date.root
    if t.head.dep_ == "prep" and t.dep_ == "pobj":
        t = t.head
    return t.head.i == verb.i and t.dep_ in ("prep", "npadvmod", "advmod", "tmod")


def said_on(date: Span, drafts: list[Draft]) -> bool:
    """Whether ``date`` tells the day one of ``drafts``, a statement, was said ("..., the
    government said on Wednesday")."""
    return any(d.event_class == "statement" and dates_verb(date, d.trigger.root) for d in drafts)


def said_day_of(d: Draft, sent_dates: list[Span], drafts: list[Draft]) -> Span | None:
    """The date of ``sent_dates`` that tells the day a statement of ``drafts`` telling ``d``
    was said ("The army said on Saturday that troops had killed six militants": Saturday), or
    None."""
    verb = _verb_of(d.trigger.root)
    for s in drafts:
        if s is d or s.event_class != "statement" or not _tells(s.trigger.root, verb):
            continue
        said = next((e for e in sent_dates if dates_verb(e, s.trigger.root)), None)
        if said is not None:  # else a later statement of the sentence may name its day
            return said
    return None


def retold_days(events: list[Draft]) -> None:
    """Date each act dated by its statement's day (``Draft.said_day``) by the day of the
    first act after it that tells it again on a day of its own (``events`` in text order)."""
    for i, d in enumerate(events):
        if not d.said_day or d.date is None or d.event_class == "statement":
            continue
        again = next((e for e in events[i + 1 :] if _tells_again(e, d)), None)
        if again is not None:
            d.time, d.date, d.precision = again.time, again.date, again.precision
            d.said_day = False


def _tells_again(e: Draft, d: Draft) -> bool:
    if e.sentence.start <= d.sentence.start or e.event_class == "statement" or e.background:
        return False
    kind = family(d.event_class)
    if e.time_inherited or e.date is None or d.date is None or family(e.event_class) != kind:
        return False
    if (
        kind not in _FAMILIES
        or TAKINGS & {d.event_class, e.event_class}
        or set(e.agents) & set(d.targets)
    ):
        return False  # "troops took the towns ... after rebels took them a day earlier"
    if (
        not d.date - RETOLD_WITHIN <= e.date < d.date
        or opens_another(e)
        or told_besides(e.sentence)
    ):
        return False
    return _next_paragraph(d, e) or bool(
        set(e.places) & set(d.places) or set(e.agents + e.targets) & set(d.agents + d.targets)
    )


def _next_paragraph(d: Draft, e: Draft) -> bool:
    """Whether ``e`` is told in ``d``'s paragraph or the next one."""
    text = columns.doc_text(d.sentence.doc)
    between = text[d.sentence.end_char : e.sentence.start_char].strip()
    return between.count("\n") <= 1 and "\n\n" not in between


def said_on_its_day(found: list[Draft]) -> None:
    """A statement that tells no day of its own takes the day of the act it tells, told on
    its own day ("Separately, soldiers killed 30 bandits on Monday, the army said": Monday's),
    as a lead's "police said" takes the lead's: not the article's reference day, another
    happening's. Only the act its verb tells ("X did Y, the army said", "the army said X did
    Y"), not one further down its clause ("..., adding that rebels held the towns after taking
    them a day earlier")."""
    acts = [
        d for d in found
        if d.event_class != "statement" and not d.time_inherited and d.date is not None
    ]  # fmt: skip
    for d in found:
        if d.event_class != "statement" or not d.time_inherited:
            continue
        said = d.trigger.root
        told = next((a for a in acts if _tells(said, _verb_of(a.trigger.root))), None)
        if told is not None:
            d.time, d.date, d.precision = told.time, told.date, told.precision


def _verb_of(t: Token) -> Token:
    """The verb of the clause an act's word is in ("killed" of "in air strikes")."""
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _tells(said: Token, verb: Token) -> bool:
    """Whether a verb of saying tells the clause of ``verb``: hangs on it ("X did Y, the army
    said") or has it as its own clause ("the army said X did Y")."""
    return said.head.i == verb.i or (verb.head.i == said.i and verb.dep_ in ("ccomp", "parataxis"))
