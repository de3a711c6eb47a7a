"""One happening told twice in a sentence is one event; two happenings stay two
(kg/extract/twins.py)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.twins import family
from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


def test_family_is_the_acled_event_type() -> None:
    assert family("armed-clash") == family("government-regains-territory") == "battles"
    assert family("air-drone-strike") == "explosions-remote-violence"
    assert family("statement") == "statement"


def test_an_aim_realised_in_its_sentence_is_the_act(extractor: Any) -> None:
    text = (
        "In the campaign to liberate the town of Lowtown, government forces have made "
        "progress in liberating its northern districts on Monday."
    )
    events = acled_events(extractor, text)
    assert [e.trigger.text for e in events] == ["liberating"]
    assert events[0].agents and events[0].places


def test_an_attack_its_sides_repel_is_their_fight(extractor: Any) -> None:
    text = "Government forces repelled the militants in their attack on Lowtown, Syria."
    (event,) = acled_events(extractor, text)
    assert (event.trigger.text, event.targets) == ("repelled", ("militants-syria",))


@pytest.mark.parametrize(
    "text",
    [
        "Clashes broke out in Lowtown on Monday when rebels attacked an army post.",
        "The clashes in Lowtown have been raging since last week when the rebels launched an "
        "offensive against army positions.",
    ],
)
def test_a_clash_and_its_when_clause_are_one_fight(extractor: Any, text: str) -> None:
    events = acled_events(extractor, text)
    assert [e.event_type for e in events] == ["armed-clash"]
    assert {"rebels", "military-forces"} <= {*events[0].agents, *events[0].targets}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("On Monday, two coalition airstrikes reportedly targeted a farm near Lowtown.",
         "targeted"),
        ("On Monday, regime forces shelled Lowtown town in the Hightown countryside with "
         "heavy artillery.", "shelled"),
    ],
)  # fmt: skip
def test_an_event_noun_inside_its_verbs_clause_is_that_event(
    extractor: Any, text: str, trigger: str
) -> None:
    events = acled_events(extractor, text)
    assert [e.trigger.text for e in events] == [trigger]
    assert events[0].agents and events[0].places


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, rebels attacked Lowtown and the army attacked Hightown.",
        "On Monday, rebels shelled Lowtown and government artillery shelled Hightown.",
        "On Monday, rebels shelled the survivors of a shelling in Lowtown.",
        # a fight told before the clashes, or elsewhere, is another happening
        "Clashes broke out in Lowtown on Monday after rebels attacked an army post.",
        "Clashes broke out in Lowtown on Monday when rebels attacked an army post in Hightown.",
    ],
)
def test_two_happenings_stay_two(extractor: Any, text: str) -> None:
    assert len(acled_events(extractor, text)) == 2


def test_the_merged_event_keeps_the_mentions_of_both() -> None:
    import spacy

    from kg.extract.drafts import Draft
    from kg.extract.found import Found
    from kg.extract.twins import merge_told_twice

    doc = spacy.blank("en")("Residents of Lowtown rioted and residents beat a thief")
    sentence = doc[:]
    host, told = (
        Draft("mob-violence", doc[3:4], sentence),
        Draft("mob-violence", doc[6:7], sentence),
    )
    host.agents, told.agents, told.targets = ["rioters"], ["rioters"], ["police"]
    crowd = Found("actor", 5, 6, "rioters", "Rioters")
    thief = Found("actor", 8, 9, "thief", "Thief")
    told.shared_agents, told.role_mentions = [crowd], {"rioters": [crowd], "thief": [thief]}
    host.role_mentions = {"rioters": [crowd]}
    merge_told_twice(host, told)
    assert (host.agents, host.targets) == (["rioters"], ["police"])
    assert host.shared_agents == [crowd]
    assert host.role_mentions == {"rioters": [crowd], "thief": [thief]}


@pytest.mark.parametrize(
    ("text", "trigger", "targets"),
    [
        ("Police fired tear gas to disperse youths who were protesting the election results "
         "in Lowtown.", "fired", ("police-forces",)),  # the crowd acts (policed.py)
        ("On Monday, teachers in Lowtown staged a demonstration to protest unpaid salaries.",
         "protest", ()),
    ],
)  # fmt: skip
def test_a_crowds_acts_told_one_through_another_are_one_event(
    extractor: Any, text: str, trigger: str, targets: tuple[str, ...]
) -> None:
    (event,) = acled_events(extractor, text)
    assert (event.trigger.text, event.targets, event.places) == (trigger, targets, ("lowtown",))


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, students protested in Lowtown and traders protested in Hightown.",
        "On Monday, nurses in Lowtown demonstrated after they heard that a similar "
        "demonstration in Hightown had succeeded.",
    ],
)
def test_protests_told_as_others_stay_two(extractor: Any, text: str) -> None:
    assert len(acled_events(extractor, text)) == 2


def _parsed(words: list[str], heads: list[int], deps: list[str]) -> Any:
    """A Doc parsed as given (no model)."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def _crowd_drafts(doc: Any, event_class: str, *triggers: int) -> list[Any]:
    from kg.extract.drafts import Draft

    return [Draft(event_class, doc[i : i + 1], doc[:]) for i in triggers]


