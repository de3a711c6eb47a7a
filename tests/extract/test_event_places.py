"""Which of a sentence's places an event is at (kg/extract/events.py, ``_places``)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.event_places import _most_specific
from kg.model import Article

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of women in Lowtown [Coast Province] took to the streets protesting drug abuse.",
        "Hundreds of traders in Lowtown [Hill Province] took to the streets over taxes.",
        "On 3 May 2021, gunmen attacked the police station in Lowtown (Lowtown, Hightown), and "
        "wounded three policemen.",
    ],
)
def test_a_place_in_brackets_after_a_place_is_where_it_lies_the_event_is_there_first(
    extractor: Any, text: str
) -> None:
    result = extractor.extract_one(Article("t", text))
    assert result.events and result.events[0].places[0] == "lowtown"


def test_a_bracket_opening_with_a_name_no_place_holds_where_the_place_lies(
    extractor: Any,
) -> None:
    # "Mogi das Cruzes" is no mention for the rules; the bracket still tells where Itapeba lies
    text = "On 3 May 2021, in Itapeba (Mogi das Cruzes, Sao Paulo), gunmen shot a man."
    result = extractor.extract_one(Article("t", text))
    assert result.events and result.events[0].places[0] == "itapeba"


def test_a_place_in_brackets_after_a_preposition_is_no_container(extractor: Any) -> None:
    text = "Supporters held protests in Hightown (in Lowtown town) over the rigged primaries."
    result = extractor.extract_one(Article("t", text))
    assert result.events and result.events[0].places[0] == "lowtown"


def _first_places(extractor: Any, text: str) -> tuple[str, ...]:
    result = extractor.extract_one(Article("t", text))
    assert result.events
    first = min(result.events, key=lambda e: e.trigger.start)
    return tuple(first.places)


@pytest.mark.parametrize(
    ("text", "scene"),
    [
        # the victims' home, hung from the verb by the parser, is not where they were killed
        ("Gunmen killed five herders from Lowtown and wounded three at Highfield market.",
         "highfield"),
        ("Militiamen from Lowtown killed three traders from Highfield and dumped them on the "
         "side of the road in Lowtown.", "lowtown"),
        # a movement's start told with its end
        ("Rebels fired rockets from Lowtown into Highfield on Monday.", "highfield"),
    ],
)  # fmt: skip
def test_where_people_came_from_is_not_the_scene_when_the_sentence_names_another(
    extractor: Any, text: str, scene: str
) -> None:
    assert _first_places(extractor, text)[0] == scene


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # taken from a place: the act was there
        ("Gunmen abducted two traders from Lowtown and took them to Highfield.", "lowtown"),
        # the event's own noun: "the withdrawal from Lowtown" was there
        ("The withdrawal of the troops from Lowtown ended on Monday.", "lowtown"),
        # no other place named: the place they came from is all the text gives
        ("Herders from Lowtown protested over grazing land on Monday.", "lowtown"),
        # a journey told of the victims: both its ends are as near the attack
        ("Gunmen shot at a bus travelling from Lowtown to Highfield, killing 8 passengers.",
         "lowtown"),
    ],
)  # fmt: skip
def test_a_from_phrase_stays_the_place_where_it_tells_the_scene(
    extractor: Any, text: str, place: str
) -> None:
    assert place in _first_places(extractor, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # where the one who tells it spoke or went is not where it happened
        ("Gunmen set fire to the market in Lowtown. The gunmen went door to door shooting "
         "men, a resident who fled to the nearby town of Highfield told Reuters.", "lowtown"),
        ("Gunmen set fire to the market in Lowtown. They shot two guards, the officer told "
         "Reuters by phone from Highfield.", "lowtown"),
    ],
)  # fmt: skip
def test_where_the_teller_spoke_or_went_is_not_the_scene(
    extractor: Any, text: str, place: str
) -> None:
    result = extractor.extract_one(Article("t", text))
    shot = next(e for e in result.events if e.trigger.text in ("shot", "shooting"))
    assert "highfield" not in shot.places


def test_the_police_of_a_place_telling_it_still_place_it(extractor: Any) -> None:
    # the teller's own words are kept: "police in Lowtown said" are the place's police
    assert _first_places(extractor, "Gunmen shot two guards, police in Lowtown said.") == (
        "lowtown",
    )


def test_the_place_of_the_act_a_light_verb_takes_as_object_is_the_verbs_place(
    extractor: Any,
) -> None:
    # "held a protest in Lowtown": the place is in the object, another trigger; the people
    # the protesters stand with are elsewhere
    text = "Demonstrators held a protest in Lowtown in solidarity with the people of Gaza."
    assert _first_places(extractor, text) == ("lowtown",)


def test_what_a_protest_is_against_is_not_its_place(extractor: Any) -> None:
    text = "Imams staged a demonstration at the park in Lowtown to protest attacks on Gaza."
    result = extractor.extract_one(Article("t", text))
    protest = next(e for e in result.events if e.trigger.text == "protest")
    assert protest.places == ("lowtown",)


def test_the_most_specific_places_come_in_the_order_the_text_names_them() -> None:
    # "in Lowtown district and Upton district, Hightown": the walk meets Upton first
    depths = {"upton": (1, 2, 13), "lowtown": (1, 2, 10), "hightown": (2, 1, 16)}
    assert _most_specific(depths, {}) == ["lowtown", "upton"]
    # a place told in brackets after another comes after it, the container first
    depths = {"upton": (1, 2, 13), "lowtown": (1, 2, 10), "dale": (1, 2, 15)}
    assert _most_specific(depths, {"dale": "upton"}) == ["lowtown", "upton", "dale"]
    # a deeper place of the same rank is no scene of the event
    assert _most_specific({"upton": (1, 2, 13), "lowtown": (1, 3, 10)}, {}) == ["upton"]


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        (
            "Clashes erupted in Kismayo between al-Shabaab and government troops. Later, after "
            "taking the town, the soldiers repelled a counterattack.",
            "repelled",
            "Kismayo",
        ),
        (
            "Rebels overran Bunia on Friday. Residents of Kinshasa marched in protest. "
            "On Sunday, militiamen looted shops across the city.",
            "looted",
            "Kinshasa",
        ),
    ],
)
def test_an_event_at_a_place_noun_is_at_the_place_it_stands_for(
    extractor: Any, text: str, trigger: str, place: str
) -> None:
    """ "the town", "the city": the place named last before it (kg/extract/coref.py, found
    before the events), read as where the event is, not the article's country."""
    result = extractor.extract_one(Article("t", text))
    labels = {p.key: p.label for p in result.places}
    event = next(e for e in result.events if e.trigger.text == trigger)
    assert [labels[k] for k in event.places][:1] == [place]


