"""Figures the text states outright, which win over those read off the parse: "No fatalities
were reported", "1 fatality", ACLED's own "Fatalities coded as 0 (... reported 3)"; and the
figures of sentences that have no event of their own."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from spacy.tokens import Doc, Span

from kg.extract import columns
from kg.extract.drafts import Draft
from kg.extract.numbers import parse_number

ORPHANS = "kg.figures.orphans"  # Doc.user_data key: figures no event of their sentence took
LATER_DEATHS = "kg.figures.later"  # Doc.user_data key: "he died later", "resulting in his death"
_NUMBER = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_DEATHS = r"(?:fatalit(?:y|ies)|casualties|deaths)"
# ACLED's own notes: "Fatalities coded as 0 (VoJ reported 2)", "Total fatalities coded to 9",
# "coded at low estimate of 3", "Unclear fatalities coded as half (6)"
_CODED = re.compile(
    rf"\b{_DEATHS}\b[\w\s,(]{{0,40}}?\bcoded\s+(?:as|to|at)\s+"
    rf"(?:(?:a\s+)?low(?:est)?\s+estimate\s+of\s+|half\s+\(\s*)?{_NUMBER}",
    re.I,
)
_STATED = re.compile(
    rf"(?<!reported )(?<!claimed )\b{_NUMBER}\s+fatalit(?:y|ies)\b"
    rf"|\bfatalit(?:y|ies)\s*:?\s*{_NUMBER}\b(?![\w\s]{{0,12}}(?:events|locations))",
    re.I,
)
_NONE = re.compile(
    r"\b(?:no|nor|without(?: any)?)\s+(?:reported\s+|known\s+|confirmed\s+)?"
    r"(?:fatalities|casualties|deaths|injuries or fatalities|injuries nor fatalities)\b"
    r"|\bno (?:one|body) (?:was|were) (?:killed|hurt|injured)\b"
    r"|\bno reports? of (?:fatalities|casualties|deaths)\b",
    re.I,
)
# a word each of the three patterns above needs: a sentence without one tells no figure
_CUES = re.compile(r"fatalit|casualties|deaths|killed|hurt|injured", re.I)
_EVERY_CUE = re.compile(f"(?=({_CUES.pattern}))", re.I)
_NON_VIOLENT = frozenset({"statement", "displacement", "conflict", "peaceful-protest"})
# draft classes the classifier may still drop: a stated figure is safer elsewhere
_UNSURE = frozenset({"found-body", "weapons-find", "kill", "death", "release", "territory-loss",
                     "protest-block", "labour-strike", "crowd-force", "movement"})  # fmt: skip


def explicit_fatalities(
    doc: Doc, drafts: list[Draft], continues: Callable[[int, int], bool] | None = None
) -> None:
    """What the text says of the dead outright wins over figures read off verbs:
    "No fatalities were reported", "1 fatality", "Fatalities coded as 0 (... reported 3)".
    "No casualties" is told of its own happening (``continues``: the sentence of one token
    goes on telling that of another, :mod:`kg.extract.happenings`): "Separately, drones hit a
    depot. No casualties were reported." leaves the lead's dead to the lead; a figure stated
    ("3 fatalities", ACLED's "coded as") stays the text's total."""
    violent = [d for d in drafts if d.event_class not in _NON_VIOLENT]
    _adopt_orphans(doc, violent)
    _later_deaths(doc, violent)
    _secure(violent)
    cues = _cue_spans(doc)
    if not cues:
        return  # no sentence can state a figure
    starts = [a for a, _ in cues]  # increasing: at most one cue starts at a character
    for start, end in columns.sentence_bounds(doc):
        first, last = columns.char_offsets(doc, start, end) if end > start else (0, 0)
        if not _holds_cue(cues, starts, first, last):
            continue  # ``_CUES.search(text) is None``
        text = columns.span_text(doc, start, end)
        sent = doc[start:end]
        # the words each pattern needs, looked for in the lower-cased text first (ASCII only:
        # ``re.I`` folds some other letters to ASCII ones, as "\u212a" to "k")
        low = text.lower() if text.isascii() else None
        coded = _CODED.search(text) if low is None or "coded" in low else None
        stated = coded or (_STATED.search(text) if low is None or "fatalit" in low else None)
        if stated is not None:
            value = parse_number(_group(stated))
        elif (low is None or "no" in low or "without" in low) and _NONE.search(text):
            value = 0
        else:
            continue
        told = violent  # a stated figure is the text's total ("Fatalities coded as 3")
        if stated is None and continues is not None:  # none is its happening's
            told = [d for d in violent if continues(d.sentence.start, start)]
        target = _target(told, sent)
        if value is None or target is None:
            continue
        if stated is not None:  # the total: no other figure adds to it
            for d in violent:
                d.counts.pop("fatalities", None)
        target.counts["fatalities"] = value


def _holds_cue(cues: list[tuple[int, int]], starts: list[int], first: int, last: int) -> bool:
    """Whether a cue lies within the characters ``first``-``last``: only the cues starting
    there are looked at (all of them for every sentence made a long article quadratic)."""
    i = bisect_left(starts, first)
    while i < len(cues) and cues[i][0] <= last:
        if cues[i][1] <= last:
            return True
        i += 1
    return False


def _cue_spans(doc: Doc) -> list[tuple[int, int]]:
    """The character spans of every ``_CUES`` word in the Doc's text, overlapping ones too
    (the words start with different letters: at most one starts at a character), found once:
    a sentence holds a cue if one of them lies inside it."""
    return [
        (m.start(), m.start() + len(m.group(1))) for m in _EVERY_CUE.finditer(columns.doc_text(doc))
    ]


def _adopt_orphans(doc: Doc, violent: list[Draft]) -> None:
    """Figures of a sentence with no event of its own go to the nearest event before them
    (after them if there is none)."""
    for i, kind, value in doc.user_data.pop(ORPHANS, []):
        before = [d for d in violent if d.trigger.start < i]
        pool = before or violent
        if pool:  # a figure told again ("The Star reports four dead") is not added
            host = min(pool, key=lambda d: abs(d.trigger.start - i))
            host.counts.setdefault(kind, value)


def _later_deaths(doc: Doc, violent: list[Draft]) -> None:
    """ "Gunmen shot a civilian. He died later in the day.": one death, where the article
    counts none; where it does, the death told again ("... killed a man; his death ...")."""
    later = doc.user_data.pop(LATER_DEATHS, [])
    if not later or any("fatalities" in d.counts for d in violent):
        return
    before = [d for d in violent if d.trigger.start < later[0]] or violent
    if before:
        before[-1].counts["fatalities"] = 1


def _secure(violent: list[Draft]) -> None:
    """Figures held by a draft the classifier may drop ("their bodies burnt in a grenade
    attack": a found-body draft with no finding) go to a surer event of the same sentence."""
    sure_at: dict[int, list[Draft]] = {}  # sentence start -> its sure drafts, in order
    for o in violent:
        if o.event_class not in _UNSURE:
            sure_at.setdefault(o.sentence.start, []).append(o)
    for d in violent:
        if d.event_class not in _UNSURE or not d.counts or _strike_that_killed(d):
            continue
        sure = sure_at.get(d.sentence.start)
        if sure:
            for kind, value in d.counts.items():
                sure[0].counts[kind] = sure[0].counts.get(kind, 0) + value
            d.counts.clear()


def _strike_that_killed(d: Draft) -> bool:
    """ "Israeli strike kills three, militants fire rockets": a strike that killed is no
    labour strike, and the classifier keeps it (a strike from the air or by guns)."""
    return d.event_class == "labour-strike" and any(
        g.event_class in ("kill", "death") for g, _ in d.folded
    )


def _group(match: re.Match[str]) -> str:
    return next(g for g in match.groups() if g is not None)


def _target(violent: list[Draft], sent: Span) -> Draft | None:
    """The event a figure stated in a sentence belongs to: the one already counting deaths,
    else the sentence's first, else the last before it; one the classifier keeps if it can."""
    sure = [d for d in violent if d.event_class not in _UNSURE]
    for pool in (sure, violent):
        counted = [d for d in pool if "fatalities" in d.counts]
        here = [d for d in pool if d.sentence.start == sent.start]
        before = [d for d in pool if d.sentence.start < sent.start]
        found = counted[:1] or here[:1] or before[-1:] or pool[:1]
        if found:
            return found[0]
    return None
