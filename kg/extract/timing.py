"""When an event happened: a date in the trigger's own clause, else the article's reference
date (its first day-level date), with its precision; "after two days" counted back from the
clause's date, "over the past 24 hours" the day before the report."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from kg.extract import columns, dates
from kg.extract.date_spans import date_spans, is_point
from kg.extract.datelines import find_dateline
from kg.extract.drafts import Draft, walk
from kg.extract.openings import opens
from kg.extract.said_days import dates_verb, said_day_of, said_on
from kg.model import DatePrecision

__all__ = ["DayCarried", "date_spans", "past_day", "reference_date", "when"]


_PAST_DAY = re.compile(r"\b(?:past|last|previous|preceding)\s+(?:24|twenty-four)\s+hours\b", re.I)
# the prepositions of the means by which an act is done ("killed in airstrikes")
_MEANS = frozenset({"in", "by", "during"})
# the words whose "for" names an act done before them, dated by their own date: "militants
# were blamed for a bombing in Lowtown in December 2023"
_BLAMED_FOR = frozenset({"blame", "responsible"})
_NOUN_MODIFIERS = ("nmod", "nummod", "compound", "amod")
_GLOSS_CHARS = 30  # how far after a weekday its bracketed date may end
# a point in time known to its year only: "2019", "last year", "two years ago", "earlier this
# year" (not a length: "five years", "the past year")
_YEAR_POINT = re.compile(
    r"^(?:(?:in|during|early|late|mid|the|of)[\s-]+)*(?:(?:19|20)\d\d|last year|the previous year"
    r"|the year before|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few)"
    r"\s+years?\s+(?:ago|earlier|before)|(?:earlier|later)\s+(?:this|last)\s+year)$",
    re.I,
)
# the conjunctions (besides "when") of a clause that tells what happened about the time its
# verb's date names: "fired tear gas on Thursday as crowds defied the ban"
_AT_THE_TIME = frozenset({"as", "while", "before"})
_MONTH_PART = re.compile(r"\b(?:early|late|mid|end|beginning|start)\b", re.I)
_SHORT_SPAN = re.compile(r"^(?:just\s+)?(?P<n>a|an|one|\w+)\s+(?P<unit>days?|weeks?)$", re.I)


def reference_date(doc: Doc, published: dt.date | None) -> tuple[dt.date | None, Span | None]:
    """The date the article's events are told relative to: its first day-level date, not a
    dateline's (the day the story was filed, which ``published`` already is: the events of
    "GUSAU, March 4 (Reuters) - Gunmen attacked a village on Sunday ..." are Sunday's)."""
    dateline = find_dateline(columns.doc_text(doc))
    lead = dateline.lead if dateline is not None else 0
    for ent in date_spans(doc):
        if ent.start_char < lead or dates.is_story_relative(columns.text(ent)):
            continue
        resolved = dates.resolve(columns.text(ent), published)
        if resolved is not None and resolved.precision == DatePrecision.DAY:
            return resolved.date, ent
        if resolved is None and published is None and _looks_like_day(columns.text(ent)):
            return None, ent
    return published, None


class DayCarried:
    """The day a paragraph's sentence tells another happening on ("On Saturday, hundreds
    protested in Lowtown."), which its next sentences with no date of their own go on telling
    ("Police fired tear gas to disperse them."), not the article's reference day: until the
    paragraph ends or another sentence tells its own day. Statements' days ("the army said on
    Monday") tell when it was said, not a happening."""

    def __init__(self, reference: dt.date | None, reference_span: Span | None) -> None:
        self.reference, self.reference_span = reference, reference_span
        self.day: tuple[dt.date, Span] | None = None
        self.end = 0  # the character where the last sentence ended

    def before(self, sent: Span) -> tuple[dt.date | None, Span | None]:
        """The reference day and its words for the events of ``sent``."""
        text = columns.doc_text(sent.doc)
        told = text[sent.start_char : sent.end_char]  # its line breaks may be its own tokens
        start = sent.start_char + len(told) - len(told.lstrip())
        if "\n" in text[self.end : start]:
            self.day = None  # a new paragraph
        self.end = max(start, sent.end_char - len(told) + len(told.rstrip()))
        return self.day if self.day is not None else (self.reference, self.reference_span)

    def after(self, sent: Span, found: list[Draft]) -> None:
        """Take the day ``sent`` tells its own happening on, if any."""
        for d in found:
            told = d.time is not None and d.time.start >= sent.start and d.time.end <= sent.end
            if d.event_class == "statement" or not told or d.date is None or d.time is None:
                continue
            own = d.date != self.reference
            self.day = (d.date, d.time) if own else None
            return


