"""Phrases that must not become the wrong actor: a coalition's forces, the enemy, a law, an
operation, a place taken (real model; sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article
from tests.extract.extracted import actor_mentions, mentions_by_label


@pytest.mark.model
def test_coalition_forces_are_the_coalition_not_a_state(extractor: Any) -> None:
    text = "Coalition military forces conducted 12 strikes against the terrorists near Mosul."
    mentions = actor_mentions(extractor, text)
    # near Mosul: Iraq's coalition, the US-led one (kg/data/coref.toml)
    assert mentions.get("us-led-coalition") == ["Coalition military forces"]
    assert "military-forces-of-iraq" not in mentions


@pytest.mark.model
def test_coalition_forces_are_the_coalition_the_article_names(extractor: Any) -> None:
    text = (
        "The U.S.-led coalition said on Monday that coalition troops had trained 300 police"
        " officers in Anbar."
    )
    assert "coalition troops" in actor_mentions(extractor, text)["us-led-coalition"]


@pytest.mark.model
def test_coalition_forces_in_yemen_are_not_the_us_led_coalition(extractor: Any) -> None:
    # "Coalition forces" is no alias of one coalition: the one the article names, or none
    named = "The Saudi-led coalition said Coalition forces struck positions in Saada."
    assert "Coalition forces" in actor_mentions(extractor, named)["saudi-led-coalition"]
    unnamed = actor_mentions(extractor, "On 3 May 2021, coalition forces struck Saada.")
    # Saada is in Yemen: Yemen's coalition, the Saudi-led one, unless the article names another
    assert "us-led-coalition" not in unnamed
    assert "coalition forces" in unnamed["saudi-led-coalition"]


@pytest.mark.model
def test_the_counter_name_coalition_is_the_coalition(extractor: Any) -> None:
    text = "The counter-ISIL coalition struck an oil refinery near Deir ez-Zor on Monday."
    mentions = actor_mentions(extractor, text)
    assert mentions["us-led-coalition"] == ["The counter-ISIL coalition"]  # in Syria
    assert mentions["islamic-state"] == ["ISIL"]  # whom it fights, mentioned in passing


@pytest.mark.model
def test_the_enemy_is_never_the_speaker(extractor: Any) -> None:
    text = (
        "The SDF advanced on Tabqa, the SDF said. ISIS fighters fled. The enemy left mines"
        " behind, the SDF said."
    )
    mentions = actor_mentions(extractor, text)
    assert "The enemy" in mentions["islamic-state"]
    assert "The enemy" not in mentions["syrian-democratic-forces"]


@pytest.mark.model
def test_enemy_forces_are_no_state_and_unresolved_without_an_enemy(extractor: Any) -> None:
    text = "Enemy forces retreated from the village, the Syrian Democratic Forces said."
    mentions = actor_mentions(extractor, text)
    assert "military-forces-of-syria" not in mentions
    assert all("Enemy forces" not in m for m in mentions.values())


@pytest.mark.model
def test_a_name_cut_by_a_generic_noun_stays_whole(extractor: Any) -> None:
    text = "Islamic State of Iraq and the Levant fighters attacked a checkpoint near Ramadi."
    mentions = actor_mentions(extractor, text)
    assert list(mentions) == ["islamic-state"]
    assert "Islamic State of Iraq and the Levant fighters" in mentions["islamic-state"]


@pytest.mark.model
def test_laws_truces_and_operations_are_no_actors(extractor: Any) -> None:
    text = (
        "Operation Inherent Resolve officials said the Cessation of Hostilities had held. The"
        " alliance complies with the Law of Armed Conflict. We will keep helping our partners."
    )
    keys = set(actor_mentions(extractor, text))
    assert not any(k.startswith(("law-of", "cessation", "us-led")) for k in keys)


@pytest.mark.model
def test_a_name_taken_is_a_place(extractor: Any) -> None:
    extraction = extractor.extract_one(Article("t", "Islamist rebels later took Kafrnabl."))
    assert [a.key for a in extraction.actors] == ["rebels"]
    extraction = extractor.extract_one(Article("t", "Police took Ahmed Saleh into custody."))
    assert any(a.label == "Ahmed Saleh" for a in extraction.actors)


@pytest.mark.model
def test_a_title_for_a_portfolio_then_a_name_is_a_person(extractor: Any) -> None:
    text = "The Minister for the Middle East and North Africa Alistair Burt visited Amman."
    people = mentions_by_label(extractor, text)
    assert list(people) == ["Alistair Burt"]
    assert "Minister for the Middle East and North Africa Alistair Burt" in people["Alistair Burt"]


@pytest.mark.model
def test_a_titles_portfolio_is_a_place(extractor: Any) -> None:
    text = "Minister for the Middle East Tobias Ellwood condemned the attack in Baghdad."
    extraction = extractor.extract_one(Article("t", text))
    places = {p.label: [m.text for m in p.mentions] for p in extraction.places}
    assert places.get("Middle East") == ["Middle East"]
    assert not any("Middle East" in a.label for a in extraction.actors)


@pytest.mark.model
def test_places_after_a_bearing_or_on_a_route_are_no_actors(extractor: Any) -> None:
    text = (
        "Kurdish fighters pushed on along the road to Kafrnabl. They held areas south and east"
        " of Kafrnabl, Jones said."
    )
    extraction = extractor.extract_one(Article("t", text))
    labels = {a.label: a.actor_type.value for a in extraction.actors}
    assert not any("Kafrnabl" in label for label in labels)
    assert labels.get("Jones") == "person"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "machine"),
    [
        ("Air Force F-16 Fighting Falcons from the Lowtown Air Guard arrived to join the fight "
         "against the rebels.", "F-16"),
        ("Two MQ-9 Reapers flew over Lowtown on Monday.", "MQ-9"),
    ],
)  # fmt: skip
def test_an_aircraft_model_is_no_actor(extractor: Any, text: str, machine: str) -> None:
    """Regression: "Air Force F-16 Fighting Falcons" was an organisation fighting the rebels."""
    mentions = [m for ms in actor_mentions(extractor, text).values() for m in ms]
    assert not [m for m in mentions if machine in m]


@pytest.mark.model
def test_a_group_named_like_a_designation_stays_an_actor(extractor: Any) -> None:
    assert "m23" in actor_mentions(extractor, "M-23 rebels attacked Lowtown on Monday.")


@pytest.mark.model
def test_the_body_named_before_an_aircraft_model_stays(extractor: Any) -> None:
    text = (
        "Air Force F-16 Fighting Falcons from the Lowtown Air Guard arrived to join the fight "
        "against the rebels."
    )
    extraction = extractor.extract_one(Article("t", text))
    assert "Air Force" in {a.label for a in extraction.actors}  # the machines' owner