@pytest.mark.parametrize(("adjective", "linked"), [("big", True), ("similar", False)])
def test_a_protest_told_as_another_one_is_no_act_of_the_crowd(adjective: str, linked: bool) -> None:
    from kg.extract.twins import _crowd_link

    words = ["a", "demonstration", "and", "a", adjective, "march"]
    doc = _parsed(words, [1, 1, 1, 5, 5, 1], ["det", "ROOT", "cc", "det", "amod", "conj"])
    assert _crowd_link(doc[1], doc[5]) is linked


def test_what_a_mobs_victims_did_is_another_happening() -> None:
    from kg.extract.twins import fold_crowd_acts

    words = ["Residents", "lynched", "men", "who", "were", "robbing", "people"]
    deps = ["nsubj", "ROOT", "dobj", "nsubj", "aux", "relcl", "dobj"]
    doc = _parsed(words, [1, 1, 1, 5, 5, 2, 5], deps)
    lynching, robbing = _crowd_drafts(doc, "mob-violence", 1, 5)
    lynching.agents, lynching.targets = ["rioters"], ["men"]
    robbing.agents, robbing.targets = ["men"], ["people"]
    assert fold_crowd_acts([lynching, robbing], lambda _: True) == [lynching, robbing]
    robbing.agents = ["rioters"]  # the mob's own deed: one riot
    assert fold_crowd_acts([lynching, robbing], lambda _: True) == [lynching]


def test_the_protest_takes_the_crowd_of_the_act_it_folds_not_its_topic() -> None:
    from kg.extract.twins import fold_crowd_acts

    words = ["Residents", "rioted", "to", "protest", "killings", "by", "rebels"]
    deps = ["nsubj", "ROOT", "aux", "advcl", "dobj", "prep", "pobj"]
    doc = _parsed(words, [1, 1, 3, 1, 3, 4, 5], deps)
    riot, protest = _crowd_drafts(doc, "violent-demonstration", 1, 3)
    riot.confidence, riot.agents = 0.9, ["rioters"]
    protest.agents = ["rioters", "crowd", "rebels"]
    assert fold_crowd_acts([riot, protest], lambda k: k != "rebels") == [riot]
    assert riot.agents == ["rioters", "crowd"]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("On Monday, a suicide bomber killed 40 people at an election rally in Lowtown.",
         "suicide-bomb"),
        ("On Monday, a bomb exploded during a march in Lowtown.", "remote-explosive-landmine-ied"),
        ("On Monday, gunmen attacked a rally of the Lowtown Party in Lowtown.", None),
    ],
)  # fmt: skip
def test_a_gathering_an_attack_hit_is_its_setting_not_a_protest(
    extractor: Any, text: str, event_type: str | None
) -> None:
    events = acled_events(extractor, text)
    assert len(events) == 1
    assert family(events[0].event_type) != "protests"
    assert event_type is None or events[0].event_type == event_type


@pytest.mark.parametrize(
    "text",
    [
        # the state's forces acting on a gathering police it; a crowd's own fight is a riot
        "On Monday, police killed two protesters at a rally in Lowtown.",
        "On Monday, supporters of two parties clashed at a rally in Lowtown.",
    ],
)
def test_a_gathering_the_police_or_its_crowd_acts_in_stays_a_protest(
    extractor: Any, text: str
) -> None:
    assert {family(e.event_type) for e in acled_events(extractor, text)} & {"protests", "riots"}


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        ("On Monday, Hezbollah fired dozens of rockets at Lowtown, Israel.", ("hezbollah",)),
        ("On Monday, the army fired a barrage of shells at rebel positions in Lowtown, Syria.",
         ("military-forces-of-syria",)),
    ],
)  # fmt: skip
def test_the_projectiles_a_firing_counts_are_its_own(
    extractor: Any, text: str, agents: tuple[str, ...]
) -> None:
    (event,) = acled_events(extractor, text)
    assert (event.event_type, event.agents) == ("shelling-artillery-missile-attack", agents)


def test_the_dead_of_a_gathering_an_attack_hit_are_the_attacks_victims(extractor: Any) -> None:
    text = "On Monday, a suicide bomber killed 40 people at an election rally in Lowtown, Kenya."
    (event,) = acled_events(extractor, text)
    assert (event.event_type, event.targets) == ("suicide-bomb", ("civilians-kenya",))
