"""News-style rules (CASE 2021 snippets): captions before the story, negating prefixes,
crowds turned violent, weapons disrupted, irrealis nouns. Made-up sentences, real model."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.captions import is_caption
from kg.model import Article
from tests.extract.extracted import acled_events, top_event_type

pytestmark = pytest.mark.model

_CAPTURES = frozenset({"government-regains-territory", "non-state-actor-overtakes-territory"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "non-violent" is no violence: live bullets against it are excessive force
        (
            "Security forces dispersed a demonstration in Lowtown using live bullets. Ten "
            "protesters were injured after the non-violent demonstration was broken up.",
            "excessive-force-against-protesters",
        ),
        # anti-aircraft guns are no aircraft
        (
            "Militants attacked army positions near Lowtown using anti-aircraft guns and "
            "mortars, the army said.",
            "shelling-artillery-missile-attack",
        ),
        # "protestors", spelled so, are protesters
        (
            "A man was killed and 40 injured in army attacks against peaceful protestors at "
            "the border fence on Friday.",
            "excessive-force-against-protesters",
        ),
        # a protest that descends into violence is a violent demonstration
        (
            "Police fired tear gas at hundreds of demonstrators as a protest against the "
            "governor descended into violence.",
            "violent-demonstration",
        ),
        # what is protested is no act of the protest
        (
            "Hundreds of students marched in Lowtown to protest the violent crackdown on their "
            "union.",
            "peaceful-protest",
        ),
        # bombers who blow themselves up
        (
            "Two militants blew themselves up at the gate of a police station in Lowtown on "
            "Monday, killing four officers.",
            "suicide-bomb",
        ),
    ],
)
def test_news_words(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # weapons in a list destroyed, bombs discovered, rifles the troops seized
        "Special forces destroyed dozens of machine guns, rockets and explosives during an "
        "operation in the province.",
        "Two rocket bombs discovered by fishermen on the beach were handed to the police.",
    ],
)
def test_weapons_disrupted(extractor: Any, text: str) -> None:
    types = {e.event_type for e in acled_events(extractor, text)}
    assert types == {"disrupted-weapons-use"}


def test_weapons_a_clause_tells_of_are_seized_not_ground(extractor: Any) -> None:
    text = "An officer inspects the rifles the troops seized after a clash on Saturday."
    types = {e.event_type for e in acled_events(extractor, text)}
    assert "disrupted-weapons-use" in types
    assert "government-regains-territory" not in types


def test_what_is_anticipated_did_not_happen(extractor: Any) -> None:
    text = (
        "The army has deployed forces to the capital in anticipation of more demonstrations "
        "after Friday prayers."
    )
    assert top_event_type(extractor, text) == "change-to-group-activity"
    text = "Police were deployed at the embassy over the possibility of attacks targeting it."
    assert {e.event_type for e in acled_events(extractor, text)} <= {"change-to-group-activity"}


def test_a_road_blocked_without_protest_is_no_protest(extractor: Any) -> None:
    text = (
        "Activists say that foreign forces have established a military checkpoint near the "
        "city in order to block patrols in the area."
    )
    assert top_event_type(extractor, text) == "headquarters-or-base-established"


def test_a_caption_yields_to_the_story(extractor: Any) -> None:
    text = (
        "Soldiers deploy on the main road near Lowtown on March 3, 2020. AFP Government "
        "forces seized control of the main road on Tuesday after driving the rebels out of "
        "their last positions, a monitor said."
    )
    assert top_event_type(extractor, text) == "government-regains-territory"


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Soldiers deploy on the main road near Lowtown on March 3, 2020.", True),
        ("Photos show a fighter taking away a flag in Lowtown.", True),
        # a note told in the present tense, opening with its date or giving none
        ("On 3 March 2020, soldiers deploy on the main road near Lowtown.", False),
        ("Herders clash with police at a watering point near Lowtown.", False),
        ("Soldiers deployed on the main road near Lowtown on March 3, 2020.", False),
    ],
)
def test_is_caption(extractor: Any, text: str, caption: bool) -> None:
    doc = extractor.nlp(text)
    assert is_caption(next(iter(doc.sents))) is caption


def test_ground_taken_in_the_fighting_is_the_event(extractor: Any) -> None:
    text = (
        "On 16 March 2021, rebels gained control of Lowtown village following clashes with "
        "army troops. No fatalities were reported."
    )
    assert top_event_type(extractor, text) == "non-state-actor-overtakes-territory"
    text = (
        "Army troops clashed with insurgents near Lowtown on Wednesday and captured a "
        "strategically located village."
    )
    assert top_event_type(extractor, text) in _CAPTURES


def test_ground_held_briefly_is_no_capture(extractor: Any) -> None:
    text = (
        "Militants attacked an army base near Lowtown on Sunday, killing two soldiers, and "
        "briefly seized control of the nearby village, officials said."
    )
    assert top_event_type(extractor, text) != "non-state-actor-overtakes-territory"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unidentified armed men have gunned down a doctor in Lowtown.", "attack"),
        (
            "Two militants detonated explosives near the bridge in Lowtown, killing themselves "
            "after police called on them to surrender.",
            "suicide-bomb",
        ),
        # explosions of rockets fired: shelling, not a planted bomb
        (
            "Several explosions rocked the border area near Lowtown as militants fired dozens "
            "of rockets towards the town.",
            "shelling-artillery-missile-attack",
        ),
        ("Police sent reinforcements to Lowtown on Monday.", "change-to-group-activity"),
    ],
)
def test_more_news_words(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


def test_an_aim_is_told_after_what_happened(extractor: Any) -> None:
    # the attack to capture the positions was repelled: no capture
    text = (
        "The militants' attack to capture the army positions near Lowtown was repelled by "
        "the troops on Monday."
    )
    assert top_event_type(extractor, text) not in _CAPTURES
    # a group formed to fight: the suicide bombing is the event
    text = (
        "Two suicide bombers blew themselves up at the gate of a camp in Lowtown on Tuesday, "
        "killing 12 people, said a member of a vigilante force set up to fight militants."
    )
    assert top_event_type(extractor, text) == "suicide-bomb"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rioters facing the police: a violent demonstration
        (
            "Rioters fought with police officers in Lowtown on Monday before breaking into the "
            "town hall.",
            "violent-demonstration",
        ),
        # a mob and its victim, no police: mob violence
        ("An angry mob beat a suspected thief to death in Lowtown on Monday.", "mob-violence"),
    ],
)
def test_rioters_facing_the_police(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


def test_one_protest_stopped_is_stopped_throughout(extractor: Any) -> None:
    text = (
        "Hundreds of teachers marched to the governor's office in Lowtown on Monday to demand "
        "their salaries. Later in the day, the march was dispersed near the market."
    )
    types = {e.event_type for e in acled_events(extractor, text)}
    assert types == {"protest-with-intervention"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Warplanes hit the town of Lowtown with poison gas on Monday. More than 180 people "
            "have died.",
            "chemical-weapon",
        ),
        (
            "A grenade was thrown into a crowded market in Lowtown on Friday. Two people were "
            "killed and nine injured.",
            "grenade",
        ),
    ],
)
def test_deaths_told_after_are_the_tolls_of_the_violence(
    extractor: Any, text: str, expected: str
) -> None:
    assert top_event_type(extractor, text) == expected


def test_deaths_told_after_a_fight_without_its_own_figure_are_its_toll(extractor: Any) -> None:
    """ "X and Y herders clashed in Lowtown. Two people were killed.": one event with two dead,
    as ACLED codes it (not a second attack by unidentified men on civilians); a clash's dead
    are not its victims."""
    text = (
        "On 3 March 2024, Pokot and Tugen herders clashed over grazing land in Lowtown area, "
        "Baringo county. Two people were killed."
    )
    events = extractor.extract_one(Article("t", text)).events
    assert [(e.event_type, e.counts.fatalities, e.targets) for e in events] == [
        ("armed-clash", 2, ())
    ]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the fight has a figure of its own: the later deaths are more dead, told apart
        ("Gunmen attacked Lowtown on Monday, killing three soldiers. Two people were killed.", 5),
        # another place: another event, perhaps
        ("Gunmen attacked Lowtown on Monday. Two people were killed in Upton.", 2),
    ],
)
def test_deaths_told_after_with_a_figure_or_place_of_their_own_stay_apart(
    extractor: Any, text: str, dead: int
) -> None:
    events = extractor.extract_one(Article("t", text)).events
    assert len(events) == 2
    assert sum(e.counts.fatalities or 0 for e in events) == dead


@pytest.mark.parametrize(
    "text",
    [
        "Myanmar's military carried out air strikes on a village near Lowtown on Monday.",
        "The army launched drone strikes on Lowtown on Monday.",
        "The army carried out air raids on Lowtown on Monday.",
    ],
)
def test_a_trigger_of_two_words_has_the_light_verbs_subject(extractor: Any, text: str) -> None:
    """ "carried out air strikes": the arguments of a trigger whose first word only modifies
    the next ("air" of "strikes") hang from the phrase's head, so the light verb's subject is
    who struck."""
    events = acled_events(extractor, text)
    assert [e.event_type for e in events] == ["air-drone-strike"]
    assert events[0].agents and events[0].agents[0].startswith("military-forces")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The peace talks between the government and Lowtown started in Hightown despite the "
         "air strikes carried out by the Syrian warplanes on rebel-held areas in the north.",
         "agreement"),
        ("The ceasefire talks resumed in Hightown despite the shelling carried out by "
         "government forces on rebel-held areas.", "agreement"),
    ],
)  # fmt: skip
def test_fire_told_as_the_setting_ranks_below_the_event(
    extractor: Any, text: str, expected: str
) -> None:
    """ "despite air strikes", "amid shelling": strikes and shelling that set the scene rank
    below the event the sentence tells, as fighting does ("during clashes")."""
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The rebels denied that they attacked the army base in Lowtown.",
        "The army denied reports that it shelled Lowtown on Sunday.",
        "The rebels denied that they had attacked and looted Lowtown.",
    ],
)
def test_a_denied_clause_tells_no_event(extractor: Any, text: str) -> None:
    """What a verb of denial, or its object ("reports"), says in a "that" clause did not
    happen as told."""
    assert not extractor.extract_one(Article("t", text)).events


def test_a_clause_said_tells_its_event(extractor: Any) -> None:
    text = "The rebels said that they attacked the army base in Lowtown."
    assert top_event_type(extractor, text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The dispute over grazing land could lead to clashes in Lowtown.",
        "Elders warned that the dispute may spark clashes between the clans.",
        "The land row might trigger attacks on farmers in Lowtown.",
        "The ruling threatens to provoke protests in Lowtown.",
        "The water dispute could result in attacks on Lowtown.",
    ],
)
def test_what_a_cause_may_bring_about_did_not_happen(extractor: Any, text: str) -> None:
    """The events a verb of causing brings about happened only if it did: "could lead to
    clashes" is a fear, not a clash."""
    assert not acled_events(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two men may have been killed in an attack on Lowtown.", "attack"),
        ("The dispute led to clashes between the clans in Lowtown.", "armed-clash"),
        ("A raid on the market in Lowtown may have sparked clashes between the clans.", None),
    ],
)
def test_what_a_cause_brought_about_happened(
    extractor: Any, text: str, expected: str | None
) -> None:
    """Done, or told as what may have happened: the event stands."""
    types = {e.event_type for e in acled_events(extractor, text)}
    assert types if expected is None else expected in types
