"""Towns written with their province: "in Reynosa Tamaulipas", "in Salamanca, Guanajuato",
"Milagros (Masbate)".

News and ACLED's notes often give a town its first-level division right after it, and the
entity model often misreads the pair ("Reynosa Tamaulipas" as a person, "Casas Chiapas" as a
place cut from "San Cristobal de las Casas"). Two names that agree settle it: a run of
capitalised words whose leading words are, spelt exactly, a town of GeoNames and whose next
words name (closely: ``kg.geo.local.close``) the division that town lies in is that town. Such
a town becomes a place of the article (written glued to its division, the place's name keeps
the division, "Reynosa Tamaulipas", which the geocoder reads as a town of it); a place the model
cut from it takes its full name.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterator

from kg.geo.admin1 import bare_name, divisions_named
from kg.geo.gazetteer import CACHE_SIZE, Answers, Candidate, Gazetteer
from kg.geo.local import close
from kg.geo.names import fold_name
from kg.keys import name_key
from kg.model import Place, PlaceType, Span

__all__ = ["districts_with_province", "towns_with_province"]

_WORD = r"[A-Z\u00c0-\u00de][\w'\u2019-]*"
_JOIN = r"(?:de|del|la|las|los|el|da|do|dos|das|di)"
# a run of capitalised words (and the particles inside names), then maybe ", " or " (" and a
# second run: the division
_RUN = re.compile(rf"{_WORD}(?:\s+(?:{_JOIN}\s+)*{_WORD})*")
_SEPARATOR = re.compile(r"\s*(?:,|\()\s*")
_MAX_DIVISION_WORDS = 3
MIN_LETTERS = 4


def towns_with_province(
    text: str,
    places: tuple[Place, ...],
    gazetteer: Gazetteer,
    claimed: frozenset[tuple[int, int]] = frozenset(),
) -> tuple[Place, ...]:
    """``places`` with the towns written with their province added (or, where the model cut
    a place from such a town, that place given the town's full name). ``claimed``: the
    (start, end) of the actors' mentions; a span is one thing's mention, so a town whose span
    an actor has ("Reynosa Tamaulipas" read as a person) is mentioned by the town's own name
    only ("Reynosa"), or not at all."""
    out = list(places)
    spans = _Spans(out)
    keys = {p.key for p in out}
    for span, head_end in _pairs(text, gazetteer):
        overlapping = spans.overlapping(span.start, span.end)
        if any(
            m.start <= span.start and span.end <= m.end
            for i in overlapping
            for m in out[i].mentions
        ):
            continue  # the model has it, maybe with its province ("Matamoros Tamaulipas")
        if spans.has(span.start, head_end):
            continue  # the model has the town and its province apart ("Fresnillo", "Zacatecas")
        cut = [i for i in overlapping if len(out[i].mentions) == 1]
        mentions = _unclaimed(span, head_end, text, claimed)
        if cut and mentions == (span,):
            # "Casas Chiapas" of "San Cristobal de las Casas Chiapas": the town's name
            i = cut[0]
            spans.remove(i, out[i].mentions)
            out[i] = dataclasses.replace(
                out[i], label=span.text, mentions=(span,), place_type=PlaceType.TOWN
            )
            spans.add(i, out[i].mentions)
        elif not overlapping:
            key = name_key(span.text)
            if key not in keys:
                keys.add(key)
                spans.add(len(out), mentions)
                out.append(Place(key, span.text, PlaceType.TOWN, mentions))
    return tuple(out)


class _Spans:
    """The places' mentions sorted by start, by the place's index: which places a span
    overlaps, and whether one is exactly there, without reading every mention of the article
    for each town of a run (kept up to date as ``towns_with_province`` changes its places)."""

    def __init__(self, places: list[Place]) -> None:
        self._rows = sorted((m.start, m.end, i) for i, p in enumerate(places) for m in p.mentions)
        self._longest = max((end - start for start, end, _ in self._rows), default=0)
        self._at = Counter((start, end) for start, end, _ in self._rows)

    def overlapping(self, start: int, end: int) -> list[int]:
        """The indexes, in order, of the places with a mention overlapping [start, end)."""
        # a mention starting before start - longest ends before start
        first = bisect_left(self._rows, (start - self._longest,))
        last = bisect_left(self._rows, (end,))
        return sorted({i for s, e, i in self._rows[first:last] if s < end and start < e})

    def has(self, start: int, end: int) -> bool:
        """Whether a place has a mention of exactly [start, end)."""
        return self._at[(start, end)] > 0

    def add(self, i: int, mentions: tuple[Span, ...]) -> None:
        for m in mentions:
            insort(self._rows, (m.start, m.end, i))
            self._at[(m.start, m.end)] += 1
            self._longest = max(self._longest, m.end - m.start)

    def remove(self, i: int, mentions: tuple[Span, ...]) -> None:
        for m in mentions:
            self._rows.remove((m.start, m.end, i))
            self._at[(m.start, m.end)] -= 1


def _unclaimed(
    span: Span, head_end: int, text: str, claimed: frozenset[tuple[int, int]]
) -> tuple[Span, ...]:
    """The place's mention: its span, else (an actor has it) the town's own name in it, else
    none."""
    if (span.start, span.end) not in claimed:
        return (span,)
    if head_end < span.end and (span.start, head_end) not in claimed:
        return (Span(span.start, head_end, text[span.start : head_end]),)
    return ()


def _pairs(text: str, gazetteer: Gazetteer) -> Iterator[tuple[Span, int]]:
    """The spans of towns followed by their own division (with it, when glued), and where
    each town's own name ends."""
    runs = list(_RUN.finditer(text))
    for n, run in enumerate(runs):
        following = runs[n + 1] if n + 1 < len(runs) else None
        after = (
            following.group()
            if following is not None
            and _SEPARATOR.fullmatch(text, run.end(), following.start()) is not None
            else ""
        )
        found = _town_in(run.group(), after, gazetteer)
        if found:
            start, end, head_end = found
            offset = run.start()
            yield Span(offset + start, offset + end, run.group()[start:end]), offset + head_end


# the answers of ``_town_in`` by run and next run, for each gazetteer: news repeats its runs
# ("Borno State", "Abu Tawilah, Rafah"), three in four of them in a later sentence or article
_TOWNS_IN: Answers[tuple[str, str], tuple[int, ...]] = Answers()


def _town_in(run: str, after: str, gazetteer: Gazetteer) -> tuple[int, ...]:
    """``_town_in_run``, cached (``_TOWNS_IN``) and bounded as the gazetteer's own cache."""
    return _TOWNS_IN.answer(
        gazetteer, (run, after), lambda: _town_in_run(run, after, gazetteer), CACHE_SIZE
    )


def _town_in_run(run: str, after: str, gazetteer: Gazetteer) -> tuple[int, ...]:
    """The longest leading-or-inner part of the run that is a town of the division its next
    words (or the next run's) name, as (start, end, end of the town's own name) in the run
    (with the division when glued), or () for none."""
    words = list(re.finditer(r"\S+", run))
    for first in range(len(words)):
        for last in range(len(words), first, -1):
            head = run[words[first].start() : words[last - 1].end()]
            tail = " ".join(w.group() for w in words[last : last + _MAX_DIVISION_WORDS])
            rest = tail if last < len(words) else after
            if not rest or len(fold_name(head)) < MIN_LETTERS:
                continue
            named = _named_division(head, rest, gazetteer)
            if named == 0:
                continue
            start = words[first].start()
            if last < len(words):  # glued: the town's name with its division, as one place
                end = words[last + named - 1].end()  # "Reynosa Tamaulipas"
                return start, end, start + len(head)
            return start, start + len(head), start + len(head)
    return ()


def _named_division(head: str, rest: str, gazetteer: Gazetteer) -> int:
    """How many of the words of ``rest`` name a division a town called ``head`` lies in (0:
    none)."""
    towns = [c for c in gazetteer.lookup_exact(head) if c.kind == "town"]
    if not towns:
        return 0
    words = rest.split()[:_MAX_DIVISION_WORDS]
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n]).rstrip(".,;:)")
        folded = fold_name(bare_name(name))
        if len(folded) < MIN_LETTERS:
            continue
        divisions = {d for d in divisions_named(name) if close(folded, fold_name(bare_name(d[1])))}
        if any((c.country_code, c.admin1) in divisions for c in towns):
            return n
    return 0


