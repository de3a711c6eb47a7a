"""The article's main country, which keys its unnamed actors and its people, is where its
events happen (kg/extract/main_country.py): places vote, the gazetteer's towns of one country
too, and a named group's base counts once however often the group is named; a country that
acts, backs a side or is asked to act votes for no country of the events; an event placed in
another country keys its unnamed actors by that country (kg/extract/roles.py)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType, Article, Extraction

pytestmark = pytest.mark.model

# Thika and Naivasha: towns GeoNames puts in Kenya only, and no region of the lexicon
KENYAN_TOWNS = (
    "A protest was held in Thika on Monday against attacks by Al Shabaab. "
    "Al Shabaab fighters had killed two traders near Naivasha. "
    "Mary Wanjiru said Al Shabaab should be stopped. Al Shabaab denied it."
)


def _keys(extraction: Extraction) -> set[str]:
    return {a.key for a in extraction.actors}


def test_towns_the_gazetteer_puts_in_one_country_vote_for_it(geo_extractor: Any) -> None:
    """A group based abroad, named four times, does not make the article its country's:
    the towns where things happen are Kenya's, and so are its protesters and its people."""
    keys = _keys(geo_extractor.extract_one(Article("t", KENYAN_TOWNS)))
    assert {"protesters-kenya", "mary-wanjiru-ke"} <= keys
    assert not {"protesters-somalia", "mary-wanjiru-so"} & keys


def test_without_the_gazetteer_unknown_towns_tell_no_country(extractor: Any) -> None:
    """The rules alone cannot place Thika: the group's base is the only country told."""
    keys = _keys(extractor.extract_one(Article("t", KENYAN_TOWNS)))
    assert "mary-wanjiru-so" in keys


def test_a_group_named_again_and_again_votes_once(extractor: Any) -> None:
    text = (
        "Residents of Lowtown in Kenya said Al Shabaab had attacked the market. "
        "Al Shabaab fighters fled. Al Shabaab later denied the attack, and Al Shabaab "
        "spokesman Ali Warsame called it a lie. Tom Otieno, a trader, said the town was afraid."
    )
    keys = _keys(extractor.extract_one(Article("t", text)))
    assert {"tom-otieno-ke", "ali-warsame-ke"} <= keys


def test_each_event_keys_its_unnamed_actors_by_its_own_country(geo_extractor: Any) -> None:
    """A raid in Somalia and a riot in Kenya: the militants are Somalia's, the rioters
    Kenya's, whatever the article's main country; the soldiers stay Kenya's."""
    text = (
        "Kenyan soldiers raided a camp near Kismayo on Friday, killing five militants. "
        "On Saturday, angry residents rioted in Thika over the arrest of a teacher."
    )
    extraction = geo_extractor.extract_one(Article("t", text))
    labels = {a.key: a.label for a in extraction.actors}
    raid, riot = [e for e in extraction.events if e.event_type != "statement"]
    assert [labels[k] for k in raid.agents] == ["Military Forces of Kenya"]
    assert [labels[k] for k in raid.targets] == ["Militants (Somalia)"]
    assert [labels[k] for k in riot.agents] == ["Rioters (Kenya)"]
    assert "Rioters (Somalia)" not in labels.values()


def test_an_event_with_no_place_keeps_the_articles_country(extractor: Any) -> None:
    text = (
        "Gunmen killed two farmers in Lowtown, Kenya on Monday. "
        "Residents later rioted and burned tyres."
    )
    labels = {a.label for a in extractor.extract_one(Article("t", text)).actors}
    assert "Rioters (Kenya)" in labels


def test_a_village_named_like_a_town_of_a_country_never_named_keys_nothing(
    geo_extractor: Any,
) -> None:
    """A Nigerian village that shares its name with a Kenyan town only GeoNames knows: the
    article never names Kenya, so its victims stay Nigeria's."""
    text = (
        "Nigerian police said gunmen killed two farmers in Zamfara on Monday. "
        "On Tuesday, gunmen abducted four residents of Thika village."
    )
    labels = {a.label for a in geo_extractor.extract_one(Article("t", text)).actors}
    assert "Civilians (Nigeria)" in labels
    assert not any("Kenya" in label for label in labels)


@pytest.mark.model
def test_every_event_names_actors_that_exist_after_rekeying(extractor: Any) -> None:
    """Two events of one sentence placed abroad share an unnamed actor: the first re-keys its
    mentions by the event's country, and the second must follow it (an event naming a key no
    actor bears cannot be mapped to RDF: the article was quarantined)."""
    text = (
        "Police in Garissa arrested two men on Monday. In Garissa town, traders protested on "
        "Tuesday. Eight people were struck by bullets fired by militiamen who have been "
        "fighting AU troops near Kismayo."
    )
    extraction = extractor.extract_one(Article("t", text))
    keys = {a.key for a in extraction.actors}
    named = [k for e in extraction.events for k in (*e.agents, *e.targets, *e.reported_by)]
    assert named and set(named) <= keys
    assert "militia-somalia" in named


