"""Where an event whose sentence names no place happened: where the story's previous event of
armed violence in its paragraph did, as ACLED's coders read a story ("Gunmen attacked a
checkpoint in Lowtown. Soldiers returned fire, killing two of them": the soldiers fired in
Lowtown), not the article's country (:mod:`kg.extract.event_places` falls back to it).

Not where the sentence opens another happening ("Separately,", "In another attack":
:func:`kg.extract.continued.opens_another`) or tells another day, nor for a statement
(where it was said is not where the fighting was)."""

from __future__ import annotations

from kg.extract import columns
from kg.extract.continued import VIOLENT_FAMILIES, opens_another
from kg.extract.drafts import Draft
from kg.extract.found import Mentions
from kg.extract.twins import family
from kg.model import PlaceType

__all__ = ["carry_places"]


def carry_places(events: list[Draft], mentions: Mentions) -> None:
    """Give each event whose sentence names no place (``_names_a_place``) and that no rule
    placed but at the article's country the places of the story's last event of armed
    violence before it in its paragraph placed somewhere more telling than that country."""
    if not events:
        return
    text = columns.doc_text(events[0].sentence.doc)
    host: Draft | None = None
    for e in sorted(events, key=lambda d: d.trigger.start):
        if host is not None and _paragraph(text, host) != _paragraph(text, e):
            host = None
        if (
            host is not None
            and e.event_class != "statement"
            and set(e.places) <= {mentions.main_place}  # the country's fallback, or none
            and not _names_a_place(e, mentions)
            and not opens_another(e)
            and not _another_day(e, host)
        ):
            e.places = list(host.places)
        if (
            family(e.event_class) in VIOLENT_FAMILIES
            and not e.background
            and _below_country(e, mentions)  # somewhere more telling than the country
        ):
            host = e


def _below_country(e: Draft, mentions: Mentions) -> bool:
    """Whether ``e`` is placed somewhere other than the article's main place, not a country."""
    countries = {
        f.key for f in (*mentions.found, *mentions.unnamed_places)
        if f.kind == "place" and f.place_type is PlaceType.COUNTRY
    }  # fmt: skip
    return bool(set(e.places) - countries - {mentions.main_place})


def _another_day(e: Draft, host: Draft) -> bool:
    """Whether the two are told of different days ("On Saturday, gunmen attacked a market in
    Lowtown. Today, attacks killed 35 more": today's may be elsewhere)."""
    if e.date is not None and host.date is not None:
        return e.date != host.date
    if e.time is None or not e.sentence.start <= e.time.start < e.sentence.end:
        return False  # no day told in its own sentence
    return host.time is None or e.time.text.lower() != host.time.text.lower()  # "Today, ..."


def _paragraph(text: str, e: Draft) -> int:
    """Where the paragraph of ``e``'s sentence starts: after the last line break before it."""
    return text.rfind("\n", 0, e.sentence.start_char)


def _names_a_place(e: Draft, mentions: Mentions) -> bool:
    return any(
        (f := mentions.at(i)) is not None and f.kind == "place"
        for i in range(e.sentence.start, e.sentence.end)
    )
