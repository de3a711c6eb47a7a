"""Where an article tells its places: the sentences that hold some mentions, and the places a
span of the text names, found by bisecting offsets.

``kg.geo.places`` asks both for each event. A scan of every sentence, and of every place's
every mention, for each event made a long article cost the square of its length (a report of
20,000 words: ~1,300 events, ~800 places); these answer from indexes built once an article,
the same answers as the scans (``inside`` is the containment both use). ``filed_from``: the
place a wire story's dateline names, where its events that name no town are put.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import pairwise

from kg.model import Place, Span

__all__ = ["Sentences", "Told", "filed_apart", "filed_from", "inside"]


def inside(span: Span, sentence: Span) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end


class Sentences:
    """An article's sentences, in order and not overlapping (as the extraction gives them; in
    any other order, each question is answered by a scan)."""

    def __init__(self, sentences: tuple[Span, ...]) -> None:
        self.spans = sentences
        self.starts = [s.start for s in sentences]
        self.ordered = all(a.end <= b.start for a, b in pairwise(sentences))

    def holding(self, mentions: Iterable[Span]) -> list[Span]:
        """The sentences that hold one of ``mentions``, in order."""
        if not self.ordered:
            wanted = list(mentions)
            return [s for s in self.spans if any(inside(m, s) for m in wanted)]
        found = set()
        for m in mentions:  # in ordered sentences, the last ones starting before it (more
            # than one only where an empty mention or sentence lies on a boundary)
            i = bisect_right(self.starts, m.start) - 1
            while i >= 0 and self.spans[i].end >= m.start:
                if inside(m, self.spans[i]):
                    found.add(i)
                i -= 1
        return [self.spans[i] for i in sorted(found)]

    def continued(self, sentence: Span) -> list[Span]:
        """The sentences that go on from ``sentence``: a sentence never opens with a lower-case
        word, so one that does is the same sentence, split at an abbreviation's full stop
        ("... a march on Ayatollah Behbahani Blvd. | in Ahvaz city")."""
        out: list[Span] = []
        last = sentence
        first = bisect_left(self.starts, sentence.end) if self.ordered else 0
        for s in self.spans[first:]:
            if s.start < last.end:
                continue
            if not s.text[:1].islower() or s.text[:1] == "":
                break
            out.append(s)
            last = s
        return out


class Told:
    """The places' mentions, sorted by offset: which places a span names."""

    def __init__(
        self, places: Iterable[Place], aside: frozenset[tuple[int, int]] = frozenset()
    ) -> None:
        """``aside``: the spans of mentions that name no place of their sentence's events."""
        self.rows = sorted(
            (m.start, m.end, p.key)
            for p in places
            for m in p.mentions
            if (m.start, m.end) not in aside
        )
        self.starts = [start for start, _, _ in self.rows]

    def named_in(self, spans: Iterable[Span]) -> set[str]:
        """The keys of the places with a mention inside one of ``spans``."""
        keys: set[str] = set()
        for s in spans:
            i = bisect_left(self.starts, s.start)
            while i < len(self.rows) and self.rows[i][0] <= s.end:
                if self.rows[i][1] <= s.end:
                    keys.add(self.rows[i][2])
                i += 1
        return keys


def filed_from(places: Iterable[Place], text: str) -> str | None:
    """The key of the place the story was filed from: the article's first place, written in
    capitals as a dateline writes its town ("NAIROBI, June 26 (AP) -"), if it is so (a story
    filed from two towns has none of its own: the caller asks :func:`filed_apart` first)."""
    told = [(m.start, m.end, p.key) for p in places for m in p.mentions]
    if not told:
        return None
    start, end, key = min(told)
    written = text[start:end]
    return key if len(written) > 1 and written.isupper() else None


_DATELINE_REACH = 400  # characters from the start where a dateline may stand (after a headline)


def filed_apart(places: Iterable[Place], text: str) -> frozenset[int]:
    """Where a story filed from two towns ("YEREVAN/BAKU, Sept 15 (Reuters) -") names them:
    the start offsets of those two mentions, which tell where its reporters were, no town of
    its events."""
    told = sorted((m.start, m.end) for p in places for m in p.mentions)
    for i, (start, end) in enumerate(told):
        if start > _DATELINE_REACH:
            break
        line = text[text.rfind("\n", 0, start) + 1 : end]  # its line up to the town
        if text[end : end + 1] == "/" and len(line) > 1 and line.isupper():
            towns = {start}
            for after, after_end in told[i + 1 :]:  # "KYIV/MOSCOW/WASHINGTON"
                if after != end + 1:
                    break
                towns.add(after)
                end = after_end
                if text[end : end + 1] != "/":
                    break
            return frozenset(towns)
    return frozenset()
