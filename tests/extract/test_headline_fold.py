"""A headline and its lead tell one happening: one event, its toll counted once
(kg/extract/headline_fold.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

_LEAD = (
    "Gunmen on motorcycles attacked a village in Lowland's Hill state on Sunday, killing "
    "at least 9 people, police said."
)


def _texts(events: list[Any]) -> list[str]:
    return [e.trigger.text for e in events]


@pytest.mark.model
def test_a_headline_folds_into_the_lead_that_retells_it(extractor: Any) -> None:
    text = f"Gunmen kill 9 in raid on village in Lowland\n\n{_LEAD}\n"
    events = acled_events(extractor, text)
    assert _texts(events) == ["attacked"]
    (event,) = events
    assert event.counts.fatalities == 9  # once, not 18
    assert event.places == ("lowland",)


@pytest.mark.model
def test_the_body_told_alone_gives_the_same_event(extractor: Any) -> None:
    with_headline = acled_events(
        extractor, f"Gunmen kill 9 in raid on village in Lowland\n\n{_LEAD}\n"
    )
    alone = acled_events(extractor, f"{_LEAD}\n")
    assert [(e.event_type, e.counts.fatalities, e.location) for e in with_headline] == [
        (e.event_type, e.counts.fatalities, e.location) for e in alone
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "headline",
    [
        "Gunmen kill 30 in raid on village in Lowland",  # another toll: another happening
        "Soldiers clash with rebels in Lowland",  # another family of events
    ],
)
def test_a_headline_the_lead_does_not_retell_stays(extractor: Any, headline: str) -> None:
    events = acled_events(extractor, f"{headline}\n\n{_LEAD}\n")
    assert len(events) == 2


@pytest.mark.model
def test_a_line_with_no_period_after_it_is_another_note(extractor: Any) -> None:
    text = "Gunmen kill 9 in Lowland\n\nGunmen killed 9 villagers in a raid on Lowland on Sunday\n"
    assert len(acled_events(extractor, text)) == 2


@pytest.mark.model
def test_a_one_line_note_keeps_its_event(extractor: Any) -> None:
    assert _texts(acled_events(extractor, "Police battle armed bandits in Lowtown\n")) == ["battle"]


def test_the_headline_is_a_short_first_line_with_no_period_and_a_body() -> None:
    import spacy

    from kg.extract.headline_fold import headline_end

    nlp = spacy.blank("en")
    title = "Gunmen kill 9 in Lowland"
    assert headline_end(nlp(f"{title}\n\n{_LEAD}")) == len(title)
    assert headline_end(nlp(f"{title}.\n\n{_LEAD}")) is None  # a sentence of the story
    assert headline_end(nlp(f"{title}\n")) is None  # no body: a one-line note
    long_line = "Gunmen attacked " + " and ".join(["a village"] * 10)
    assert headline_end(nlp(f"{long_line}\n\n{_LEAD}")) is None  # a paragraph, no headline


_SETTING = (
    "GUSAU, Nigeria, March 4 (Reuters) - Residents of villages in Zamfara state fled their"
    " homes on Monday, police said.\n\n"
    "Gunmen on motorcycles attacked the village of Lowtown in Zamfara state on Sunday, killing"
    " at least 9 people, a police spokesman said."
)


@pytest.mark.model
def test_a_headline_folds_into_the_paragraph_after_a_lead_of_its_setting(extractor: Any) -> None:
    """A lead that opens with the setting ("Residents fled ...") leaves the headline's
    happening to the next paragraph: one attack, its dead counted once; the headline's state
    is named in that paragraph's sentence beside the village."""
    text = f"Gunmen kill 9 in attack on Zamfara village\n{_SETTING}"
    events = [e for e in acled_events(extractor, text) if e.counts.fatalities]
    assert _texts(events) == ["attacked"]
    assert events[0].counts.fatalities == 9


@pytest.mark.model
def test_a_headline_no_opening_paragraph_retells_stays(extractor: Any) -> None:
    text = f"Gunmen kill 30 in attack on Zamfara village\n{_SETTING}"
    tolls = sorted(e.counts.fatalities or 0 for e in acled_events(extractor, text))
    assert tolls[-2:] == [9, 30]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "event_type", "toll"),
    [
        # "Rebels kill dozens in X" over a lead telling the shelling that killed them: one
        # shelling (was an attack and a shelling: two events of one happening)
        (
            "Lowland Liberation Army kills dozens in Lowtown, activists say\n\n"
            "The Lowland Liberation Army killed at least 35 civilians in an artillery barrage "
            "on a camp near Lowtown on Tuesday, a local activist group said.\n",
            "shelling-artillery-missile-attack",
            35,
        ),
        # "Gangs kill 30 in attack on town": the attack a verb of killing was done in is the
        # headline's killing, whichever family its unnamed victims leave it in
        (
            "Gangs kill at least 30 in attack on Lowland town\n\n"
            "Members of a gang killed at least 30 villagers in an attack on the town of "
            "Lowtown in Lowland on Thursday, officials said.\n",
            "attack",
            30,
        ),
    ],
)
def test_a_headline_killing_folds_into_the_lead_telling_its_means(
    extractor: Any, text: str, event_type: str, toll: int
) -> None:
    events = acled_events(extractor, text)
    assert [e.event_type for e in events] == [event_type]
    assert events[0].counts.fatalities == toll


