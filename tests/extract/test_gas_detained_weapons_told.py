"""Sub-event types at class boundaries (kg/data/subtypes.toml, kg/extract/reranking.py): tear
gas fired at protesters is no armed clash, protesters detained are a protest stopped, the
chemicals of industry and a strike's chemical-weapons targets are no chemical attack, and an
attack whose next sentence tells its weapon is of that weapon's type. Real model, made-up
sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import top_event_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tear gas fired in a fight with a crowd: a violent demonstration, not a clash
        ("Protesters burned tyres amid tear gas fired by police during clashes outside the "
         "university.", "violent-demonstration"),
        ("Dozens of villagers choked on tear gas during clashes that broke out after soldiers "
         "broke up a peaceful protest in Lowtown.", "violent-demonstration"),
        # protesters detained (the present of a caption): a protest with intervention
        ("Police detain protesters during a rally against the new tax law in Lowtown on "
         "Sunday.", "protest-with-intervention"),
        # no crowd of protesters: the rules as before
        ("Soldiers fired rubber bullets at fishermen off the coast of Lowtown.", "attack"),
        # a strike on weapons sites: the strike's own type
        ("Warplanes launched missiles on Tuesday targeting what officials said were three "
         "chemical weapons facilities near Lowtown.", "air-drone-strike"),
        # industry's chemicals: no chemical weapon
        ("Five workers were killed when a chemical plant exploded on Thursday in the "
         "industrial zone of Lowtown.", "remote-explosive-landmine-ied"),
        # chemical weapons used as before
        ("Regime helicopters dropped barrel bombs loaded with chlorine on Lowtown, causing "
         "suffocation.", "chemical-weapon"),
        # the next sentence tells the attack's weapon
        ("One person was killed and four others wounded in an attack on an official's car in "
         "Lowtown, a source said. The official's son was killed when a rocket-propelled "
         "grenade hit the car.", "shelling-artillery-missile-attack"),
        ("Two civilians were killed in an attack in Lowtown. A grenade was thrown at their "
         "shop.", "grenade"),
        # another happening's weapon leaves the attack alone
        ("Gunmen killed three villagers in an attack in Lowtown. Separately, a roadside bomb "
         "exploded near the market in Upton.", "attack"),
    ],
)  # fmt: skip
def test_sub_event_type_at_boundaries(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected
