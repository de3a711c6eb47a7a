"""One sentence's tally of the uprooted: "three million people have fled to neighbouring
countries, while another 6.5 million are displaced inside the country" tells one
displacement, with its refugees and its displaced, not two."""

from __future__ import annotations

from kg.extract.drafts import Draft, absorb, dedup

__all__ = ["fold_uprooted"]

_DISPLACEMENT = "displacement"


def fold_uprooted(drafts: list[Draft]) -> list[Draft]:
    """The drafts of one sentence, its displacements that count other figures than the first
    one's (refugees beside the displaced) folded into that first one, with their people and
    places. Displacements that count the same figure ("5,000 fled X and 3,000 fled Y") stay
    apart."""
    host: Draft | None = None
    kept = []
    for d in drafts:
        if d.event_class != _DISPLACEMENT or not d.counts:
            kept.append(d)
            continue
        if host is None or set(host.counts) & set(d.counts):
            host = host or d
            kept.append(d)
            continue
        host.agents = dedup([*host.agents, *d.agents])
        host.places = dedup([*host.places, *d.places])
        absorb(host, d)
    return kept
