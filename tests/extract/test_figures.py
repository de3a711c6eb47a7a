"""Figures of the dead and wounded read off the real model's parse, on made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _total(extractor: Any, text: str, field: str = "fatalities") -> int:
    events = extractor.extract_one(Article("t", text)).events
    return sum(getattr(e.counts, field) or 0 for e in events)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # headlines: a participle with a subject and no auxiliary is a passive
        ("3 killed in an attack on a market in Garissa.", 3),
        ("Policeman shot dead by unknown gunmen in Kisumu", 1),
        ("Gunmen attack a village in Lamu, seven farmers killed, ten wounded", 7),
        # the death is the second verb of the passive
        ("On 3 May 2021, 2 teachers were kidnapped and killed by gunmen near Wajir.", 2),
        ("1 soldier was shot and killed by rebels in the town of Qaryat Zed.", 1),
        # "dead" made the object's adjective by the parse
        ("On 4 May 2021, gunmen shot dead two traffic police officers in Tabiyet.", 2),
        # a named group counted by a figure
        ("On 5 May 2021, police killed four Al Shabaab in a raid near Mandera.", 4),
        ("Rebels opened fire on a patrol in Wadi Zed, killing 1 QSD fighter.", 1),
    ],
)
def test_deaths_the_parse_hides(extractor: Any, text: str, dead: int) -> None:
    assert _total(extractor, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # "a police officer" is one person, not a police and an officer
        ("On 6 May 2021, gunmen shot and killed a police officer in Bura.", 1),
        # people named twice: an apposition, a subset
        ("On 7 May 2021, a fighter killed his brother, a local police officer, in Kadugli.", 1),
        ("Warplanes struck Kafr Zed, killing 12 civilians including 7 children.", 12),
        # people joined to a counted phrase are counted on their own
        ("Two herders and a suspected raider were killed in a shootout in Baringo.", 3),
        ("The officer and her son died in the attack on their house in Zed.", 2),
        # a figure with its own verb: rescued, wounded, are not dead
        ("On 8 May 2021, 3 fishermen were killed and three rescued after a mine blast.", 3),
        ("Three people were killed and eight more wounded when gunmen raided a bus.", 3),
        ("Gunmen attacked three pupils. One pupil died the other two victims were injured.", 1),
    ],
)
def test_no_one_is_counted_twice(extractor: Any, text: str, dead: int) -> None:
    assert _total(extractor, text) == dead


def test_a_range_counts_its_lowest_figure(extractor: Any) -> None:
    text = "On 9 May 2021 7-9 rebel fighters were killed by army airstrikes near Zed."
    assert _total(extractor, text) == 7


def test_a_figure_glued_to_a_date_is_read(extractor: Any) -> None:
    # notes whose commas were removed: the model reads "1 March 2021 2" as one date
    text = "On 1 March 2021 2 local policemen were killed in an attack by rebels in Zed."
    assert _total(extractor, text) == 2


def test_a_figure_the_parse_attaches_to_the_wrong_noun(extractor: Any) -> None:
    text = (
        "Reported on 12 March 2021 over the past 24 hours 2 suspected rebel fighters were "
        "killed and 1 was injured when army forces repulsed their attack in Zed district."
    )
    assert _total(extractor, text) == 2
    assert _total(extractor, text, "injuries") == 1


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Eight are dead in clashes between two clans near Zed.", 8),
        ("Revenge attack by raiders leaves one dead", 1),
        # whoever a killing verb acts on is a person, whatever the noun
        ("On 9 May 2021, gunmen assassinated a prominent figure in Zed.", 1),
        ("On 9 May 2021, vigilantes lynched three suspected carjackers in Zed.", 3),
        # but not what another verb acts on, nor animals
        ("On 9 May 2021, raiders attacked the village of Zed and killed livestock.", 0),
        ("Four people were killed by militants in two villages near Zed.", 4),
    ],
)
def test_who_counts_as_dead(extractor: Any, text: str, dead: int) -> None:
    assert _total(extractor, text) == dead


@pytest.mark.parametrize(
    "text",
    [
        "On 9 May 2021, residents blocked a road in Zed protesting the death of a mechanic.",
        "On 9 May 2021, a mob in Zed attempted to lynch a man accused of theft.",
        "Residents of Zed protested, accusing the police of killing two boys.",
    ],
)
def test_a_death_the_sentence_is_about_is_not_reported(extractor: Any, text: str) -> None:
    assert _total(extractor, text) == 0


def test_a_figure_in_a_sentence_without_an_event_goes_to_the_article_event(
    extractor: Any,
) -> None:
    text = "On 9 May 2021, gunmen attacked a police camp in Zed. One officer reported dead."
    assert _total(extractor, text) == 1


def test_a_figure_told_again_is_not_added(extractor: Any) -> None:
    text = (
        "At least three people were killed when their bus hit a landmine near Zed. "
        "A local newspaper reports four dead."
    )
    assert _total(extractor, text) == 3


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("On 9 May 2021, a man was found dead in Zed. He had been shot. 1 fatality.", 1),
        ("On 9 May 2021, rebels attacked Zed, killing 7. Total fatalities coded to 9.", 9),
        ("On 9 May 2021, rebels attacked Zed. Unclear fatalities coded as half (6).", 6),
        ("Rioters burnt tires in Zed - police intervened - FATALITIES: 2 - no details.", 2),
        ("An IED hit a truck near Zed. Fatalities unclear (coded at low estimate of 3).", 3),
        # a sentence with other letters than ASCII's is searched without the word prechecks
        ("Rebels attacked Zé, killing 7. Total fatalities in Zé coded to 9.", 9),
        ("Rebels shelled Zé. FATALITIES: 2 in Zé.", 2),
    ],
)
def test_what_the_note_states_wins(extractor: Any, text: str, dead: int) -> None:
    assert _total(extractor, text) == dead


@pytest.mark.parametrize(
    "text",
    [
        # what a crowd protests came before it and is coded apart, if at all
        "Traders in Zed staged a protest after a colleague was murdered by robbers.",
        "Residents held a protest in Zed after a gas leak killed 11 and injured dozens.",
        # deaths the text doubts
        "On 9 May 2021, 1 policeman was killed or wounded by a sniper near Zed.",
        "A suspected thief was beaten by a mob and nearly killed before police rescued him.",
    ],
)
def test_deaths_before_a_protest_or_in_doubt_are_not_counted(extractor: Any, text: str) -> None:
    assert _total(extractor, text) == 0


def test_a_person_described_by_a_figure_is_one_person(extractor: Any) -> None:
    assert _total(extractor, "A father of four was killed by gunmen in Zed on Monday.") == 1


def test_a_figure_in_a_with_phrase_is_read(extractor: Any) -> None:
    text = (
        "Rebels captured the villages of Zed and Qaryat from army forces with 22 soldiers killed."
    )
    assert _total(extractor, text) == 22


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a death told after the victim was named, where the article counts no other
        ("On 9 May 2021, gunmen shot a civilian in Zed. He died later in the day.", 1),
        ("Soldiers shot a farmer near Zed and blocked the ambulance, resulting in his death.", 1),
        # ... and not twice where it does
        ("On 9 May 2021, police killed a suspect in Zed; his death angered residents.", 1),
        # a demonym as the victim, as the small model tags it
        ("On 9 May 2021, warplanes struck a house in Zed, killing a Palestinian.", 1),
        # a victim whatever the noun, of a participle with no subject's own object
        ("5 suspected witches burned to death near Zed.", 5),
        ("A police officer has shot dead his boss in Zed.", 1),
        # the deaths of a found-body draft that finds nothing reach the sentence's event
        ("Four are killed and their bodies burnt in a grenade attack on a shop in Zed.", 4),
    ],
)
def test_deaths_told_otherwise(extractor: Any, text: str, dead: int) -> None:
    assert _total(extractor, text) == dead


def test_a_strike_that_killed_keeps_its_toll_beside_another_act(extractor: Any) -> None:
    """A "strike" (a labour strike until classified) that is the subject of a killing keeps
    its dead: they are not the rockets' of the other clause."""
    text = "Army strike kills three in Lowtown, rebels fire rockets in reply"
    events = extractor.extract_one(Article("t", text)).events
    dead = {e.trigger.text: e.counts.fatalities for e in events}
    assert dead.get("strike") == 3 and not dead.get("fire")
