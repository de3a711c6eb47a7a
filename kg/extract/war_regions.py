"""The lexicon's war regions (``[places.regions]`` of ``kg/data/lexicon.toml``: "Idlib",
"Middle Juba", "Donetsk"): the country a place's label names by its region, and the country
an article's places lie in, for the mention finder (:mod:`kg.extract.mentions`)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from kg.extract import columns
from kg.extract.alternation import by_first_letter
from kg.extract.char_spans import char_span
from kg.extract.found import Found
from kg.extract.lexicon import Lexicon

__all__ = ["WarRegions"]


class WarRegions:
    """Built once per lexicon; the region of a place's label is kept per label."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.regions: dict[str, str] = {
            _key(name): iso
            for iso, names in lexicon.words["places"]["regions"].items()
            for name in names
        }
        self.war_countries = frozenset(self.regions.values())
        self.region_names = _names_pattern(self.regions)
        self._region_of: dict[str, str] = {}  # a place's label -> the region's country, or ""

    def event_country(
        self,
        doc: Doc,
        found: list[Found],
        skip: frozenset[int] = frozenset(),
        main: str = "",
    ) -> str:
        """The country the places of the article lie in (a country named, or one of its regions
        in ``lexicon.toml``), or "" when they tell none. Unlike the main country, actors do not
        vote: armies and rebels fight abroad. ``skip``: tokens of places that tell no country
        of the events (a protest's topic), which the names of regions do not count either.
        Where places tie, the ``main`` country (which demonyms and actors vote for too) if it
        is one of them: "in Indian-administered Kashmir ... India has long accused Pakistan of
        backing militants ... in the Kupwara district" is India's, not the first named."""
        votes: Counter[str] = Counter()
        for f in found:
            if f.kind == "place":  # "Jilib Middle Juba": a region's name inside the label
                iso = f.country or self.region_country(f.label)
                if iso:
                    votes[iso] += 1
        if not votes:  # a region the place rules missed ("shelled Novozed, Donetsk")
            actors = {i for f in found if f.kind == "actor" for i in range(f.start, f.end)}
            for match in self.region_names.finditer(columns.doc_text(doc)):
                span = char_span(doc, match.start(), match.end())
                if span is not None and not any(t.i in actors or t.i in skip for t in span):
                    votes[self.regions[_key(match.group(0))]] += 1
        if not votes:
            return ""
        most = max(votes.values())
        return main if votes.get(main) == most else votes.most_common(1)[0][0]

    def region_country(self, label: str) -> str:
        """The country of the first of the lexicon's war regions a place's label names
        ("Jilib Middle Juba": Somalia), or "". The pattern of all region names costs ~0.1 ms,
        and the same labels come back article after article: kept per label, at most
        ``_LABELS_KEPT`` of them."""
        iso = self._region_of.get(label)
        if iso is None:
            region = self.region_names.search(label)
            iso = self.regions[_key(region.group(0))] if region else ""
            if len(self._region_of) >= _LABELS_KEPT:
                self._region_of.clear()
            self._region_of[label] = iso
        return iso


_LABELS_KEPT = 20_000


def _key(name: str) -> str:
    """A region's name as the lexicon's keys and the pattern's matches are looked up: case
    folded, without accents, dotless i as i. The pattern ignores case as ``re`` does, under
    which a Turkish dotted capital I and dotless i ("Izmir", "Diyarbakir" as Turkish writes
    them) and a long s match "i" and "s", though ``str.lower`` leaves a combining dot after
    the first and the others as they are: no key of the lexicon."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("\u0131", "i"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """A pattern of whole words matching any of ``names`` (lower case), ignoring case, the
    longest first where several start at one place. The lookahead for a name's first letter
    rejects most positions at once (as in dates.py), and the names are grouped by that letter
    (:func:`~kg.extract.alternation.by_first_letter`): one flat alternation of all names cost
    ~14 ms over an article's text."""
    ordered = sorted(names, key=len, reverse=True)
    first = "".join(sorted({re.escape(name[0]) for name in ordered}))
    return re.compile(rf"(?<!\w)(?=[{first}]){by_first_letter(ordered)}(?!\w)", re.I)
