"""The words around a generic actor noun (kg/extract/generic_context.py): a title, a rank,
what is worn or machines listed name no men; men and women who serve are no civilians; a name
before the noun or after "pro-" is whose the men are, a country ending a longer name or after
"pro-"/"anti-" is not; the noun's phrase holds its modifiers and no count, verb or clause."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.generic_context import titled_portfolio
from kg.model import ActorType, Article
from tests.extract.extracted import mentions_by_label


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor_type"),
    [
        # a title beside a name is no armed group
        ("Capt. Jean Dupont, commander of the frigate, said the crew was ready.",
         ActorType.POLITICAL_MILITIA),
        ("Gen. Sam Hale, commander, Northern Command met the ministers on Monday.",
         ActorType.POLITICAL_MILITIA),
        # regression: "the men and women of U.S. Central Command" were typed civilians
        ("On behalf of the men and women of U.S. Central Command, I salute Sergeant Holt.",
         ActorType.CIVILIANS),
        ("It is a reminder of the dangers our men and women in uniform face every day.",
         ActorType.CIVILIANS),
        # a rank and its rating before a name is the person's title, no state forces
        ("Petty Officer 2nd Class Jane Holt was wounded in Lowtown.", ActorType.STATE_FORCES),
    ],
)  # fmt: skip
def test_words_that_name_no_actor_of_the_type(
    extractor: Any, text: str, actor_type: ActorType
) -> None:
    actors = extractor.extract_one(Article("t", text)).actors
    assert actor_type not in [a.actor_type for a in actors]


@pytest.mark.model
def test_men_and_women_of_a_town_stay_civilians(extractor: Any) -> None:
    extraction = extractor.extract_one(
        Article("t", "Gunmen killed five men and women of Lowtown on Monday.")
    )
    civilians = [a for a in extraction.actors if a.actor_type is ActorType.CIVILIANS]
    assert [m.text for a in civilians for m in a.mentions] == ["men", "women"]


@pytest.mark.model
def test_a_fighter_among_aircraft_is_no_actor(extractor: Any) -> None:
    text = "Planes struck the bridge using bomber, fighter and remotely piloted aircraft."
    mentions = [m for ms in mentions_by_label(extractor, text).values() for m in ms]
    assert "fighter" not in mentions


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Fighter jets struck Lowtown on Monday.",
        "The expeditionary fighter squadron flew strike missions over Lowtown.",
        "Two fighter pilots returned to the base near Lowtown.",
    ],
)
def test_fighter_modifying_aircraft_names_no_fighters(extractor: Any, text: str) -> None:
    actors = extractor.extract_one(Article("t", text)).actors
    assert ActorType.POLITICAL_MILITIA not in [a.actor_type for a in actors]


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["A fighter was killed in Lowtown.", "Foreign fighter networks recruit in Lowtown."]
)
def test_fighter_without_aircraft_stays_fighters(extractor: Any, text: str) -> None:
    actors = extractor.extract_one(Article("t", text)).actors
    assert ActorType.POLITICAL_MILITIA in [a.actor_type for a in actors]


@pytest.mark.model
def test_fighters_beside_gunmen_stay_actors(extractor: Any) -> None:
    text = "Fighters and gunmen attacked the village on Monday."
    mentions = [m for ms in mentions_by_label(extractor, text).values() for m in ms]
    assert "Fighters" in mentions


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen in police commando uniforms attacked a village near Lowtown.",
        "Gunmen wearing army fatigues attacked a village near Lowtown.",
    ],
)
def test_an_actor_noun_on_what_is_worn_names_no_actor(extractor: Any, text: str) -> None:
    """Regression: "police commando uniforms" made the police an actor of the attack."""
    extraction = extractor.extract_one(Article("t", text))
    assert [a.label for a in extraction.actors] == ["Unidentified Armed Group"]


@pytest.mark.model
def test_a_police_station_still_names_the_police(extractor: Any) -> None:
    extraction = extractor.extract_one(
        Article("t", "Gunmen attacked a police station in Lowtown on Monday.")
    )
    assert "Police Forces" in {a.label for a in extraction.actors}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("On Monday, Unity Kenya supporters marched in Lowtown.", "Kenya supporters"),
        ("In Lowtown Ciudad de Mexico residents of Colonia Azul protested.", "Mexico residents"),
    ],
)
def test_a_country_ending_a_longer_name_owns_no_one(extractor: Any, text: str, words: str) -> None:
    """A party or a city named after a country ("Narc Kenya", "Ciudad de Mexico") does not
    make the people after it that country's."""
    extraction = extractor.extract_one(Article("t", text))
    assert not [m for a in extraction.actors for m in a.mentions if m.text.endswith(words)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Ali Omar, a Shabaab militia commander, was killed in Lowtown, Somalia.", "al-shabaab"),
        ("Abu Omar, an ISIL gang leader, was killed by an airstrike near Lowtown, Syria.",
         "islamic-state"),
    ],
)  # fmt: skip
def test_a_generic_noun_right_after_a_name_is_that_names_men(
    extractor: Any, text: str, group: str
) -> None:
    """ "a Shabaab militia commander": the parse hangs both nouns on "commander"; the militia
    is Shabaab, no unidentified armed group of its own."""
    extraction = extractor.extract_one(Article("t", text))
    assert group in {a.key for a in extraction.actors}
    assert not [a for a in extraction.actors if a.actor_type is ActorType.POLITICAL_MILITIA]