def when(
    d: Draft,
    sent: Span,
    sent_dates: list[Span],
    drafts: list[Draft],
    published: dt.date | None,
    reference: dt.date | None,
    reference_span: Span | None,
    day_before: Callable[[int], dt.date | None] | None = None,
) -> None:
    """Date ``d``, found in ``sent`` with ``drafts``; ``sent_dates``: ``date_spans(sent)``,
    found once for all the sentence's drafts; ``day_before``: the last day the story told
    before a token (``kg.extract.story_days``), what "the following day" counts from."""
    head = d.trigger[0]
    own: list[Span] = []
    setting = True
    if sent_dates:  # with none, no clause need be walked: the reference date dates it
        others = {x.trigger.root.i for x in drafts if x is not d}
        in_scope = set(walk(head, others))
        if d.trigger.root.i != head.i:  # "a drone attack on the base on Monday": the noun's
            in_scope |= set(walk(d.trigger.root, others))  # own phrase, from its head noun
        # "the clashes have been raging since late last month", "a roadside bomb hit a
        # convoy on Thursday": the verb's date is theirs (a trigger of words: its head noun's)
        noun = d.trigger.root
        if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.i not in others:
            in_scope |= set(walk(noun.head, others | {noun.i}))
        trigger = {t.i for t in d.trigger}
        own = [e for e in sent_dates if e.root.i in in_scope and not _names_another(e, trigger)]
        own = own or _relative_to_date(d.trigger.root, sent_dates)  # a trigger of words: its noun
        own = own or _of_act_done_by(d, sent, sent_dates, others)
        own = own or [e for e in sent_dates if _in_participle(e, in_scope, others)]
        # "Today, multiple attacks ... have killed 35": a date opening the sentence dates all
        # of it (the article's reference date keeps dating its own sentence's events as
        # before), as a setting: as sure as a date told elsewhere (no more reason to rank the
        # event first)
        setting = not own
        # "arrested 15 on Monday after protesters tried to storm the airport": what led to an
        # act is told at its date, as a setting (it may have begun before)
        own = own or _led_to(d.trigger.root, sent_dates)
        own = own or [
            e for e in sent_dates
            if opens(e, sent) and (reference_span is None or e.start != reference_span.start)
        ]  # fmt: skip
    if own:
        span = own[0]
        match = _SHORT_SPAN.match(columns.text(span).strip())
        if match and any(c.dep_ == "mark" and c.lower_ == "after" for c in head.children):
            base = _date_of(sent_dates, span, published, reference)
            text = f"{match.group('n')} {match.group('unit')} earlier"
            d.time, d.time_inherited = span, False
            _resolve(d, text, base)
            return
        text = _glossed(span)
        base = _base(text, span, published, reference, day_before)
        if _since(span) and _months_long(text, base):
            pass  # "have been blocking universities since December": a state going on since
            # then, no happening of that month's middle; dated as if its clause named no date
        elif _resolve(d, text, base) or is_point(text):
            d.time, d.time_inherited = span, setting
            d.told_before = dates.is_story_before(text)
            if d.date is not None and _since(span):
                d.precision = max(d.precision, DatePrecision.WEEK)
            return
        elif _YEAR_POINT.match(text.strip()):
            # "Last year, gunmen killed 40", "In 2019, ...": a past event told for background,
            # dated by its words only (a year is no precision ACLED or kg gives), never by the
            # article's date
            d.time, d.time_inherited, d.date = span, setting, None
            return
        # "a two day battle", "salaries withheld for the past five months": a length of time,
        # not a point in it; the event is dated as if its clause named no date
    # "The army said on Saturday that troops had killed six": the day it was said, for want of
    # the act's own, rather than the lead's (kg.extract.said_days)
    said = said_day_of(d, sent_dates, drafts) if sent_dates else None
    if said is not None and (reference_span is None or said.start != reference_span.start):
        text = _glossed(said)
        if _resolve(d, text, _base(text, said, published, reference, day_before)):
            d.time, d.time_inherited, d.said_day = said, True, True
            return
    if reference_span is not None or reference is not None:
        d.time = reference_span
        d.time_inherited = True
        d.date = reference
        # told in the same sentence, the date is the event's; from elsewhere, approximate
        same = (
            reference_span is not None
            and columns.sentence_starts(sent.doc)[reference_span.start] == sent.start
        )
        d.precision = DatePrecision.DAY if same else DatePrecision.WEEK
        # "X killed 21, the government said on Wednesday": the day it was said, for want of
        # the act's own (kg.extract.said_days)
        d.said_day = same and reference_span is not None and said_on(reference_span, drafts)


