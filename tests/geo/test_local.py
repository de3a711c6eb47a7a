"""The divisions the words after a place's name put it in."""

from __future__ import annotations

import random
import re

import pytest

from kg.geo import local
from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.local import district_after, told_within, word_ends
from kg.model import Place, PlaceType, Span


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def _place(text: str, label: str) -> Place:
    start = text.index(label)
    return Place("p", label, PlaceType.TOWN, (Span(start, start + len(label), label),))


@pytest.mark.parametrize(
    ("text", "label", "division"),
    [
        ("Dockworkers marched in Annaba (Annaba) over wages.", "Annaba", ("DZ", "Annaba")),
        ("Farmers rallied in Kota city (Kota, Rajasthan) on Monday.", "Kota", ("IN", "Rajasthan")),
        ("Shells fell near Slavne, Donetsk, at night.", "Slavne", ("UA", "Donetsk")),
        ("Jets struck Nayrab in Idleb countryside.", "Nayrab", ("SY", "Idlib")),
        ("Crowds gathered in Colon (Colon on Friday.", "Colon (Colon", ("PA", "Colón")),
        ("Crowds met in Porto Zzq (Rio Grande do Sul).", "Porto Zzq", ("BR", "Rio Grande do Sul")),
        ("A mob beat two men in Zzq subcounty, Kakamega.", "Zzq", ("KE", "Kakamega County")),
        ("A mine hit a car in Zzq (Qqz) district, Nimruz.", "Zzq", ("AF", "Nimroz")),
        (
            "A post fell in the Kotalak area of Bungudu district.",
            "Kotalak",
            ("NG", "Zamfara State"),
        ),
        # a district glued to its province, after "of" or a kind word
        ("A mine hit a patrol in Zzq village of Chimtal district Balkh.", "Zzq", ("AF", "Balkh")),
        ("A mine hit a patrol in Zzq of Nad Ali district Helmand.", "Zzq", ("AF", "Helmand")),
        # a division owned by its country, wherever in it ("northwest")
        (
            "Gunmen seized 30 people in Zzq in northwest Nigeria's Kano state.",
            "Zzq",
            ("NG", "Kano State"),
        ),
        (
            "Rebels shelled Zzq in eastern Congo\u2019s South Kivu province.",
            "Zzq",
            ("CD", "South Kivu"),
        ),
        # a capital direction is part of the name
        ("Cattle raiders hit Zzq in Central Equatoria.", "Zzq", ("SS", "Central Equatoria")),
        (  # two kind words: "sector area"
            "Troops fired at Zzq sector area (Baramulla district, J&K).",
            "Zzq",
            ("IN", "Jammu and Kashmir"),
        ),
    ],
)
def test_the_province_after_a_town_is_read(
    gazetteer: Gazetteer, text: str, label: str, division: tuple[str, str]
) -> None:
    assert division in told_within(_place(text, label), text, gazetteer)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot two traders in Kotalak, killing both.",
        "Police fired tear gas in Kotalak (TS) at dawn.",
        "Protesters blocked the road in Kotalak and the market.",
        "Kotalak of Zamfara fame was quiet.",  # "of" says where only after "area", "village"
        "Troops reached Kotalak in western Lowland on Monday.",  # a direction, no division
        # a bare direction: the name alone is read too loosely ("central Pokot": Paktia)
        "Herders killed four people in Kotalak in central Pokot county.",
        # after a bracket, only a kind word's division: the rest may be a list's next items
        "Police fired tear gas in Kotalak (TS), Nimruz and Balkh.",
    ],
)
def test_words_that_name_no_division_give_none(gazetteer: Gazetteer, text: str) -> None:
    assert told_within(_place(text, "Kotalak"), text, gazetteer) == frozenset()


