"""Countries acting as states and governments named by a common noun (real model)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType, Article


def _actors(extractor: Any, text: str) -> dict[str, tuple[ActorType, list[str]]]:
    """Each actor's type in the article's events (External/Other for a state abroad) and its
    mentions."""
    extraction = extractor.extract_one(Article("t", text))
    return {
        a.key: (
            ActorType.EXTERNAL_OTHER if a.external else a.actor_type,
            [m.text for m in a.mentions],
        )
        for a in extraction.actors
    }


@pytest.mark.model
def test_a_country_that_speaks_is_its_government_and_stays_a_place(extractor: Any) -> None:
    text = "Fighting in Syria went on near Turkey and in Syria's north. Turkey condemned it."
    extraction = extractor.extract_one(Article("t", text))
    actors = {a.key: a for a in extraction.actors}
    state = actors["government-of-turkey"]  # one node for Turkey's state, at home and abroad
    assert [(m.start, m.text) for m in state.mentions] == [(text.rindex("Turkey"), "Turkey")]
    assert state.actor_type is ActorType.STATE_FORCES
    assert state.external  # abroad: the article is about Syria; External/Other in its events
    places = [(m.start, m.text) for p in extraction.places for m in p.mentions]
    assert (text.index("Turkey"), "Turkey") in places  # the place keeps its other mention


@pytest.mark.model
def test_a_place_named_once_stays_a_place(extractor: Any) -> None:
    extraction = extractor.extract_one(Article("t", "Turkey condemned the attack on Friday."))
    assert not extraction.actors and [p.label for p in extraction.places] == ["Turkey"]


@pytest.mark.model
def test_the_state_is_named_with_its_article(extractor: Any) -> None:
    actors = _actors(
        extractor, "Fighting went on in Iraq. The United States supports the Iraqi government."
    )
    assert actors["government-of-united-states"] == (
        ActorType.EXTERNAL_OTHER,
        ["The United States"],
    )
    assert actors["government-of-iraq"][1] == ["the Iraqi government"]


@pytest.mark.model
def test_a_country_striking_acts_through_its_forces(extractor: Any) -> None:
    text = "Clashes went on in Kenya. Kenya struck Al Shabaab camps near the border."
    assert "military-forces-of-kenya" in _actors(extractor, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text,key",
    [
        ("Fighters attacked the town after the government of Mali asked for help.",
         "government-of-mali"),
        ("Rebels in Niger rejected Niger's proposal for talks.", "government-of-niger"),
    ],
)  # fmt: skip
def test_governments(extractor: Any, text: str, key: str) -> None:
    assert key in _actors(extractor, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Heavy rain fell in Kenya on Monday.", "Kenya borders Somalia.", "Troops left Kenya."],
)
def test_a_country_as_a_place_is_no_actor(extractor: Any, text: str) -> None:
    assert not any(k.startswith("government-of") for k in _actors(extractor, text))


def _place_offsets(extractor: Any, text: str, label: str) -> set[int]:
    extraction = extractor.extract_one(Article("t", text))
    return {m.start for p in extraction.places if p.label == label for m in p.mentions}


@pytest.mark.model
def test_a_country_telling_whose_people_are_is_no_place_mention(extractor: Any) -> None:
    text = (
        "Norway said the talks in Oslo would go on. Norway sent aid to the region. "
        "Later, Norway service members visited Norway ships in the harbour."
    )
    # the place keeps its last mention
    assert _place_offsets(extractor, text, "Norway") == {text.index("Norway ships")}


@pytest.mark.model
def test_a_country_telling_whose_title_or_body_is_no_place_mention(extractor: Any) -> None:
    text = (
        "Norway said the talks in Oslo would go on. The Norway Foreign Minister met the "
        "Norway Navy in Bergen. In Norway Minister Lund spoke to reporters."
    )
    offsets = _place_offsets(extractor, text, "Norway")
    assert text.index("Norway Foreign") not in offsets
    assert text.index("Norway Navy") not in offsets
    assert text.index("Norway Minister") in offsets  # after "In": where, not whose


@pytest.mark.model
def test_a_country_named_once_as_an_owner_stays_a_place(extractor: Any) -> None:
    extraction = extractor.extract_one(Article("t", "Norway ships docked in the harbour."))
    assert [m.text for p in extraction.places if p.label == "Norway" for m in p.mentions] == [
        "Norway"
    ]


def _events(extractor: Any, text: str) -> list[tuple[str, tuple[str, ...]]]:
    extraction = extractor.extract_one(Article("t", text))
    return [(e.event_type, e.agents) for e in extraction.events]


@pytest.mark.model
def test_a_country_named_once_that_strikes_is_the_event_s_agent(extractor: Any) -> None:
    # the seed's "U.S. airstrikes" had no agent: states were found after the events
    text = "Clashes went on in Syria. Turkey shelled Kurdish positions in Afrin on Monday."
    extraction = extractor.extract_one(Article("t", text))
    shelling = next(e for e in extraction.events if e.event_type.startswith("shelling"))
    assert shelling.agents == ("military-forces-of-turkey",)
    assert "afrin" in shelling.places  # the event is located where it happened
    turkey = next(p for p in extraction.places if p.label == "Turkey")
    assert [m.text for m in turkey.mentions] == ["Turkey"]  # the place keeps its only mention
    state = next(a for a in extraction.actors if a.key == "military-forces-of-turkey")
    assert state.external  # implied by the place's span, abroad all the same
    assert state.mentions == ()  # one span, one referent: the span stays the place's


@pytest.mark.model
def test_a_country_named_once_and_not_acting_implies_no_actor(extractor: Any) -> None:
    extraction = extractor.extract_one(Article("t", "Turkey condemned the attack on Friday."))
    assert not extraction.actors


@pytest.mark.model
def test_the_coalition_acting_is_the_event_s_agent(extractor: Any) -> None:
    text = (
        "Rebels held the town. Coalition aircraft conducted a strike on the bridge near the town."
    )
    assert any(
        "coalition" in agents for kind, agents in _events(extractor, text) if "strike" in kind
    )


@pytest.mark.model
@pytest.mark.parametrize(
    "text,key",
    [
        ("Refugees fled to Russia. The truce was announced by Russia on Monday.",
         "government-of-russia"),  # the agent of a passive
        ("Refugees fled to Russia. The raid was carried out by the Syrian army or Russia.",
         "government-of-russia"),  # coordinated with an actor
        ("Refugees fled to Russia. The United Nations, including Russia, demanded a truce.",
         "government-of-russia"),  # among an actor's members
        ("Refugees fled to Turkey. The attack was condemned by our ally Turkey on Monday.",
         "government-of-turkey"),  # in apposition to a noun of those who stand with one
    ],
)  # fmt: skip
def test_a_country_beside_an_actor_acts_as_a_state(extractor: Any, text: str, key: str) -> None:
    states = [
        mentions for k, (_, mentions) in _actors(extractor, text).items() if k.startswith(key)
    ]
    assert states == [[key.split("-")[-1].title()]]  # the second mention, the place the first


@pytest.mark.model
def test_a_country_inside_an_actor_s_name_is_no_state(extractor: Any) -> None:
    text = "Jordan hosts the drill. Jordan Armed Forces and U.S. Naval Forces Central Command met."
    assert not any(k.startswith("government-of") for k in _actors(extractor, text))


@pytest.mark.model
def test_a_country_that_condemns_is_no_agent_of_the_violence_it_condemns(extractor: Any) -> None:
    # governments are found after the events: only the countries that act through their
    # forces are read by the event rules
    text = (
        "Refugees reached Norway. Norway strongly condemns the bombings that targeted a market "
        "in Kabul, for which the Taliban claimed responsibility."
    )
    agents = {a for kind, agents in _events(extractor, text) if kind != "statement" for a in agents}
    assert not any(a.startswith("government-of-norway") for a in agents)
    assert "government-of-norway" in _actors(extractor, text)  # still a mention of the state


@pytest.mark.model
def test_a_country_that_starts_an_organisation_s_name_is_no_place_mention(extractor: Any) -> None:
    text = (
        "The frigate joined U.S. Naval Forces Central Command on Monday. "
        "Sailors flew home to the U.S. on Friday."
    )
    extraction = extractor.extract_one(Article("t", text))
    places = {(m.start, m.text) for p in extraction.places for m in p.mentions}
    assert (text.index("U.S. Naval"), "U.S.") not in places  # whose the command is
    assert (text.rindex("U.S."), "U.S.") in places  # the place keeps its own mention


@pytest.mark.model
@pytest.mark.parametrize(
    "text,state",
    [
        ("Iran supplies weapons to the Houthis.", "government-of-iran"),
        ("Rebels backed by Qatar attacked a checkpoint in Idlib.", "government-of-qatar"),
        ("Iran's proxies attacked the Saudi-led coalition in Aden.", "government-of-iran"),
        ("Russia and Iran support the Assad regime.", "government-of-iran"),
        ("Russia intervened in support of Hezbollah in 2015.", "government-of-russia"),
        # named as an ally
        ("The rebels and their ally Turkey met in Doha.", "government-of-turkey"),
        ("Hezbollah and its partner, Iran, denounced the strike.", "government-of-iran"),
    ],
)  # fmt: skip
def test_a_country_named_once_that_acts_on_an_actor_is_a_state_mention(
    extractor: Any, text: str, state: str
) -> None:
    text = f"Fighting went on in Yemen and Syria on Monday. {text}"  # the main country's
    extraction = extractor.extract_one(Article("t", text))
    mentions = {a.key: [m.text for m in a.mentions] for a in extraction.actors}
    assert any(k.startswith(state) and v for k, v in mentions.items()), mentions
    named = state.removeprefix("government-of-").title()
    assert not any(p.label == named for p in extraction.places)


@pytest.mark.model
def test_the_main_country_named_once_stays_the_place_events_fall_back_to(extractor: Any) -> None:
    # an event the text places nowhere is in the article's main country: its place must stay
    extraction = extractor.extract_one(Article("t", "Iran supplies weapons to the Houthis."))
    assert [p.label for p in extraction.places] == ["Iran"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Libya's army clashed with the rebels.",  # the main country, where the clash is
        "Fighting went on in Syria. Rebels backed by Iran attacked a checkpoint.",  # the
        # events' rules placed the attack at Iran, which acts on the rebels
    ],
)
def test_a_country_an_event_is_placed_at_keeps_its_place(geo_extractor: Any, text: str) -> None:
    extraction = geo_extractor.extract_one(Article("t", text))
    places = {p.key for p in extraction.places}
    assert all(k in places for e in extraction.events for k in e.places)


@pytest.mark.model
@pytest.mark.parametrize(
    "text,key,words",
    [
        ("We thank our coalition partners, especially the Turks.", "turks", "the Turks"),
        ("The French attacked the Taliban near Kabul.", "french", "The French"),
        ("The talks in Geneva were hosted by the Swiss.", "swiss", "the Swiss"),
    ],
)  # fmt: skip
def test_a_nation_named_by_its_people_is_an_actor(
    extractor: Any, text: str, key: str, words: str
) -> None:
    assert words in _actors(extractor, text)[key][1]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["French troops left the base on Monday.", "The British government condemned the attack."],
)
def test_a_people_s_word_before_a_noun_is_no_people(extractor: Any, text: str) -> None:
    assert not {"french", "british"} & set(_actors(extractor, text))


def test_the_peoples_plural_names() -> None:
    from kg.extract.lexicon import load_countries
    from kg.extract.peoples import load_irregular, people_names
    from kg.resources import data_dir

    countries = load_countries(data_dir() / "countries.tsv")
    names = people_names(countries, load_irregular())
    assert names["french"] == "FR" and names["turks"] == "TR" and names["chinese"] == "CN"
    assert "iraqis" not in names  # the demonym and -s: kg/extract/phrases.py


@pytest.mark.model
@pytest.mark.parametrize(
    "text,state",
    [
        ("Fighting went on in Somalia on Monday. Al Shabaab vowed to attack Kenya again.",
         "government-of-kenya"),
        ("Fighting went on in Somalia on Monday. The storm threatened Kenya again.", ""),
    ],
)  # fmt: skip
def test_a_country_an_actor_attacks_is_the_state_fought(
    extractor: Any, text: str, state: str
) -> None:
    assert sorted(k for k in _actors(extractor, text) if k.startswith("government")) == (
        [state] if state else []
    )


@pytest.mark.model
def test_a_demonym_on_a_noun_of_fire_is_the_state_s_forces(extractor: Any) -> None:
    text = "Fighting went on in Syria. Russian airstrikes hit a market in Idlib on Monday."
    extraction = extractor.extract_one(Article("t", text))
    agents = {a for e in extraction.events if e.event_type == "air-drone-strike" for a in e.agents}
    assert agents == {"military-forces-of-russia"}


@pytest.mark.model
def test_a_demonym_on_other_nouns_is_no_state(extractor: Any) -> None:
    text = "Fighting went on in Gaza. Palestinian rockets hit a town in Israel."
    assert not any(k.startswith("military-forces-of-palestine") for k in _actors(extractor, text))


@pytest.mark.model
def test_countries_listed_as_the_members_of_a_group_of_states_are_states(extractor: Any) -> None:
    text = (
        "Coalition aircraft struck targets in Iraq on Monday. Coalition nations which have "
        "conducted strikes in Iraq include Australia, Belgium and Canada."
    )
    actors = _actors(extractor, text)
    for country in ("australia", "belgium", "canada"):  # each named once, as a member
        assert actors[f"government-of-{country}"][0] is ActorType.EXTERNAL_OTHER


@pytest.mark.model
def test_countries_including_a_group_of_states_that_acts_are_states(extractor: Any) -> None:
    text = "Fighting went on in Iraq. Partner nations, including Denmark, flew missions."
    assert _actors(extractor, text)["government-of-denmark"][0] is ActorType.EXTERNAL_OTHER


@pytest.mark.model
def test_countries_in_a_group_of_places_stay_places(extractor: Any) -> None:
    text = "Fighting went on in Iraq. Refugees fled to countries including Jordan."
    extraction = extractor.extract_one(Article("t", text))
    assert "Jordan" in [p.label for p in extraction.places]
    assert not any("jordan" in a.key for a in extraction.actors)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The minister reaffirmed Canadian support for Mali in the fight against JNIM. Mali has "
        "lost 40 soldiers this year.",
        "The minister stands by Mali in its struggle against JNIM. Mali has lost 40 soldiers "
        "this year.",
    ],
)
def test_a_country_supported_in_a_fight_is_a_side_of_it(extractor: Any, text: str) -> None:
    """ "support for Mali in the fight against JNIM": Mali's state, which fights JNIM, also
    where the parse hangs "in the fight" on the verb."""
    extraction = extractor.extract_one(Article("t", text))
    fights = {(r.source, r.target) for r in extraction.relations}
    assert ("government-of-mali", "jnim") in fights


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Fighting went on in Syria. The Lowtown Front was supported by Turkey in the war.",
        "Fighting went on in Syria. Turkey supported the Lowtown Front in the war.",
    ],
)
def test_a_country_backing_a_side_tells_no_country_of_the_events(extractor: Any, text: str) -> None:
    """The agent of a passive acts, as the subject of an active verb does: Turkey is a state
    backing a side abroad, in Syria, where the events are."""
    extraction = extractor.extract_one(Article("t", text))
    state = next(a for a in extraction.actors if "turkey" in a.key)
    assert state.key == "government-of-turkey"  # one node for Turkey's state
    assert state.actor_type is ActorType.STATE_FORCES and state.external  # abroad here


@pytest.mark.model
def test_a_country_titled_an_ally_is_its_government(extractor: Any) -> None:
    text = (
        "Rebels took the town of Lowtown, aided by strong support from our ally Turkey. "
        "The offensive began in Turkey last week."
    )
    actors = _actors(extractor, text)
    assert actors["government-of-turkey"][1] == ["Turkey"]
    assert not [k for k in actors if k.startswith("ally")]  # "our ally" is its title


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah attacked Israel on Sunday.",
        "Hezbollah fired rockets at Israel on Sunday.",
        "Hezbollah launched drone attacks on Israel on Sunday.",
    ],
)
def test_a_country_attacked_is_its_state_and_stays_the_events_place(
    extractor: Any, text: str
) -> None:
    """The country an attack is aimed at is the state attacked, the event's target, named
    there; the event stays placed in it, a place with no mention of its own."""
    extraction = extractor.extract_one(Article("t", text))
    actors = _actors(extractor, text)
    assert actors["government-of-israel"][1] == ["Israel"]
    event = next(e for e in extraction.events if "hezbollah" in e.agents)
    assert "government-of-israel" in event.targets and "israel" in event.places
    assert "israel" in {p.key for p in extraction.places}


@pytest.mark.model
def test_a_country_attacked_in_a_one_sided_event_is_an_implied_actor(extractor: Any) -> None:
    """ "Rocket attacks on Israel continued": the event's only actor is the state attacked;
    no relation gives it a mention, so it is implied, and the records fit together (this
    article failed before)."""
    extraction = extractor.extract_one(Article("t", "Rocket attacks on Israel continued."))
    event = next(iter(extraction.events))
    assert event.targets == ("government-of-israel",)
    assert "government-of-israel" in {a.key for a in extraction.actors}


@pytest.mark.model
def test_a_country_attacked_with_its_article_keeps_the_place_name(extractor: Any) -> None:
    text = "Al-Qaeda fighters attacked the United States on Sunday."
    actors = _actors(extractor, text)
    assert actors["government-of-united-states"][1] == ["the United States"]
    extraction = extractor.extract_one(Article("t", text))
    places = {p.key: [m.text for m in p.mentions] for p in extraction.places}
    assert places["united-states"] == ["United States"]


@pytest.mark.model
def test_a_country_going_on_to_strike_acts_through_its_forces(extractor: Any) -> None:
    """ "Russia continues to bomb": a verb whose complement strikes; the state that
    an event takes as its agent names the state, even named once."""
    text = "Russia continues to bomb the rebels in Aleppo in Syria."
    actors = _actors(extractor, text)
    assert actors["military-forces-of-russia"][1] == ["Russia"]


@pytest.mark.model
def test_a_country_hit_by_no_event_stays_a_place(extractor: Any) -> None:
    text = "Israel was hit by an earthquake on Sunday."
    extraction = extractor.extract_one(Article("t", text))
    assert not extraction.actors and [p.key for p in extraction.places] == ["israel"]


@pytest.mark.model
def test_a_country_s_embassy_or_fund_is_a_body_of_its_own(extractor: Any) -> None:
    for text, body in (
        ("The U.S. Embassy in Lowtown said the attack killed two people. Their families flew "
         "home to the U.S. on Friday.", "U.S. Embassy"),
        ("Officials of the Somalia Recovery Trust Fund visited Lowtown in Somalia.",
         "Somalia Recovery Trust Fund"),
    ):  # fmt: skip
        extraction = extractor.extract_one(Article("t", text))
        actors = {a.label: a for a in extraction.actors}
        assert body in actors, (text, sorted(actors))
        assert actors[body].actor_type is ActorType.ORGANISATION
        country = body.split()[0]
        places = {(m.start, m.text) for p in extraction.places for m in p.mentions}
        assert (text.index(country), country) not in places  # whose the body is
        assert (text.rindex(country), country) in places  # the place keeps its own mention


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "agents"),
    [
        ("The government arrested 12 opposition figures in Lowtown, Mali on Monday.",
         ("government-of-mali",)),
        ("The Malian government detained 12 opposition figures in Lowtown on Monday.",
         ("government-of-mali",)),
        ("Mali's government arrested 12 opposition figures in Lowtown on Monday.",
         ("government-of-mali",)),
        ("Twelve activists were arrested by the government in Lowtown, Mali on Monday.",
         ("government-of-mali",)),
        ("The Malian government said it had arrested 12 opposition figures in Lowtown.",
         ("government-of-mali",)),
        # a military verb: the state acts through its forces
        ("The government shelled rebel positions near Lowtown, Mali on Monday.",
         ("military-forces-of-mali",)),
        ("The Malian government shelled rebel positions near Lowtown on Monday.",
         ("military-forces-of-mali",)),
        # the forces sent are the object: the government sends them
        ("The government deployed troops to Lowtown, Mali on Monday.", ("government-of-mali",)),
    ],
)  # fmt: skip
def test_a_government_that_acts_is_the_event_s_agent(
    extractor: Any, text: str, agents: tuple[str, ...]
) -> None:
    events = [e for e in _events(extractor, text) if e[0] != "statement"]
    assert [a for _, a in events] == [agents]
    # one span names one actor: no organisation "Government of Mali" beside its forces
    types = {k: t for k, (t, _) in _actors(extractor, text).items()}
    assert types.get("government-of-mali", ActorType.STATE_FORCES) is ActorType.STATE_FORCES


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The government condemned the attack on Lowtown, Mali on Monday.",  # no event
        "The government said 12 people were killed in Lowtown, Mali.",  # not its own act
        "Gunmen killed 12 people in Lowtown; the government was not involved.",  # no country
    ],
)
def test_a_government_that_does_not_act_is_no_agent(extractor: Any, text: str) -> None:
    assert not any(a.startswith("government-of") for _, agents in _events(extractor, text)
                   for a in agents)  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "doer"),
    [
        # rebels of the country named by their unit: the group acts, not the country's army
        ("Colombia's Hill Liberation Army attacked a police post in Arauca on Tuesday.",
         "hill-liberation-army-co"),
        ("Colombia's National Army attacked a rebel camp in Arauca on Tuesday.",
         "military-forces-of-colombia"),  # the state's own army
    ],
)  # fmt: skip
def test_a_country_owning_a_rebel_group_is_no_doer(extractor: Any, text: str, doer: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    attack = next(e for e in extraction.events if e.trigger.text == "attacked")
    assert attack.agents == (doer,)