@pytest.mark.model
def test_a_headline_killing_stays_beside_fighting_with_other_actors(extractor: Any) -> None:
    text = (
        "Lowland Liberation Army kills dozens in Lowtown\n\n"
        "Government aircraft bombed Hightown on Tuesday, killing 12 fighters of the Hill Front, "
        "officials said.\n"
    )
    assert len(acled_events(extractor, text)) == 2


@pytest.mark.model
def test_a_headline_told_with_the_leads_word_folds_into_it(extractor: Any) -> None:
    """ "Police fire tear gas ..." over "police opened fire on protesters ...": the same
    actor and the same word tie them, where the headline names no place and no toll."""
    text = (
        "Kenyan police fire tear gas as protesters storm council\n\n"
        "NAIROBI, June 3 (Reuters) - Kenyan police opened fire on protesters who stormed the "
        "county council in Lowtown on Tuesday, killing at least four people, as thousands "
        "demonstrated against new taxes.\n"
    )
    events = acled_events(extractor, text)
    assert _texts(events)[0] == "opened fire"
    assert "fire" not in _texts(events)  # the headline's, folded into the lead's
    assert events[0].counts.fatalities == 4


@pytest.mark.model
def test_a_headline_with_the_leads_word_and_other_actors_stays(extractor: Any) -> None:
    """One word alone is no tie: the headline's doers are not the lead's, and it names no
    place or toll of the lead's."""
    text = (
        "Gunmen attack village\n\n"
        "Soldiers attacked a village near Lowtown on Tuesday, killing 12 villagers, residents "
        "said.\n"
    )
    assert _texts(acled_events(extractor, text)) == ["attack", "attacked"]


_STRIKE_LEAD = (
    "BEIRUT (Reuters) - Syrian government air strikes killed nine people in the rebel-held "
    "town of Ariha on Wednesday, a war monitor said."
)


@pytest.mark.model
def test_a_headline_naming_a_place_the_text_does_not_tie_needs_every_other_tie(
    extractor: Any,
) -> None:
    # the headline names the province (Idlib), the lead the town in it: one strike, when the
    # actor, the toll and the word agree
    text = f"Syrian government air strikes kill 9 in rebel-held Idlib\n\n{_STRIKE_LEAD}\n"
    events = acled_events(extractor, text)
    assert [(e.trigger.text, e.counts.fatalities) for e in events] == [("air strikes", 9)]
    # another toll: another strike
    text = f"Syrian government air strikes kill 30 in rebel-held Idlib\n\n{_STRIKE_LEAD}\n"
    assert len(acled_events(extractor, text)) == 2


@pytest.mark.model
def test_a_country_the_lead_only_inherits_sets_no_headline_place_against_it(
    extractor: Any,
) -> None:
    """The lead names no place of its own ("on their way to the city"); the country a later
    paragraph names (here inside a party's name) is not set against the headline's town."""
    text = (
        "Pakistan police fire tear gas at Raza supporters marching on Lahore\n\n"
        "LAHORE, Nov 26 (Reuters) - Pakistani police fired tear gas on Tuesday at thousands of"
        " supporters of jailed opposition leader Ali Raza who broke through barricades on their"
        " way to the city, witnesses said.\n\n"
        "Raza's party, Pakistan Awami Tehreek (PAT), said two of its supporters had been shot"
        " dead by security forces.\n"
    )
    assert "fire" not in _texts(acled_events(extractor, text))


_REPLY_STORY = (
    "Rebels fire rockets at base in Lowtown, army strikes back\n\n"
    "LOWTOWN, Lowland, Feb 12 (Reuters) - Rebels fired rockets at an army base in Lowtown on"
    " Monday, the army said.\n\n"
    "Hours later, army jets struck rebel positions near Upton, the army said.\n"
)


@pytest.mark.model
def test_a_headline_of_two_clauses_folds_each_into_the_body_event_that_tells_it(
    extractor: Any,
) -> None:
    events = acled_events(extractor, _REPLY_STORY)
    assert len(events) == 2  # the rebels' fire and the army's strike, each told once
    fire, strike = events
    assert fire.trigger.text in ("fire", "fired") and strike.trigger.text == "struck"
    assert fire.agents and not set(fire.agents) & set(strike.agents)  # no reply folded in
    assert "lowtown" not in strike.places  # not the first clause's place


def test_a_headline_s_place_qualified_by_a_nationality_is_the_lead_s(extractor: Any) -> None:
    """Regression: "Militants attack bus in Indian Kashmir" over "... opened fire on a bus in
    the Reasi district of Kashmir" stayed an attack of its own: its place was no one of the
    lead's."""
    text = (
        "Militants attack bus in Indian Lowland, nine killed\n\nLOWTOWN, June 10 (Reuters) - "
        "Suspected militants opened fire on a bus in the Hightown district of Lowland, India, "
        "on Sunday, killing nine people, police said.\n"
    )
    (event,) = acled_events(extractor, text)
    assert "hightown" in event.places