def _base(
    text: str,
    span: Span,
    published: dt.date | None,
    reference: dt.date | None,
    day_before: Callable[[int], dt.date | None] | None,
) -> dt.date | None:
    """The day the date ``text`` (``span``'s words) is told from: "the following day", "two
    days later", "that evening" from the last day the story told before them, where it told
    one; else "a day earlier" and "that evening" from the reference day, the rest from the
    publication date."""
    if dates.is_story_relative(text):
        told = day_before(span.start) if day_before is not None else None
        if told is not None:
            return told
    if dates.is_relative_to_event(text) or dates.is_same_day(text):
        return reference
    return published


def _of_act_done_by(d: Draft, sent: Span, sent_dates: list[Span], others: set[int]) -> list[Span]:
    """ "killed 30 bandits in air strikes on Monday": the date of the act the event is the means
    of is the event's (a date opening the sentence stays its setting, below)."""
    verb = _done_by(d.trigger.root)
    if verb is None:
        return []
    scope = set(walk(verb, (others - {verb.i}) | {d.trigger.root.i}))
    return [e for e in sent_dates if e.root.i in scope and not opens(e, sent)]


def _done_by(root: Token) -> Token | None:
    """The verb an act is the means of ("killed in air strikes", "destroyed by shelling"),
    the means often hung on the verb's object ("killed 30 bandits in air strikes")."""
    prep = root.head
    verb = prep.head
    if root.dep_ == "pobj" and prep.lower_ == "for" and verb.lemma_.lower() in _BLAMED_FOR:
        return verb if verb.pos_ == "VERB" else verb.head  # "held responsible for"
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _MEANS:
        return None
    if verb.dep_ in ("dobj", "nsubjpass") and verb.pos_ in ("NOUN", "PROPN"):
        verb = verb.head
    return verb if verb.pos_ == "VERB" and verb.i != prep.i else None


def _in_participle(date: Span, scope: set[int], others: set[int]) -> bool:
    """ "opened fire on farmers working in fields on Monday": a date in a present participle
    that describes one of the event's people tells what they were doing as it befell them (not
    a past one's: "a man arrested last week was shot")."""
    t = date.root
    while t.i not in scope and t.i not in others and t.head.i != t.i:
        if t.dep_ == "acl" and t.head.i in scope:
            return t.tag_ == "VBG"
        if t.pos_ in ("VERB", "AUX") and t.i != date.root.i:
            return False  # a clause below it: "protests supporting a man who was arrested"
        t = t.head
    return False


def _relative_to_date(head: Token, sent_dates: list[Span]) -> list[Span]:
    """ "raging since late last month, when the rebels unleashed an offensive": a clause that
    relates to a date ("when", "as", bare) tells what happened then; its events are dated by it,
    not by the sentence's main clause."""
    clause = _clause_of(head)
    if clause.dep_ == "advcl" and any(
        c.lower_ == "when" or (c.dep_ == "mark" and c.lower_ in _AT_THE_TIME)
        for c in clause.children
    ):
        # "the war began on Oct. 7 when gunmen attacked", "fired tear gas on Thursday as
        # crowds defied the ban": the date of the verb the clause hangs on
        return [e for e in sent_dates if dates_verb(e, clause.head)]
    if clause.dep_ != "relcl":
        return []
    return [e for e in sent_dates if e.start <= clause.head.i < e.end]