@pytest.mark.model
def test_forces_of_a_name_after_pro_are_that_group(extractor: Any) -> None:
    # ACLED codes "pro-Houthi forces" as the Houthis, and "pro-Hadi forces" as the state's
    text = "Pro-Hadi forces clashed with pro-Houthi forces in Lowtown, Yemen."
    extraction = extractor.extract_one(Article("t", text))
    labels = {a.key: a.label for a in extraction.actors}
    (event,) = extraction.events
    assert [labels[k] for k in (*event.agents, *event.targets)] == [
        "Military Forces of Yemen",
        "Houthis",
    ]
    assert not [r for r in extraction.relations if r.source == r.target]
    assert {
        (r.source, r.target) for r in extraction.relations if r.kind.value == "allies-of"
    } == set()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Fighting in Syria killed 12 pro-Turkey rebel fighters near Lowtown.", "Rebels (Syria)"),
        ("Anti-Turkish protesters gathered in Lowtown, Syria, on Friday.", "Protesters (Syria)"),
    ],
)
def test_a_country_after_pro_or_anti_is_not_whose_the_actor_is(
    extractor: Any, text: str, actor: str
) -> None:
    extraction = extractor.extract_one(Article("t", text))
    assert actor in {a.label for a in extraction.actors}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words", "not_words"),
    [
        # a count the parse hung on the noun: the man, not "dead 1 man"
        ("Gunmen shot dead 1 man near Lowtown market.", "man", "dead 1 man"),
        # a headline's verb the parse made a compound: the man, not "Mob lynches man"
        ("Mob lynches man who had robbed a trader in Lowtown", "man", "lynches man"),
        # a spaced dash parts clauses: "the crowd - one man"
        ("Police fired into the crowd - one man was injured in Lowtown.", "man", "crowd - one man"),
    ],
)  # fmt: skip
def test_a_generic_nouns_phrase_holds_no_count_verb_or_clause(
    extractor: Any, text: str, words: str, not_words: str
) -> None:
    """The words of a generic actor's mention and alias are its noun phrase: a count, a verb
    or a clause before the noun are none of it."""
    extraction = extractor.extract_one(Article("t", text))
    civilians = next(a for a in extraction.actors if a.actor_type is ActorType.CIVILIANS)
    written = {m.text for m in civilians.mentions} | set(civilians.aliases) | {civilians.label}
    assert any(w.endswith(words) for w in written)
    assert not any(not_words in w for w in written)


@pytest.mark.model
def test_adjectives_parted_by_a_comma_stay_in_the_phrase(extractor: Any) -> None:
    text = "Coalition aircraft supported local, legitimate ground forces near Lowtown."
    mentions = [m for ms in mentions_by_label(extractor, text).values() for m in ms]
    assert "local, legitimate ground forces" in mentions


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "group"),
    [
        # the parse reads the name's last word as an adjective of the noun
        ("Nusra Front militants killed two soldiers near Lowtown on Monday.", "Nusra Front"),
        ("Fighters of the Lowtown Martyrs Brigades attacked an army post on Monday.",
         "Lowtown Martyrs Brigades"),
        ("Fighters of the Nusra Front attacked an army post near Lowtown.", "Nusra Front"),
    ],
)  # fmt: skip
def test_a_known_groups_men_are_the_group(extractor: Any, text: str, group: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    labels = {a.label for a in extraction.actors}
    assert group in labels
    assert not any(a.startswith(("Unidentified Armed Group", "Militants")) for a in labels)


@pytest.mark.model
def test_men_against_a_group_are_not_its_men(extractor: Any) -> None:
    text = "Anti-Houthi fighters attacked a checkpoint near Lowtown on Monday."
    extraction = extractor.extract_one(Article("t", text))
    fighters = next(a for a in extraction.actors if any("fighters" in m.text for m in a.mentions))
    assert fighters.label != "Houthis"


@pytest.mark.parametrize(
    ("words", "titled"),
    [
        (["His", "Chief", "of", "Staff", "is", "here"], True),
        (["the", "Director", "for", "Plans"], True),
        (["the", "chief", "of", "police"], False),  # no capitals: a common noun's "of"
        (["the", "Chief", "said"], False),
    ],
)
def test_a_capitalised_title_with_its_portfolio_names_a_post(
    words: list[str], titled: bool
) -> None:
    doc = Doc(spacy.blank("en").vocab, words=words)
    assert titled_portfolio(doc[1]) is titled