def test_the_district_after_a_village_gazetteers_lack_is_found_in_its_province(
    gazetteer: Gazetteer,
) -> None:
    text = "Gunmen raided Kalodo (Bungudu LGA, Zamfara) at night."
    found = district_after(_place(text, "Kalodo"), text, gazetteer, lambda c: False)
    assert found is not None  # the province beside it is enough, whatever the article's country
    span, district = found
    assert (span.text, text[span.start : span.end]) == ("Bungudu", "Bungudu")
    assert (district.country_code, district.admin1) == ("NG", "Zamfara State")


def test_a_district_of_a_country_the_article_does_not_point_to_is_not_taken(
    gazetteer: Gazetteer,
) -> None:
    text = "Gunmen raided Kalodo (Bungudu) at night."
    assert district_after(_place(text, "Kalodo"), text, gazetteer, lambda c: False) is None
    found = district_after(_place(text, "Kalodo"), text, gazetteer, lambda c: True)
    assert found is not None and found[1].country_code == "NG"


def test_every_writing_of_the_name_is_read_not_only_its_mention(gazetteer: Gazetteer) -> None:
    text = "Shells fell on Saraqib in Idlib at dawn; later Saraqib was quiet."
    start = text.rindex("Saraqib")  # the record kept only the second writing
    place = Place("p", "Saraqib", PlaceType.TOWN, (Span(start, start + 7, "Saraqib"),))
    assert ("SY", "Idlib") in told_within(place, text, gazetteer)


def test_a_places_divisions_are_read_once_for_each_text(
    gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    uncached = local._told_within

    def counted(place: Place, text: str, gazetteer: Gazetteer) -> frozenset[tuple[str, str]]:
        read.append(place.label)
        return uncached(place, text, gazetteer)

    monkeypatch.setattr(local, "_told_within", counted)
    text = "Jets struck Nayrab in Idleb countryside; Lowtown in Annaba (Annaba) was calm."
    nayrab, lowtown = _place(text, "Nayrab"), _place(text, "Lowtown")
    first = told_within(nayrab, text, gazetteer)
    assert (
        told_within(Place("q", "Nayrab", PlaceType.OTHER, nayrab.mentions), text, gazetteer)
        is first
    )
    assert ("SY", "Idlib") in first and read == ["Nayrab"]  # the key and type do not matter
    assert ("DZ", "Annaba") in told_within(lowtown, text, gazetteer)
    # a mention ending elsewhere is another question (every writing is read, so the same answer)
    moved = Place("p", "Nayrab", PlaceType.TOWN, (Span(0, 6, "Nayrab"),))
    assert told_within(moved, text, gazetteer) == first
    assert read == ["Nayrab", "Lowtown", "Nayrab"]
    other = "Jets struck Nayrab in Hama countryside."  # another text: read again
    assert ("SY", "Hama") in told_within(_place(other, "Nayrab"), other, gazetteer)
    assert told_within(nayrab, text, gazetteer) == first
    assert read == ["Nayrab", "Lowtown", "Nayrab", "Nayrab", "Nayrab"]


@pytest.mark.parametrize(
    "name",
    ["Saraqab", "Al-Bab", "(Bassa", "Colon)", "Mé", "_x", "aa", "a a", "Ab Ab", "1st", "-", "é"],
)
@pytest.mark.parametrize("indexed", [False, True])
def test_word_ends_are_the_regex_word_matches(
    name: str, indexed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a long text finds the name from its words' index: here every text does
    monkeypatch.setattr(local, "_INDEXED_LENGTH", 0 if indexed else 10**9)
    rng = random.Random(name)
    pieces = [name, name, " ", "-", "(", ")", "_", "a", "é", "1", ",", name[:1], name[-1:]]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = [m.end() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
        assert word_ends(name, text) == expected, text


def test_a_window_and_a_name_after_a_place_are_read_once(gazetteer: Gazetteer) -> None:
    window = ", Idleb countryside, where"
    assert local._names_after(window) == ("Idleb",)
    assert local._names_after(window) is local._names_after(window)  # kept by window
    assert local._divisions("Idleb", gazetteer) == {("SY", "Idlib")}
    assert local._divisions("Idleb", gazetteer) is local._divisions("Idleb", gazetteer)