def _led_to(head: Token, sent_dates: list[Span]) -> list[Span]:
    """ "arrested 15 on Wednesday after protesters stormed the airport": the date of the act
    an "after" clause led to."""
    clause = _clause_of(head)
    if clause.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "after" for c in clause.children
    ):
        return []
    return [e for e in sent_dates if dates_verb(e, clause.head)]


def _clause_of(head: Token) -> Token:
    """The verb of the clause a trigger is the subject or object of, or the means of ("when
    militants killed 300 worshippers in an attack"), else the trigger."""
    if head.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return head.head
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ in _MEANS and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return head


def _since(date: Span) -> bool:
    """ "have arrested more than 4,000 since Friday": a date that starts a period dates what
    was done over it, to within the week (the period's first day)."""
    root = date.root
    return root.dep_ == "pobj" and root.head.lower_ == "since"


def _months_long(text: str, base: dt.date | None) -> bool:
    """Whether ``text`` names a whole month ("December", "last month"), not a day nor a part
    of a month ("late last month": the fighting "raging since" then began about then)."""
    resolved = dates.resolve(text, base)
    if resolved is None or resolved.precision < DatePrecision.MONTH:
        return False
    return _MONTH_PART.search(text) is None


def _resolve(d: Draft, text: str, base: dt.date | None) -> bool:
    resolved = dates.resolve(text, base)
    if resolved is not None:
        d.date, d.precision = resolved.date, resolved.precision
    return resolved is not None


def past_day(d: Draft) -> None:
    """The day before the report: "Reported on 2 February over the past 24 hours"."""
    if d.date is not None and d.time is not None and _past_day_told(d.time):
        d.date -= dt.timedelta(days=1)


def _past_day_told(span: Span) -> bool:
    """Whether the sentence of ``span`` tells of the past 24 hours, searched once a sentence
    (most drafts are dated by the article's one reference date)."""
    doc = span.doc
    start, end = columns.sentence_of(doc, span.start)
    told: dict[int, bool] = columns.memo(doc, "past_day", dict)
    if start not in told:
        told[start] = _PAST_DAY.search(columns.span_text(doc, start, end)) is not None
    return told[start]


def _date_of(
    sent_dates: list[Span], exclude: Span, published: dt.date | None, reference: dt.date | None
) -> dt.date | None:
    for e in sent_dates:
        if e is not exclude:
            resolved = dates.resolve(e.text, published)
            if resolved is not None:
                return resolved.date
    return reference


def _names_another(date: Span, trigger: set[int]) -> bool:
    """A date that modifies a noun other than the trigger dates that noun's referent, not the
    event: "to commemorate the 11 February 2011 Revolution", "to uphold his October 26 election
    victory" (but "the October 17 protests" are dated by it)."""
    root, noun = date.root, date.root.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i in trigger:
        return False
    if root.dep_ == "npadvmod":  # "in reaction to the killing of a trader the day before"
        return noun.dep_ not in ("nsubj", "nsubjpass")
    if root.dep_ not in _NOUN_MODIFIERS:
        return False
    # inside the noun phrase, after its determiner ("On 2 May 2020 Russian jets ..." is misread)
    inside = any(c.dep_ in ("det", "poss") and c.i < date.start for c in noun.children)
    return inside


def _glossed(span: Span) -> str:
    """A weekday with the date it glosses: "on Monday [5 June]" (the parser often ends the
    sentence at the bracket, so the date is not in the weekday's sentence)."""
    tail = _text_after(span, _GLOSS_CHARS)
    found = dates.find_absolute(tail)
    if found and found[0][0] == 0 and found[0][1] > len(columns.text(span)):
        return tail[: found[0][1]]
    return columns.text(span)


def _text_after(span: Span, chars: int) -> str:
    """The text from ``span``'s start to ``chars`` characters after its end: the document's
    text (joined once, ``columns.doc_text``) sliced."""
    start, end = columns.char_offsets(span.doc, span.start, span.end)
    return columns.doc_text(span.doc)[start : end + chars]


def _looks_like_day(text: str) -> bool:
    t = text.lower()
    return any(day in t for day in dates.WEEKDAYS) or "yesterday" in t or "today" in t