def test_a_headline_s_kind_told_by_another_word_is_the_lead_s(extractor: Any) -> None:
    """Regression: "Gunmen abduct dozens of pupils" over "Armed bandits kidnapped at least 40
    pupils" stayed an abduction of its own (no word, toll nor actor in common); folded, its
    gunmen are the lead's bandits, no second doer."""
    text = (
        "Gunmen abduct dozens of pupils in western Kenya\n\nLOWTOWN, Kenya, March 7 (Reuters) - "
        "Armed bandits kidnapped at least 40 pupils from a school in the town of Lowtown in "
        "western Kenya on Thursday, police said.\n"
    )
    (event,) = acled_events(extractor, text)
    assert event.event_type == "abduction-forced-disappearance"
    assert len(event.agents) == 1


_SECOND_STORY = (
    "Junta air strike kills 12 in Magway village, rebels seize town\n\n"
    "YANGON, Feb 12 (Reuters) - A Myanmar military air strike on a village in the Magway"
    " region killed at least 12 people on Monday, villagers said.\n\n"
    "A spokesman for the military did not respond to requests for comment.\n\n"
    "Rebel fighters captured the town of Lowtown after days of fighting, an opposition group"
    " said.\n"
)


@pytest.mark.model
def test_a_headline_s_second_clause_folds_into_a_later_paragraph_that_tells_it(
    extractor: Any,
) -> None:
    """Regression: "..., rebels seize town" stayed a capture of its own beside the fourth
    paragraph's ("Rebels captured the town of Lowtown"): only the lead and the paragraph after
    it were read for the headline's happenings."""
    events = acled_events(extractor, _SECOND_STORY)
    captures = [e for e in events if e.event_type == "non-state-actor-overtakes-territory"]
    assert [e.trigger.text for e in captures] == ["captured"]
    assert "lowtown" in captures[0].places


@pytest.mark.model
def test_a_headline_naming_no_side_folds_into_the_lead_that_tells_who(extractor: Any) -> None:
    # "clashes" names no side: the lead's killing is the happening, its deaths its own (not
    # the headline's, as deaths told after a sentence of violence would be)
    text = (
        "Curfew imposed in Lowland after homes burned in fresh clashes\n\n"
        "Authorities imposed a curfew in two districts of Lowland on Tuesday after gunmen "
        "killed four people in renewed violence between rival communities, officials said.\n"
    )
    events = acled_events(extractor, text)
    assert [(e.event_type, e.trigger.text, e.counts.fatalities) for e in events] == [
        ("attack", "killed", 4)
    ]


@pytest.mark.model
def test_a_headline_naming_no_side_folds_into_the_lead_of_a_crowd(extractor: Any) -> None:
    text = (
        "Clashes in Lowland\n\n"
        "Protesters clashed with police in the Hightown district of Lowland on Monday, "
        "police said.\n"
    )
    assert _texts(acled_events(extractor, text)) == ["clashed"]


@pytest.mark.model
def test_a_headline_attack_the_lead_tells_with_its_means_folds(extractor: Any) -> None:
    # "attack" over "attacked ... with explosives dropped from drones": one drone strike
    text = (
        "Rebels attack army base in Hill province, two soldiers killed\n\n"
        "Rebels attacked an army base in the town of Hightown in Hill province on Monday with "
        "explosives dropped from drones, killing two soldiers, the army said.\n"
    )
    events = acled_events(extractor, text)
    assert "attack" not in _texts(events)
    assert "armed-clash" not in [e.event_type for e in events]


@pytest.mark.model
def test_the_leads_deaths_are_no_toll_of_the_headlines_violence(extractor: Any) -> None:
    # deaths told by no killer after a sentence of violence are its toll, but the headline
    # is no sentence before the lead: the lead's killing stays the event
    text = (
        "Curfew imposed in Lowland after homes burned in fresh clashes\n\n"
        "Authorities imposed a curfew in two districts of Lowland on Tuesday after four people "
        "were killed in renewed violence between rival communities, officials said.\n"
    )
    events = acled_events(extractor, text)
    assert [(e.trigger.text, e.counts.fatalities) for e in events] == [("killed", 4)]


@pytest.mark.model
def test_a_headline_naming_no_side_is_no_later_paragraphs_happening(extractor: Any) -> None:
    # "opposition leader beaten" names no side: it may be the lead's, not any beating the
    # story tells further down (detainees beaten in custody)
    text = (
        "Police use water cannon on protesters in Lowtown, opposition leader beaten\n\n"
        "Riot police fired water cannon and tear gas at thousands of protesters outside "
        "parliament in Lowtown on Sunday night, the fourth night of demonstrations.\n\n"
        "The interior ministry said 50 people were arrested during the night.\n\n"
        "Rights groups said dozens of detained protesters had been beaten in custody.\n"
    )
    assert _texts(acled_events(extractor, text)).count("beaten") == 2