@pytest.mark.parametrize(
    "text",
    [
        "Russian warplanes bombed a market on Monday, killing 20 civilians.",
        "Russian bombers struck rebel positions on Monday, killing 12 rebels.",
        "Rebels backed by Russia attacked the town on Monday.",
    ],
)
def test_the_striking_or_backing_country_gives_no_country_to_the_others(
    extractor: Any, text: str
) -> None:
    """Rebels and civilians are of the country the events happen in (none named here), not of
    the country whose forces strike them or who backs them."""
    extraction = extractor.extract_one(Article("t", text))
    others = [
        a for a in extraction.actors if a.actor_type in (ActorType.CIVILIANS, ActorType.REBEL_GROUP)
    ]
    assert others
    assert not any("russia" in a.key for a in others)


@pytest.mark.parametrize(
    "text",
    [
        "We call on Russia to stop the regime's attacks on civilians in Lowtown, Syria. We"
        " call on Russia to act now.",
        "The regime and its backers, notably Russia, are bombing Lowtown in Syria.",
    ],
)
def test_a_country_asked_to_act_or_named_as_a_backer_is_not_where_events_are(
    extractor: Any, text: str
) -> None:
    """A country one calls on, or names among a side's backers, is a party to the war, not
    the country its events happen in: "the regime" is Syria's here, not Russia's."""
    keys = {a.key for a in extractor.extract_one(Article("t", text)).actors}
    assert "military-forces-of-syria" in keys
    assert "military-forces-of-russia" not in keys


def test_a_large_city_alone_tells_its_country(geo_extractor: Any) -> None:
    """Nothing but "Harare" speaks, a name GeoNames also gives Ethiopia's Harar as an
    alternate: Zimbabwe's capital keys the crowd."""
    text = "Supporters of the opposition party clashed with ruling party youths in Harare."
    keys = _keys(geo_extractor.extract_one(Article("t", text)))
    assert "rioters-zimbabwe" in keys


def test_a_foreign_contingent_s_country_is_not_where_events_are(geo_extractor: Any) -> None:
    """ "The AU Mission in Somalia's Burundi contingent": Burundi's men serve in Somalia, the
    mission's host; the militants and the police are Somalia's, and Burundi is no place of
    the events (the only country named, it voted for the article's country)."""
    text = (
        "Militants shot dead a soldier of the AMISOM Burundi contingent near Lowtown on "
        "Tuesday. Police said the attackers fled."
    )
    extraction = geo_extractor.extract_one(Article("t", text))
    keys = _keys(extraction)
    assert {"militants-somalia", "police-forces-of-somalia"} <= keys
    assert not any(k.endswith("-burundi") for k in keys - {"military-forces-of-burundi"})
    assert not any(p.key.endswith("-bi") for p in extraction.places)


def test_peacekeepers_demonym_tells_whose_men_not_where(extractor: Any) -> None:
    """A demonym qualifying peacekeepers votes for no country of the events: the mission's
    host is where they are, and with none named, no country at all."""
    text = "Gunmen ambushed Kenyan peacekeepers of AMISOM near Lowtown. Police said five died."
    keys = _keys(extractor.extract_one(Article("t", text)))
    assert "police-forces-of-somalia" in keys
    text = "Gunmen ambushed Burundian peacekeeping troops near Lowtown. Police said five died."
    keys = _keys(extractor.extract_one(Article("t", text)))
    assert "police-forces-of-burundi" not in keys


def test_a_mission_names_its_host() -> None:
    from kg.extract.lexicon import NamedActor
    from kg.extract.main_country import mission_hosts

    actors = [
        NamedActor("m1", "UN Mission in Lowland", ActorType.EXTERNAL_OTHER, "", ()),
        NamedActor("m2", "M2", ActorType.EXTERNAL_OTHER, "", ("Mission to the Ruritania",)),
        NamedActor("a", "Aid in Lowland", ActorType.EXTERNAL_OTHER, "", ()),
        NamedActor("b", "Lowland Mission in Lowland", ActorType.EXTERNAL_OTHER, "LL", ()),
    ]
    countries = {"lowland": "LL", "ruritania": "RU"}
    assert mission_hosts(actors, countries) == {"m1": "LL", "m2": "RU"}


# "near the border with Bolivia": the neighbour, no vote unless nothing else names a country
def test_the_country_across_the_border_is_not_the_storys(extractor: Any) -> None:
    text = (
        "LOWTOWN, Peru, Jan 12 (Reuters) - Six people were killed on Monday when protesters "
        "clashed with police in the southern Peruvian city of Lowtown.\n\n"
        "Protesters also blocked the main highway on Monday, burning tyres. Hundreds of trucks "
        "were stranded near the border with Bolivia."
    )
    extraction = extractor.extract_one(Article("t", text))
    labels = {a.label for a in extraction.actors}
    assert "Rioters (Peru)" in labels
    assert not any("Bolivia" in label for label in labels)


def test_a_border_alone_still_tells_the_country(extractor: Any) -> None:
    text = "Gunmen attacked a police post near the border with Bolivia on Monday."
    extraction = extractor.extract_one(Article("t", text))
    assert any("Bolivia" in a.label for a in extraction.actors)
