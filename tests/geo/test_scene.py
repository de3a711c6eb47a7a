"""The place a sentence opens with sets the scene of its events (``kg.geo.scene``)."""

from __future__ import annotations

import pytest

from kg.geo.places import assemble
from kg.geo.scene import Scenes, scene_of
from kg.model import Event, Geocode, GeoPrecision, PlaceType, Span
from tests.geo.fakes import one_event, place_records

_SQUARE_IN_LOWTOWN = [("Green Square", PlaceType.OTHER), ("Lowtown", PlaceType.TOWN)]


def _scene(text: str, places: list[tuple[str, PlaceType]], mapped: set[str]) -> str | None:
    extraction = one_event(text, places, "protested")
    (event,) = extraction.events
    return scene_of(event, {p.key: p for p in extraction.places}, frozenset(mapped), text)


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May 2020, in Lowtown, Midshire, workers protested at the Green Square.",
        "In Lowtown Midshire a group of workers protested at the Green Square.",
        "Labour: On 2 May 2020 in Lowtown workers protested at the Green Square.",
        "Around 2 May 2020 (as reported), in the town of Lowtown, workers protested at the "
        "Green Square.",
    ],
)
def test_an_event_at_no_town_of_its_own_takes_the_place_its_sentence_opens_with(
    text: str,
) -> None:
    assert _scene(text, _SQUARE_IN_LOWTOWN, {"lowtown"}) == "lowtown"


def test_an_event_at_a_town_of_its_own_keeps_it() -> None:
    text = "On 2 May 2020, in Lowtown, workers from Hightown protested in Hightown."
    places = [("Hightown", PlaceType.TOWN), ("Lowtown", PlaceType.TOWN)]
    assert _scene(text, places, {"lowtown", "hightown"}) is None


@pytest.mark.parametrize(
    "text",
    [
        "Workers in Lowtown said others protested at the Green Square.",  # the subject's place
        "On 2 May 2020, officials in Lowtown said workers protested at the Green Square.",
    ],
)
def test_a_place_inside_the_clause_is_no_scene(text: str) -> None:
    assert _scene(text, _SQUARE_IN_LOWTOWN, {"lowtown"}) is None


@pytest.mark.parametrize(
    ("places", "precision"),
    [
        (_SQUARE_IN_LOWTOWN, GeoPrecision.NEAR),  # at a square of the town
        ([("Midland", PlaceType.COUNTRY), ("Lowtown", PlaceType.TOWN)], GeoPrecision.PLACE),
    ],
)
def test_the_scene_becomes_the_location_of_an_event_at_no_town(
    places: list[tuple[str, PlaceType]], precision: GeoPrecision
) -> None:
    text = "On 2 May 2020, in Lowtown, workers protested at the Green Square for Midland."
    geo = {"lowtown": Geocode(7, "Lowtown", "XX", 1.0, 2.0, "North")}
    if places[0][1] is PlaceType.COUNTRY:
        geo["midland"] = Geocode(8, "Midland", "YY", None, None)
    out = assemble(one_event(text, places, "protested"), geo, home="XX")
    (event,) = out.events
    assert (event.location, event.geo_precision) == ("geonames-7", precision)
    assert event.places[1] == "geonames-7"  # after its own place


@pytest.mark.parametrize(
    "text",
    [
        "Militiamen protested in the village of Greenfield, near Lowtown, on Monday.",
        "Militiamen protested at Greenfield camp west of Lowtown on Monday.",
        "Militiamen protested at Greenfield, 10 Kms from Lowtown, on Monday.",
        "Militiamen protested in the Greenfield area on the outskirts of Lowtown.",
    ],
)
def test_an_event_at_a_village_gazetteers_lack_takes_the_place_it_is_told_near(
    text: str,
) -> None:
    places = [("Greenfield", PlaceType.TOWN), ("Lowtown", PlaceType.TOWN)]
    assert _scene(text, places, {"lowtown"}) == "lowtown"


def test_a_town_on_the_map_is_not_placed_by_the_town_it_is_told_near() -> None:
    text = "Militiamen protested in Greenfield, near Lowtown, on Monday."
    places = [("Greenfield", PlaceType.TOWN), ("Lowtown", PlaceType.TOWN)]
    assert _scene(text, places, {"greenfield", "lowtown"}) is None
    text = "Militiamen protested in Greenfield and later in Lowtown."  # no "near"
    assert _scene(text, places, {"lowtown"}) is None


def test_the_scenes_of_an_articles_events_are_each_their_own_sentences() -> None:
    first = "On 2 May, in Lowtown, workers protested at the Green Square."
    second = " In Hightown, farmers marched to the Old Market."
    text = first + second
    places = place_records(
        text,
        [
            ("Green Square", PlaceType.OTHER),
            ("Hightown", PlaceType.TOWN),
            ("Old Market", PlaceType.OTHER),
            ("Lowtown", PlaceType.TOWN),
        ],
    )
    by_key = {p.key: p for p in places}
    sentences = [Span(0, len(first), first), Span(len(first) + 1, len(text), second.strip())]

    def event(trigger: str, sentence: Span, place: str) -> Event:
        start = text.index(trigger)
        return Event(
            "protest", Span(start, start + len(trigger), trigger), sentence, places=(place,)
        )

    scenes = Scenes(by_key, frozenset({"lowtown", "hightown"}), text)
    assert scenes.of(event("protested", sentences[0], "green-square")) == "lowtown"
    assert scenes.of(event("marched", sentences[1], "old-market")) == "hightown"
    # the place an event's sentence opens with is no scene of an event already there
    assert scenes.of(event("marched", sentences[1], "hightown")) is None