def _first_labels(extractor: Any, text: str) -> list[str]:
    result = extractor.extract_one(Article("t", text))
    labels = {p.key: p.label for p in result.places}
    return [labels[k] for k in _first_places(extractor, text)]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Traders blocked the Eldoret-Iten road at Kapsoya market.", "Kapsoya"),
        ("Residents blocked the Nakuru-Eldoret highway at Midvale trading centre.", "Midvale"),
        ("Residents blocked Kitale road in Kapsoya.", "Kapsoya"),
    ],
)
def test_the_towns_a_road_is_named_by_yield_to_where_on_it_the_act_was(
    extractor: Any, text: str, where: str
) -> None:
    labels = _first_labels(extractor, text)
    assert labels == [where]


def test_a_road_named_by_towns_alone_is_placed_at_its_ends(extractor: Any) -> None:
    text = "Gunmen ambushed a bus on the Eldoret-Iten road."
    assert "Eldoret" in _first_labels(extractor, text)


def test_the_place_an_actor_is_named_by_yields_to_where_it_was_acted_on(extractor: Any) -> None:
    # "Garissa security forces": where the forces belong, not where they were attacked
    text = "Militants attacked Garissa security forces in Bandawe."
    assert _first_labels(extractor, text) == ["Bandawe"]


def test_a_place_naming_a_camp_of_actors_is_still_where_the_act_was(extractor: Any) -> None:
    # "refugee" is an actor's noun, but "the Ifo refugee camp" names a camp, a place of its own
    text = "Gunmen attacked a school in the Ifo refugee camp in Garissa."
    assert "Ifo" in _first_labels(extractor, text)
