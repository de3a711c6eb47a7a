"""Where a coder's remark says an event was placed (kg/geo/coded.py)."""

from __future__ import annotations

import pytest

from kg.geo.blind import may_hold
from kg.geo.coded import _REMARK_WORDS, coded_places
from kg.model import Article, Event, Extraction, Place, PlaceType, Span


def _extraction(text: str, places: tuple[Place, ...] = ()) -> Extraction:
    sentence = Span(0, len(text), text)
    start = text.index("killed")
    event = Event("attack", Span(start, start + 6, "killed"), sentence)
    return Extraction(Article("t", text), (sentence,), (), places, (event,))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen killed a herder in Zzyx (Nakuru, coordinates for Mau Narok used).", "Mau Narok"),
        ("Gunmen killed a man at Zzyx (coded as Miathene, with GP2).", "Miathene"),
        ("Gunmen killed a man in Zzyx (location coded as Garba Tula with GP2).", "Garba Tula"),
        (
            "Rioters killed a man in Tavros [coded to Athens-Central Athens].",
            "Athens-Central Athens",
        ),
        ("Rebels killed 2 at Zzyx camp, coded in Wadi Bara (Hill, Midland).", "Wadi Bara"),
        ("Troops killed 5 near Zzyx, coded as Wadi Bara (Hill, Midland).", "Wadi Bara"),
        ("Raiders killed 3. LOCATION: Zzyx, Tana District (district capital = Hola).", "Hola"),
    ],
)
def test_the_place_a_remark_names_is_every_events_first(text: str, name: str) -> None:
    done = coded_places(_extraction(text))
    (place,) = done.places
    assert place.label == name and place.place_type is PlaceType.OTHER
    assert done.events[0].places == (place.key,)


def test_a_remark_on_a_place_already_found_reuses_it() -> None:
    text = "Gunmen killed a man in Zzyx (coordinates for Hola used)."
    start = text.index("Hola")
    hola = Place("hola", "Hola", PlaceType.TOWN, (Span(start, start + 4, "Hola"),))
    done = coded_places(_extraction(text, (hola,)))
    assert done.places == (hola,) and done.events[0].places == ("hola",)


@pytest.mark.parametrize(
    "text",
    [
        "Militiamen killed 3 (coded as Darfur communal militia).",
        "Militiamen killed 3, coded as Hill Forces (by default).",
        "Fighters killed 3, coded as Security Belt Forces by default.",
        "Gunmen killed 3 residents, coded as Civilians (Kenya).",  # ACLED's name of an actor
        "Militants killed 3, actor coded as Al Shabaab (Somalia).",
        "Shelling killed 2 in villages of the district (coded at district level).",
        "Fatalities coded as 0 (VoJ reported 1 fatalities); gunmen killed none.",
        "Gunmen killed a man in Hola on Monday.",
    ],
)
def test_a_remark_naming_no_place_changes_nothing(text: str) -> None:
    extraction = _extraction(text)
    assert coded_places(extraction) == extraction


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("Gunmen killed a herder in Zzyx.", False),  # no remark's word: no search
        ("Gunmen killed a herder in \u1e28alf\u0101y\u0101\u2019s east.", False),
        ("Gunmen killed a man (COORDINATES FOR Zzyx USED).", True),
        ("Gunmen killed a man (Coded as Zzyx).", True),
        ("Raiders killed 3 (district capital = Zzyx).", True),
        # the pattern's case-blind "s" matches a long s, which str.lower keeps
        ("Gunmen killed a man (coordinate\u017f for Zzyx used).", True),
        ("Gunmen killed a man (Coord\u0130nates for Zzyx used).", True),
    ],
)
def test_the_quick_check_rules_out_only_texts_with_no_remark(text: str, may: bool) -> None:
    assert may_hold(text, _REMARK_WORDS) is may


def test_a_remark_in_capitals_is_still_found_past_the_quick_check() -> None:
    text = "Gunmen killed a man in Zzyx (COORDINATES FOR Mau Narok USED)."
    done = coded_places(_extraction(text))
    assert [p.label for p in done.places] == ["Mau Narok"]
