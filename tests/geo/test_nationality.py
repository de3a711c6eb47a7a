"""Countries that are not the place of anything: a country's name inside a longer name, and a
country named as a nationality (kg/geo/nationality.py)."""

from __future__ import annotations

import dataclasses
import random

from kg.geo import nationality
from kg.geo.nationality import attributive, nationalities, not_countries, reread_countries
from kg.model import Article, Event, Extraction, Place, PlaceType, Span


def _span(text: str, word: str, after: int = 0) -> Span:
    start = text.index(word, after)
    return Span(start, start + len(word), word)


def _extraction(text: str, country: str, word: str) -> Extraction:
    sentence = Span(0, len(text), text)
    mentions = []
    at = 0
    while (at := text.find(word, at)) >= 0:
        mentions.append(Span(at, at + len(word), word))
        at += len(word)
    place = Place(country.lower(), country, PlaceType.COUNTRY, tuple(mentions))
    trigger = _span(text, "killed") if "killed" in text else _span(text, "hit")
    event = Event("attack", trigger, sentence, places=(place.key,))
    return Extraction(Article("t", text), (sentence,), (), (place,), (event,))


def test_the_data_file_reads() -> None:
    names = {n.name: n for n in not_countries()}
    assert names["Niger State"].place_type is PlaceType.PROVINCE
    assert names["Niger State"].country == "NG"
    assert names["Latin America"].country == ""


def test_a_country_inside_a_longer_name_is_that_name() -> None:
    text = "Gunmen killed 3 farmers in Mariga, Niger State."
    done, votes = reread_countries(_extraction(text, "Niger", "Niger"))
    assert [(p.label, p.place_type) for p in done.places] == [("Niger State", PlaceType.PROVINCE)]
    assert done.events[0].places == ("niger-state",)
    assert votes == {"NG": 1.0}


def test_a_region_named_after_a_continent_is_no_country() -> None:
    text = "Cartels in Latin America killed 5 people."
    done, votes = reread_countries(_extraction(text, "United States", "America"))
    assert [p.label for p in done.places] == ["Latin America"]
    assert done.places[0].place_type is PlaceType.REGION
    assert votes == {}


def test_the_country_itself_stays() -> None:
    text = "Soldiers killed 3 rebels in Niger near the border of Niger State."
    done, _ = reread_countries(_extraction(text, "Niger", "Niger"))
    assert {p.label for p in done.places} == {"Niger", "Niger State"}
    assert set(done.events[0].places) == {"niger", "niger-state"}
    plain = _extraction("Soldiers killed 3 rebels in Niger.", "Niger", "Niger")
    assert reread_countries(plain) == (plain, {})


def test_a_nationality_is_not_the_place() -> None:
    text = "A U.S. strike hit two vehicles near Sarmada."
    assert attributive(_span(text, "U.S."), text)
    assert nationalities(_extraction(text, "United States", "U.S.")).events[0].places == ()
    led = "The U.S.-led coalition hit a depot."
    assert attributive(_span(led, "U.S."), led)


def test_a_country_where_something_happened_stays() -> None:
    for text in (
        "US airstrikes in Syria killed 20 militants.",
        "Gunmen killed two men in Syria on Monday.",
        "In Syria, gunmen killed two men.",
        "Syria's army killed two men.",
    ):
        extraction = _extraction(text, "Syria", "Syria")
        assert not attributive(_span(text, "Syria"), text), text
        assert nationalities(extraction).events[0].places == ("syria",), text


def test_a_country_the_event_got_from_its_actors_gives_way_to_the_sentence_places() -> None:
    text = "A U.S. strike hit two vehicles near Sarmada, Syria."
    sentence = Span(0, len(text), text)
    us = Place("us", "United States", PlaceType.COUNTRY, ())  # named as an actor only
    sarmada = Place("sarmada", "Sarmada", PlaceType.OTHER, (_span(text, "Sarmada"),))
    syria = Place("syria", "Syria", PlaceType.COUNTRY, (_span(text, "Syria"),))
    event = Event("attack", _span(text, "hit"), sentence, places=("us",))
    extraction = Extraction(Article("t", text), (sentence,), (), (us, sarmada, syria), (event,))
    assert nationalities(extraction).events[0].places == ("sarmada",)
    inside = "Gunmen killed two men near Sarmada, Syria."
    event = Event("attack", _span(inside, "killed"), Span(0, len(inside), inside), places=("us",))
    kept = dataclasses.replace(extraction, article=Article("t", inside), events=(event,))
    assert nationalities(kept).events[0].places == ("us",)  # not named: nothing to judge


def test_one_search_finds_a_name_exactly_when_a_rows_pattern_does() -> None:
    """reread_countries skips an article with one search instead of a scan per row: that
    search must find something in a text exactly when some row's own pattern does (any case,
    any spacing between the words, whole words only)."""
    from kg.geo.nationality import _any_not_country, not_countries

    texts = ["Fighting went on near the border of the two states on Monday."]
    for entry in not_countries():
        spaced = "  ".join(entry.name.upper().split())
        texts += [f"Boats crossed the {spaced} at dawn.", f"Xx{entry.name.lower()}yy was named."]
    for text in texts:
        per_row = any(entry.pattern.search(text) for entry in not_countries())
        assert (_any_not_country().search(text) is not None) == per_row, text


def test_a_countrys_pattern_is_compiled_when_first_asked() -> None:
    from kg.geo.nationality import _country_pattern

    _country_pattern.cache_clear()
    pattern = _country_pattern("syria")
    assert pattern is not None and _country_pattern.cache_info().currsize == 1
    text = "Syrian troops and Syria's allies, not the Syriacs nor a.Syria."
    assert [m.group(0) for m in pattern.finditer(text)] == ["Syrian", "Syria"]
    assert _country_pattern("lowland republic") is None


def test_a_preposition_before_a_mention_is_found_as_by_searching_from_the_start() -> None:
    pieces = ["in", "IN", "the", "The", "throughout", "Xin", "near", "Syria", "U.S.", "\u017fouth"]
    spaces = [" ", "  ", "\n", "\u00a0", "\t\n ", ""]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(spaces) for _ in range(rng.randint(0, 8)))
        for end in range(len(text) + 1):
            expected = nationality._PLACED.search(text, 0, end) is not None
            assert nationality._placed_before(text, end) == expected, (text, end)