_NAMES = rf"{_WORD}(?:\s+(?:{_JOIN}\s+)*{_WORD})*"
# "Surobi district Kabul", "Khogyani district, Nangarhar", "Monabbih district (Sadah)"
_DISTRICT_PAIR = re.compile(rf"({_NAMES})\s+district\s*(?:,|\(|\bof\b|\bin\b)?\s*({_NAMES})")


def districts_with_province(
    text: str,
    places: tuple[Place, ...],
    gazetteer: Gazetteer,
    claimed: frozenset[tuple[int, int]] = frozenset(),
) -> tuple[tuple[Place, ...], dict[str, Candidate]]:
    """``places`` with the districts written with their province ("in Surobi district
    Kabul") as ``DISTRICT`` places, and the second-level division each of them is, by place
    key: the only district of the name in that province. ``claimed``: as for
    ``towns_with_province``."""
    out = list(places)
    found: dict[str, Candidate] = {}
    for match in _DISTRICT_PAIR.finditer(text):
        hit = _district_in(match, gazetteer)
        if hit is None:
            continue
        span, district = hit
        same = [i for i, p in enumerate(out) if span in p.mentions]
        if same:
            i = same[0]
            out[i] = dataclasses.replace(out[i], place_type=PlaceType.DISTRICT)
            found[out[i].key] = district
        elif not any(m.start < span.end and span.start < m.end for p in out for m in p.mentions):
            key = name_key(span.text)
            if all(p.key != key for p in out):
                mentions = () if (span.start, span.end) in claimed else (span,)
                out.append(Place(key, span.text, PlaceType.DISTRICT, mentions))
                found[key] = district
    return tuple(out), found


def _district_in(match: re.Match[str], gazetteer: Gazetteer) -> tuple[Span, Candidate] | None:
    """The district the name's last words name, in the province the next words name; none
    when a town of its name lies in that province (the geocoder finds the town, where ACLED
    codes a district's events)."""
    words = list(re.finditer(r"\S+", match[1]))
    province = match[2].split()[:_MAX_DIVISION_WORDS]
    divisions: set[tuple[str, str]] = set()
    for n in range(len(province), 0, -1):
        name = " ".join(province[:n])
        folded = fold_name(bare_name(name))
        if len(folded) >= MIN_LETTERS:
            divisions |= {
                d for d in divisions_named(name) if close(folded, fold_name(bare_name(d[1])))
            }
    if not divisions:
        return None
    for first in range(len(words)):
        head = match[1][words[first].start() :]
        if len(fold_name(head)) < MIN_LETTERS:
            continue
        inside = [c for c in gazetteer.districts(head) if (c.country_code, c.admin1) in divisions]
        if len(inside) == 1:
            seat = (inside[0].country_code, inside[0].admin1)
            if any(
                c.kind == "town" and (c.country_code, c.admin1) == seat
                for c in gazetteer.lookup_exact(head)
            ):
                return None  # its namesake town there ("Shindand district, Herat"): the town
            start = match.start(1) + words[first].start()
            return Span(start, start + len(head), head), inside[0]
    return None
