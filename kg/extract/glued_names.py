"""Place names written side by side with no comma, as the mention finder's country vote reads
them (:mod:`kg.extract.mentions`): one name the entity model cut in two ("Bab" + "Tajura",
"Bandar" + "Abbas"), or a town glued to its province ("Tijuana Baja" + "California",
"Morelia Michoacan"). Either way the pieces are one thing to look up: "California" alone is a
state of the United States, "Bab" alone Syria's Al Bab, while the whole names a town of Baja
California and a quarter of Tajura."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.extract.found import Found

__all__ = ["glued_labels"]


def glued_labels(doc: Doc, places: Sequence[Found]) -> dict[int, str]:
    """For each place mention (by ``id``) in a run of place mentions with nothing between
    them (not a comma, not a word), the label the run is looked up by: the whole run's text
    for its first mention, "" for the others (the run is one name: it votes once). Places
    that are countries are no part of a run ("Kabul Afghanistan": the town and its country)."""
    ordered = sorted((f for f in places if not f.country), key=lambda f: f.start)
    runs: list[list[Found]] = []
    for f in ordered:
        if runs and runs[-1][-1].end == f.start:
            runs[-1].append(f)
        else:
            runs.append([f])
    labels: dict[int, str] = {}
    for run in runs:
        if len(run) < 2:
            continue
        labels[id(run[0])] = doc[run[0].start : run[-1].end].text
        labels.update((id(f), "") for f in run[1:])
    return labels
