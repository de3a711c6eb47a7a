"""Towns named in an institution's, a road's or a group's name (kg/geo/named_after.py)."""

from __future__ import annotations

import dataclasses
import random

from kg.geo import named_after
from kg.geo.gazetteer import default_gazetteer
from kg.geo.named_after import towns_named_after
from kg.model import Actor, ActorType, Article, Event, Extraction, Place, PlaceType, Span

KENYA = frozenset({"KE"})


def _extraction(
    text: str, actor: str | None = None, kind: ActorType = ActorType.ORGANISATION
) -> Extraction:
    sentence = Span(0, len(text), text)
    word = "protested" if "protested" in text else text.split()[-1]
    start = text.index(word)
    trigger = Span(start, start + len(word), word)
    actors: tuple[Actor, ...] = ()
    if actor is not None:
        a = text.index(actor)
        actors = (Actor("a-" + actor.lower(), actor, kind, (Span(a, a + len(actor), actor),)),)
    event = Event("peaceful-protest", trigger, sentence, agents=tuple(x.key for x in actors))
    return Extraction(Article("t", text), (sentence,), actors, (), (event,))


def _towns(text: str, countries: frozenset[str] = KENYA, **kw: object) -> list[str]:
    done = towns_named_after(_extraction(text, **kw), countries, default_gazetteer())  # type: ignore[arg-type]
    assert all(p.place_type is PlaceType.TOWN for p in done.places)
    return [m.text for p in done.places for m in p.mentions]


def test_the_town_an_institution_is_named_after_is_a_place() -> None:
    assert _towns("Students of Garissa High School protested over fees.") == ["Garissa"]
    assert _towns("On Monday, youths protested at the Msambweni polling station.") == ["Msambweni"]
    assert _towns("Traders protested on the Machakos road on Monday.") == ["Machakos"]


def test_the_longest_leading_town_of_a_long_name() -> None:
    assert _towns("Students of Lamu Zzyxq Boys High School protested on Monday.") == ["Lamu"]


def _with_place(text: str, name: str, kind: PlaceType = PlaceType.OTHER) -> Extraction:
    """The extraction of ``text`` with one place named ``name`` (each mention of it), which
    the protest's places name."""
    extraction = _extraction(text)
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    place = Place(
        "p-" + name.lower(), name, kind, tuple(Span(i, i + len(name), name) for i in starts)
    )
    event = dataclasses.replace(extraction.events[0], places=(place.key,))
    return dataclasses.replace(extraction, places=(place,), events=(event,))


def test_a_longer_name_no_gazetteer_knows_is_cut_back_to_its_town() -> None:
    text = "Students of Lamu Zzyxq Boys High School protested; Lamu Zzyxq Boys High School shut."
    done = towns_named_after(_with_place(text, "Lamu Zzyxq"), frozenset(), default_gazetteer())
    [place] = done.places
    assert (place.key, place.label, place.place_type) == ("p-lamu zzyxq", "Lamu", PlaceType.TOWN)
    assert [(m.start, m.text) for m in place.mentions] == [(12, "Lamu"), (51, "Lamu")]
    assert done.events[0].places == ("p-lamu zzyxq",)


def test_a_name_the_gazetteer_knows_or_not_before_a_head_stays_whole() -> None:
    # "Mai Mahiu" is a town of its own, though "Mai" is one too
    text = "Students of Mai Mahiu Boys High School protested on Monday."
    known = _with_place(text, "Mai Mahiu")
    assert towns_named_after(known, KENYA, default_gazetteer()).places == known.places
    # only one of its mentions is an institution's name: no sure cut
    text = "Police in Lamu Zzyxq met. Students of Lamu Zzyxq Boys High School protested."
    twice = _with_place(text, "Lamu Zzyxq")
    assert towns_named_after(twice, KENYA, default_gazetteer()).places[0] == twice.places[0]


def test_a_group_named_after_its_town() -> None:
    assert _towns("Kisumu students protested on Monday.") == ["Kisumu"]


def test_no_town_without_a_head_word_or_outside_the_articles_countries() -> None:
    assert _towns("Garissa protested on Monday.") == []
    assert _towns("Students of Garissa High School protested.", frozenset({"SY"})) == []


def test_words_heading_institution_names_are_no_towns() -> None:
    assert _towns("Doctors protested at the Central Hospital on Monday.") == []
    assert _towns("Doctors protested at Kenyatta National Hospital on Monday.") == []


def test_a_name_only_actor_that_is_the_town_gives_way() -> None:
    text = "Machakos county assembly members protested over salaries."
    done = towns_named_after(_extraction(text, "Machakos"), frozenset(), default_gazetteer())
    assert [p.label for p in done.places] == ["Machakos"] and not done.actors
    assert done.events[0].agents == ()


def test_a_typed_actor_keeps_its_name() -> None:
    text = "Machakos county assembly members protested over salaries."
    extraction = _extraction(text, "Machakos", ActorType.REBEL_GROUP)
    assert towns_named_after(extraction, KENYA, default_gazetteer()) == extraction


def test_a_town_after_the_word_that_opens_the_sentence() -> None:
    assert _towns("Striking Garissa county workers protested on Monday.") == ["Garissa"]
    assert _towns("Angry Garissa town traders protested on Monday.") == ["Garissa"]


def test_a_town_named_before_town_or_county() -> None:
    assert _towns("On Monday, Garissa town boda boda riders protested.") == ["Garissa"]
    assert _towns("The Machakos county assembly protested on Monday.") == ["Machakos"]


def test_sentence_opening_is_read_from_the_words_before_only() -> None:
    # _opens searches from where the non-word characters before the word start: the same
    # answer as a search from the text's start, at every offset (punctuation, underscores,
    # letters of other scripts, the text's start)
    from kg.geo.named_after import _SENTENCE_START, _opens

    text = (
        '" Lowtown: police said. ... (Hightown) protesters_2 met; at 5: "Café Ézé"! '
        "Sé\u00adna ? ¿Donde?  \n\n- Midtown  [x]. Ends"
    )
    for at in range(len(text) + 1):
        assert _opens(text, at) == (_SENTENCE_START.search(text, 0, at) is not None), at


def _names_by_splitting_the_text(text: str) -> list[list[Span]]:
    """What ``_names`` gave before it split only the words before the heads."""
    words = named_after._split(text, 0, len(text))
    return [
        parts
        for j, (word, _, _) in enumerate(words)
        if word.lower() in named_after.words_after()
        and (parts := named_after._parts(text, words, j))
    ]


def test_names_split_only_before_heads_are_those_of_the_whole_text() -> None:
    pieces = [
        *["School", "SCHOOLS", "school", "Highschool", "Schoolhouse", "mar\u212aet", "Road"],
        *["Lowtown", "Upper", "Kisumu", "county", "police", "the", "of", "3rd", "2school"],
        *[
            "_road",
            "'s",
            "\u2019",
            ".",
            ":",
            "-",
            "(",
            "O'Brien",
            "x" * 70,
            "Market's",
            "Long" + "town" * 7,
        ],
    ]
    spaces = [" ", " ", "\n", "  ", "", "\u00a0", ". "]
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(spaces) for _ in range(rng.randint(0, 25)))
        assert named_after._names(text) == _names_by_splitting_the_text(text), text
    turkish = "\u0130stanbul road workers and Lowtown School pupils"
    assert named_after._names(turkish) == _names_by_splitting_the_text(turkish)
    found = named_after._names("Pupils of Lowtown Boys School marched")
    assert [[s.text for s in parts] for parts in found] == [["Lowtown Boys", "Lowtown"]]
