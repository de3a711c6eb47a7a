"""Step 4 of geocoding (``kg.geo.geocode``), the neighbours' pass: each town's choice among
its weighed candidates favours those near the places already resolved, and an ambiguous name
or a village (below ``SMALL_TOWN``) whose entry lies far from every place resolved surely (a
town of one candidate, a district or province already placed, the seat of the one province
the words after a name give) is left off the map, and so is a village outside the fronts of
its country's war in a report of the fighting that names none of its provinces (nor the words
after its name), with no such place near (``kg.geo.fronts.off_front``)."""

from __future__ import annotations

from collections.abc import Mapping

from kg.geo.choice import (
    SMALL_TOWN,
    Context,
    Located,
    best,
    geocode_of,
    lone_abroad,
    stray,
)
from kg.geo.fronts import off_front
from kg.geo.gazetteer import Candidate, Gazetteer
from kg.geo.neighbours import Neighbours, near
from kg.geo.regions import seat
from kg.model import Geocode

__all__ = ["neighbours_pass"]


def neighbours_pass(
    gazetteer: Gazetteer,
    options: Mapping[str, list[tuple[Candidate, float]]],
    stated: Mapping[str, frozenset[tuple[str, str]]],
    context: Context,
    firm: frozenset[str],
    resolved: Mapping[str, Geocode],
) -> tuple[dict[str, Geocode], dict[str, tuple[str, str]]]:
    """Each town's choice among its ``options`` (by key), favouring those near the places
    already resolved, and the towns left off the map with their namesake's province: an
    ambiguous or foreign small place far from every sure one."""
    lone = {  # taken only as the one town of its name, in a country nothing points to
        k for k, o in options.items() if len(o) == 1 and lone_abroad(o[0][0], context)
    }
    first = {k: best(o) for k, o in options.items() if o}
    anchors: dict[str, Located] = {  # the districts and provinces placed already, and
        k: g for k, g in resolved.items() if g.latitude is not None
    }  # the towns of one candidate
    anchors.update((k, c) for k, (c, _) in first.items() if len(options[k]) == 1)
    for k, told in stated.items():  # "near Zzq (Rutshuru, Nord-Kivu)": the province's seat
        if len(told) == 1 and (division := next(iter(told)))[0] in firm:
            town = seat(gazetteer, division)
            if town is not None:
                anchors.setdefault(f"{k} within", town)
    placed: dict[str, Geocode] = {}
    far: dict[str, tuple[str, str]] = {}  # left off the map: its namesake's province
    neighbours = Neighbours((k, c) for k, (c, _) in first.items())
    located = {k for k, (c, _) in first.items() if c.latitude is not None}
    for key, scored in options.items():
        if not scored:
            continue
        others = len(located) > (key in located)
        chosen = best(near(scored, neighbours, key)) if others and len(scored) > 1 else first[key]
        doubtful = len(scored) > 1 or key in lone or chosen[0].population < SMALL_TOWN
        others_sure = [c for k, c in anchors.items() if k != key]
        if (doubtful and stray(chosen[0], others_sure)) or (
            not stated.get(key) and off_front(chosen[0], context, others_sure)
        ):
            far[key] = (chosen[0].country_code, chosen[0].admin1)
            continue  # an ambiguous or foreign small place far from every sure one, or a
            # village far from the war's fronts in a report of its fighting
        placed[key] = geocode_of(chosen[0], chosen[1])
    return placed, far
