"""Event types on the real model, one made-up sentence per classification rule."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article
from tests.extract.extracted import ACLED_SUB_TYPES, acled_events, top_event_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # small arms in the list of weapons: an exchange of fire, not a bombardment
        (
            "On 3 March 2021, the northern brigade fired 82mm mortars, heavy machine guns and "
            "small arms at the positions of the river militia near Lowtown.",
            "armed-clash",
        ),
        # the thing aimed at, not the thing fired, tells who is hit: positions are a side's
        (
            "On 3 March 2021, the northern brigade fired 82mm mortars, grenade launchers and "
            "small arms at the positions of the People's Guard near Lowtown.",
            "armed-clash",
        ),
        (
            "On 3 March 2021, the monitors observed 30 explosions and shots near Lowtown.",
            "armed-clash",
        ),
        # heavy weapons alone, fired from afar: shelling
        (
            "On 3 March 2021, the coastal forces fired heavy machine guns at houses in Lowtown.",
            "shelling-artillery-missile-attack",
        ),
    ],
)
def test_the_weapons_named_decide_clash_or_shelling(
    extractor: Any, text: str, expected: str
) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 1 May 2021, gunmen shot and injured a former police chief in Lowtown.", "attack"),
        ("On 1 May 2021, gunmen shot and injured a police chief in Lowtown.", "armed-clash"),
    ],
)
def test_a_former_officer_shot_is_a_civilian_attacked(
    extractor: Any, text: str, expected: str
) -> None:
    assert top_event_type(extractor, text) == expected


def test_clashes_amid_shelling_are_one_clash(extractor: Any) -> None:
    text = (
        "On 4 March 2021, clashes took place between the rebels and army troops in Lowtown "
        "amid heavy shelling by both sides."
    )
    assert [e.event_type for e in acled_events(extractor, text)] == ["armed-clash"]


def test_fighting_backed_by_airstrikes_is_the_fighting(extractor: Any) -> None:
    text = (
        "On 4 March 2021, ground operations by army troops backed by airstrikes killed 7 "
        "rebels in Lowtown district."
    )
    assert top_event_type(extractor, text) != "air-drone-strike"


def test_a_grenade_thrown_during_clashes_is_a_grenade_attack(extractor: Any) -> None:
    text = (
        "Five people were injured in a grenade attack in Lowtown on Monday. The grenade was "
        "thrown at a market during clashes between the army and the rebels."
    )
    assert top_event_type(extractor, text) == "grenade"


def test_bandits_striking_a_village_is_not_shelling(extractor: Any) -> None:
    assert top_event_type(extractor, "Bandits struck Lowtown village and stole cattle.") in (
        "attack",
        "armed-clash",
    )


def test_workers_striking_protest(extractor: Any) -> None:
    text = "Hospital workers struck in Lowtown over unpaid salaries."
    assert top_event_type(extractor, text) == "peaceful-protest"


def test_a_headline_opening_with_its_trigger_is_read(extractor: Any) -> None:
    # the model keeps the capital in the lemma of a headline's first word
    assert (
        top_event_type(extractor, "Clash between rival militias near Lowtown, two dead.")
        is not None
    )


def test_a_month_opening_a_sentence_is_no_march(extractor: Any) -> None:
    text = "March 3 saw gunmen shoot dead a farmer in Lowtown."
    assert "peaceful-protest" not in {e.event_type for e in acled_events(extractor, text)}


def test_remains_found_are_a_killing(extractor: Any) -> None:
    text = "On 2 March 2021 human remains were found in a field near Lowtown."
    assert top_event_type(extractor, text) == "attack"


def test_a_planted_bomb_is_a_remote_explosive(extractor: Any) -> None:
    text = "On 2 March 2021 a bomb planted by the rebels injured 3 civilians in Lowtown."
    assert top_event_type(extractor, text) == "remote-explosive-landmine-ied"


def test_protesters_who_come_out_protest(extractor: Any) -> None:
    text = "On 2 March 2021 hundreds of protesters came out in Lowtown city."
    assert top_event_type(extractor, text) == "peaceful-protest"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # force against a peaceful crowd
        (
            "On 2 March 2021 police opened fire on peaceful protesters in Lowtown, killing two.",
            "excessive-force-against-protesters",
        ),
        (
            "Police shot dead a protester in Lowtown on Monday.",
            "excessive-force-against-protesters",
        ),
        # a crowd that threw stones and burned tyres was violent itself
        (
            "On 2 March 2021 protesters threw stones and burned tyres in Lowtown; police shot "
            "dead two of them.",
            "violent-demonstration",
        ),
        # a killing protested is the grievance, not force used on the crowd
        (
            "On 2 March 2021 residents protested in Lowtown against the killing of a trader "
            "by police.",
            "peaceful-protest",
        ),
    ],
)
def test_excessive_force_needs_force_on_a_peaceful_crowd(
    extractor: Any, text: str, expected: str
) -> None:
    assert top_event_type(extractor, text) == expected


def _roles(extractor: Any, text: str) -> tuple[set[str], set[str]]:
    extraction = extractor.extract_one(Article("t", text))
    types = {a.key: a.actor_type.value for a in extraction.actors}
    events = [e for e in extraction.events if e.event_type in ACLED_SUB_TYPES]
    top = min(events, key=lambda e: (-e.confidence, e.trigger.start))
    return {types[k] for k in top.agents}, {types[k] for k in top.targets}


def test_coordinated_verbs_share_their_object(extractor: Any) -> None:
    text = "On 3 March 2021 gunmen shot and killed a rebel fighter in Lowtown."
    assert top_event_type(extractor, text) == "armed-clash"


def test_a_headline_passive_makes_its_subject_the_victim(extractor: Any) -> None:
    agents, targets = _roles(extractor, "Five rebel fighters shot dead in Lowtown.")
    assert "rebel-group" in targets and "rebel-group" not in agents


def test_a_soldier_attacked_off_duty_is_an_attack(extractor: Any) -> None:
    text = "On 3 March 2021 gunmen shot dead an off-duty soldier in Lowtown."
    assert top_event_type(extractor, text) == "attack"


def test_a_grenade_that_exploded_is_a_grenade_attack(extractor: Any) -> None:
    text = "Six people were wounded when a grenade exploded at a market in Lowtown on Monday."
    assert top_event_type(extractor, text) == "grenade"


def test_rape_told_with_beatings_is_sexual_violence(extractor: Any) -> None:
    text = "On 3 March 2021 soldiers raped, beat and robbed villagers in Lowtown."
    assert top_event_type(extractor, text) == "sexual-violence"


def test_a_sexual_assault_named_as_a_grievance_is_no_event_of_its_own(extractor: Any) -> None:
    text = "On 3 March 2021 a mob lynched a man in Lowtown over a sexual assault."
    assert top_event_type(extractor, text) != "sexual-violence"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 March 2021 rebels fired mortar rounds with poisonous gas at Lowtown, "
            "causing asphyxia among residents.",
            "chemical-weapon",
        ),
        ("On 3 March 2021 forty rebel fighters surrendered to the army in Lowtown.", "agreement"),
        (
            "On 3 March 2021 the rebels and the army exchanged prisoners near Lowtown.",
            "agreement",
        ),
    ],
)
def test_gas_surrender_and_prisoner_exchange(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


def test_the_violence_a_crowd_protests_against_is_not_its_own(extractor: Any) -> None:
    text = (
        "On 5 March 2021 journalists held a protest in Lowtown against an attack on a "
        "reporter, demanding the arrest of the men who burned his car."
    )
    assert top_event_type(extractor, text) == "peaceful-protest"


def test_a_crowd_that_burns_tyres_demonstrates_violently(extractor: Any) -> None:
    text = "On 5 March 2021 residents protested in Lowtown and burned tyres on the main road."
    assert top_event_type(extractor, text) == "violent-demonstration"


def test_a_crowd_that_barricades_a_road_demonstrates_violently(extractor: Any) -> None:
    text = "On 5 March 2021 traders protested in Lowtown and barricaded the highway."
    assert top_event_type(extractor, text) == "violent-demonstration"


@pytest.mark.parametrize(
    "text",
    [
        # the victim is named as the killers are (both an unidentified armed group): armed
        "On 3 March 2021, unidentified gunmen shot and killed a fighter in Lowtown.",
        "On 3 March 2021, the navy shot dead three pirates near Lowtown.",
        "On 3 March 2021, gunmen shot and killed a policewoman in Lowtown.",
    ],
)
def test_violence_against_an_armed_victim_is_a_clash(extractor: Any, text: str) -> None:
    assert top_event_type(extractor, text) == "armed-clash"


def test_an_attack_on_supporters_is_an_attack(extractor: Any) -> None:
    text = "On 3 March 2021, gunmen attacked opposition supporters in Lowtown."
    assert top_event_type(extractor, text) == "attack"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what was attacked is held by armed men: a clash
        ("On 3 March 2021, the river militia attacked a military camp at Lowtown.", "armed-clash"),
        (
            "On 3 March 2021, gunmen ambushed a military vehicle on the road to Lowtown.",
            "armed-clash",
        ),
        # the police in a clause of the object do not arm it
        (
            "On 3 March 2021, gunmen attacked a hotel where police officers were staying in "
            "Lowtown.",
            "attack",
        ),
    ],
)
def test_what_an_attack_acts_on_decides_clash_or_attack(
    extractor: Any, text: str, expected: str
) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people held, employed or in public life are unarmed victims
        ("On 3 March 2021, prison guards attacked an inmate in Lowtown.", "attack"),
        ("On 3 March 2021, gunmen attacked a local councillor in Lowtown.", "attack"),
        # a chief or leader of armed men is one of them
        (
            "On 3 March 2021, rebels ambushed and killed two policemen, including a district "
            "police chief, in Lowtown.",
            "armed-clash",
        ),
        ("On 3 March 2021, soldiers shot dead a militia leader in Lowtown.", "armed-clash"),
        # the place of a killing is not what it acts on
        ("On 3 March 2021, soldiers attacked a car at a checkpoint in Lowtown.", "attack"),
        # members of a party are unarmed, members of armed men armed
        ("On 3 March 2021, militiamen attacked and injured 3 Lowtown Party members.", "attack"),
        (
            "On 3 March 2021, gunmen attacked members of the river militia in Lowtown.",
            "armed-clash",
        ),
    ],
)
def test_the_victims_words_decide_clash_or_attack(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 March 2021, gunmen attacked Lowtown village, leading to a battle with police "
            "who responded to the incident.",
            "armed-clash",
        ),
        ("On 3 March 2021, gunmen attacked Lowtown village.", "attack"),
    ],
)
def test_an_attack_the_police_then_fight_is_a_clash(
    extractor: Any, text: str, expected: str
) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # arrests told beside the violence they follow: the violence is the article's event
        (
            "On 3 March 2021, army operations killed 4 rebels and arrested 7 in Lowtown.",
            "armed-clash",
        ),
        (
            "On 3 March 2021, students protested in Lowtown against fees. Police arrested 20 "
            "of them.",
            "protest-with-intervention",
        ),
        ("On 3 March 2021, police captured 150 migrants near Lowtown.", "arrests"),
        # fire the other side answers is an exchange of fire
        (
            "On 3 March 2021, the rebels shelled army positions near Lowtown. Government troops "
            "fired back.",
            "armed-clash",
        ),
    ],
)
def test_arrests_captures_and_answered_fire(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


def test_aircraft_destroying_a_depot_strike_from_the_air(extractor: Any) -> None:
    text = "Government warplanes destroyed a weapons depot of the rebels near Lowtown on Monday."
    assert top_event_type(extractor, text) == "air-drone-strike"


def test_soldiers_destroying_a_cache_disrupt_weapons_use(extractor: Any) -> None:
    text = "Army soldiers destroyed a weapons cache of the rebels near Lowtown on Monday."
    assert top_event_type(extractor, text) == "disrupted-weapons-use"


def test_people_intercepted_are_arrested(extractor: Any) -> None:
    text = "Police in Lowtown intercepted 12 suspected members of a rebel group on Monday."
    assert top_event_type(extractor, text) == "arrests"


def test_an_attack_being_planned_is_no_attack(extractor: Any) -> None:
    text = "Police in Lowtown arrested 12 men on Monday for planning attacks on the port."
    assert top_event_type(extractor, text) == "arrests"


def test_a_foreign_army_regains_territory(extractor: Any) -> None:
    text = "Chadian army troops recaptured the town of Lowtown from Boko Haram on Tuesday."
    assert top_event_type(extractor, text) == "government-regains-territory"


def test_clashes_told_after_a_rally_make_it_violent(extractor: Any) -> None:
    text = (
        "Hundreds of protesters rallied in Lowtown on Monday against the new tax. "
        "Clashes erupted between the police and the protesters near the town hall."
    )
    assert top_event_type(extractor, text) == "violent-demonstration"


def test_riots_in_a_protests_background_leave_it_peaceful(extractor: Any) -> None:
    text = (
        "On 3 May 2021, residents of Lowtown held a peaceful protest against the new tax. "
        "It was the second day of protests, after riots in the prisons of the country last week."
    )
    assert top_event_type(extractor, text) == "peaceful-protest"


def test_gunmen_attacking_a_community_attack_civilians(extractor: Any) -> None:
    text = "Gunmen attacked the Lowtown community in Upper district on Friday, killing nine."
    assert top_event_type(extractor, text) == "attack"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fighters driven off a place: the place is taken, by the side that drove them
        (
            "Army units drove back the rebels from a key village near Lowtown on Monday.",
            "government-regains-territory",
        ),
        (
            "The rebels were pushed back from their strongholds near Lowtown by the army.",
            "government-regains-territory",
        ),
        # an attack driven off with no place left: fighting
        ("Soldiers pushed back an attack by the rebels on Lowtown.", "armed-clash"),
    ],
)
def test_fighters_driven_off(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


def test_people_driven_out_are_no_fighting(extractor: Any) -> None:
    text = "The new law is aimed at driving out the poor from Lowtown."
    assert top_event_type(extractor, text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government troops occupied three hill posts of the rebels near Lowtown on Monday.",
         "government-regains-territory"),
        ("The rebels retook the town of Lowtown on Monday.", "non-state-actor-overtakes-territory"),
        # the taker unnamed, the loser named
        ("Two hill posts were seized from the rebels near Lowtown on Monday.",
         "government-regains-territory"),
        # ground held, a building occupied: no ground taken
        ("Residents fled the areas occupied by the rebels near Lowtown.", None),
        ("Police occupied the parliament in Lowtown on Monday.", None),
    ],
)  # fmt: skip
def test_ground_occupied_retaken_or_held(extractor: Any, text: str, expected: str | None) -> None:
    assert top_event_type(extractor, text) == expected


def test_security_forces_shooting_at_a_protest_use_excessive_force(extractor: Any) -> None:
    text = "Security forces shot live rounds to clear the protests in Lowtown on Sunday."
    assert top_event_type(extractor, text) == "excessive-force-against-protesters"


def test_gunmen_shooting_at_a_protest_attack_it(extractor: Any) -> None:
    text = "Gunmen shot three people at a protest in Lowtown on Sunday before police arrived."
    assert top_event_type(extractor, text) != "excessive-force-against-protesters"


def test_peace_talks_are_an_agreement(extractor: Any) -> None:
    text = "The rebels started peace talks with the government in Lowtown on Monday."
    assert top_event_type(extractor, text) == "agreement"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army is moving troops and tanks to the border near Lowtown.",
         "change-to-group-activity"),
        ("River militia forces pulled back from the hills around Lowtown on Monday.",
         "change-to-group-activity"),
        ("Two new brigades of troops have been formed in the northern district of Lowtown.",
         "change-to-group-activity"),
        # what moves is no force: no event
        ("Thousands of families moved to Lowtown last year.", None),
        ("The council formed a committee on water in Lowtown.", None),
        # protesters who move protest; a verb of movement beside them hides no protest
        ("Hundreds of protesters moved to the main square in Lowtown on Monday.",
         "peaceful-protest"),
        ("On Monday demonstrators came out in Lowtown in support of the calls for the "
         "council to form a new government.", "peaceful-protest"),
    ],
)  # fmt: skip
def test_forces_moved_or_formed_change_their_activity(
    extractor: Any, text: str, expected: str | None
) -> None:
    assert top_event_type(extractor, text) == expected


def test_a_fight_a_coalition_is_tasked_with_is_no_event_told(extractor: Any) -> None:
    text = (
        "The coalition tasked with fighting the river militia withdrew its troops from the "
        "Lowtown base on Monday."
    )
    assert top_event_type(extractor, text) != "armed-clash"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government troops freed three villages from the rebels near Lowtown on Monday.",
         "government-regains-territory"),
        # people freed are no ground taken
        ("Government troops freed three hostages from the rebels near Lowtown on Monday.", None),
    ],
)  # fmt: skip
def test_ground_freed_is_taken_people_freed_are_not(
    extractor: Any, text: str, expected: str | None
) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two sides signed a peace deal in Lowtown on Monday.", "agreement"),
        # what is signed is no agreement: not one
        ("Residents signed a petition against the new road in Lowtown on Monday.", None),
        # talks or a truce that stopped are no agreement
        ("The government suspended peace talks with the Lowtown rebels on Monday.", None),
        ("The rebels called off the truce with Lowtown on Monday.", None),
        ("The mayor's decision closed the door on peace talks with the Lowtown rebels.", None),
        ("The government closed a deal with the Lowtown rebels on Monday.", "agreement"),
    ],
)  # fmt: skip
def test_an_agreement_is_signed_a_petition_is_not(
    extractor: Any, text: str, expected: str | None
) -> None:
    assert top_event_type(extractor, text) == expected


def test_damage_a_mob_does_is_mob_violence() -> None:
    from kg.extract.subtypes import refine

    text = "A suspected thief was set ablaze by an angry mob in Lowtown."
    lemmas = frozenset(text.lower().rstrip(".").split())
    assert refine("looting-property-destruction", lemmas, text) == "mob-violence"


@pytest.mark.parametrize(
    "text",
    [
        "The army said it had foiled a plot to overthrow the government in Lowtown, Mali.",
        "Police thwarted a coup attempt in Lowtown, Mali on Monday.",
        "A bomb plot was foiled in Lowtown, Kenya on Monday, police said.",
    ],
)
def test_a_foiled_plan_is_no_fighting(extractor: Any, text: str) -> None:
    """A plot or a coup foiled is a plan that never came to fighting: no armed clash."""
    extraction = extractor.extract_one(Article("t", text))
    assert "armed-clash" not in {e.event_type for e in extraction.events}


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers thwarted an attack on their base in Lowtown, Mali on Monday.",
        "Police foiled an infiltration attempt by militants in Lowtown, Kenya.",
    ],
)
def test_a_foiled_attack_is_fighting(extractor: Any, text: str) -> None:
    """An attack or an attempt to break in foiled is fought off: an armed clash, as ACLED
    codes it."""
    extraction = extractor.extract_one(Article("t", text))
    assert "armed-clash" in {e.event_type for e in extraction.events}


@pytest.mark.model
@pytest.mark.parametrize(
    ("between", "expected"),
    [
        ("In Upton, gunmen attacked a police post. ", "attack"),  # the police met that one
        ("", "armed-clash"),  # the police met the attack on the village
    ],
)
def test_the_police_fighting_an_attack_elsewhere_leave_the_first_one_an_attack(
    extractor: Any, between: str, expected: str
) -> None:
    text = (
        "Gunmen killed 20 villagers in an attack on Lowtown on Sunday. "
        f"{between}Police fought back and killed three gunmen."
    )
    first = next(e for e in acled_events(extractor, text) if e.trigger.text == "attack")
    assert first.event_type == expected
