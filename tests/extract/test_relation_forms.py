"""How conflict news words fighting and alliance, one construction per case: the relations
kg must find (from the events or from the words) and those it must not. Invented sentences
with names the actor gazetteer knows, on the real model (kg/extract/relations.py and the
pattern modules it uses)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article, RelationKind

FIGHTING, ALLIES = RelationKind.FIGHTING_AGAINST, RelationKind.ALLIES_OF
F, A = "F", "A"

SAF = "military-forces-of-sudan"
NIGERIA = "military-forces-of-nigeria"
SOMALIA = "military-forces-of-somalia"
AFGHANISTAN = "military-forces-of-afghanistan"
DRC = "military-forces-of-democratic-republic-of-the-congo"
SDF = "syrian-democratic-forces"
ISIL = "islamic-state"
LEADER = "abu-hamza-al-lowtowni-ng"  # an invented militant leader, a person


def _relations(extractor: Any, text: str) -> set[tuple[str, str, str]]:
    """Every relation of the text, events' and words' alike; allies in either order."""
    found = set()
    for r in extractor.extract_one(Article("t", text)).relations:
        kind = F if r.kind is FIGHTING else A
        found.add((kind, r.source, r.target))
        if kind == A:
            found.add((kind, r.target, r.source))
    return found


@pytest.mark.model
@pytest.mark.parametrize(
    "text,wanted",
    [
        # fights both sides wage
        ("Heavy clashes broke out between the RSF and the Sudanese army in Lowtown.",
         [(F, "rsf", SAF), (F, SAF, "rsf")]),
        ("The RSF clashed with the Sudanese army near Lowtown.",
         [(F, "rsf", SAF), (F, SAF, "rsf")]),
        ("Fierce fighting erupted between the Taliban and the Afghan army in Lowtown.",
         [(F, "taliban", AFGHANISTAN), (F, AFGHANISTAN, "taliban")]),
        ("The war between the RSF and the Sudanese army has displaced millions.",
         [(F, "rsf", SAF), (F, SAF, "rsf")]),
        ("The Sudanese army has been at war with the RSF since April.",
         [(F, "rsf", SAF), (F, SAF, "rsf")]),
        ("The Sudanese army and the RSF have been fighting each other since April.",
         [(F, "rsf", SAF), (F, SAF, "rsf")]),
        ("Clashes pitting the RSF against the Sudanese army killed 20 fighters.",
         [(F, "rsf", SAF), (F, SAF, "rsf")]),
        # one side's fight, by a verb, a noun or a passive
        ("The Taliban fought the Afghan army for three days in Lowtown.",
         [(F, "taliban", AFGHANISTAN)]),
        ("The Sudanese army's war against the RSF entered its second year.", [(F, SAF, "rsf")]),
        ("The Sudanese army launched an offensive against the RSF in Lowtown.", [(F, SAF, "rsf")]),
        ("A Boko Haram attack on the Nigerian army killed five soldiers in Lowtown.",
         [(F, "boko-haram", NIGERIA)]),
        ("Attacks by the RSF on the Sudanese army continued in Lowtown.", [(F, "rsf", SAF)]),
        ("The Nigerian army carried out strikes on Boko Haram camps near Lowtown.",
         [(F, NIGERIA, "boko-haram")]),
        ("Nigerian army air strikes killed 20 Boko Haram militants near Lowtown.",
         [(F, NIGERIA, "boko-haram")]),
        ("Twenty Boko Haram militants were killed by the Nigerian army in Lowtown.",
         [(F, NIGERIA, "boko-haram")]),
        ("The Somali army was ambushed by al-Shabaab near Lowtown.", [(F, "al-shabaab", SOMALIA)]),
        ("The Somali army came under attack from al-Shabaab near Lowtown.",
         [(F, "al-shabaab", SOMALIA)]),
        ("The Sudanese army repelled an RSF attack on Lowtown.",
         [(F, "rsf", SAF), (F, SAF, "rsf")]),
        ("The M23 seized Lowtown from the Congolese army.", [(F, "m23", DRC)]),
        ("The Congolese army shelled M23 positions near Lowtown.", [(F, DRC, "m23")]),
        ("The SDF liberated Lowtown from ISIL control.", [(F, SDF, ISIL)]),
        ("The PKK has waged an insurgency against the Turkish army since 1984.",
         [(F, "pkk", "military-forces-of-turkey")]),
        ("The Taliban claimed responsibility for the attack on the Afghan army.",
         [(F, "taliban", AFGHANISTAN)]),
        # two passives share one subject: the second's agent fights it too
        ("Abu Hamza al-Lowtowni was targeted and killed in an air strike carried out by the "
         "Nigerian army.", [(F, NIGERIA, LEADER)]),
        # one who died in a fight another waged
        ("Ahmed Lowtowni died in a Somali army air strike in Lowtown.",
         [(F, SOMALIA, "ahmed-lowtowni-so")]),
        ("Ahmed Lowtowni, who died in an al-Shabaab attack, was a Somali army officer.",
         [(F, "al-shabaab", "ahmed-lowtowni-so")]),
        # a fight noun's "by" agents act in its clause
        ("A joint operation by the SDF and the YPG drove ISIL out of Lowtown.",
         [(A, SDF, "ypg"), (F, SDF, ISIL), (F, "ypg", ISIL)]),
        # the pronoun of a fight the supported side wages is the supported side's
        ("Wagner supports the RSF in its war against the Sudanese army.",
         [(A, "rsf", "wagner-group"), (F, "rsf", SAF)]),
        # a country attacked is its state, fought
        ("Hezbollah attacked Israel on Sunday.", [(F, "hezbollah", "government-of-israel")]),
        ("Hezbollah fired missiles at Israel.", [(F, "hezbollah", "government-of-israel")]),
        ("The Houthis struck Saudi Arabia with drones.",
         [(F, "houthis", "government-of-saudi-arabia")]),
        # two countries named before a noun of their war are its sides
        ("He fought in the Iran-Iraq war as a young man.",
         [(F, "government-of-iran", "government-of-iraq"),
          (F, "government-of-iraq", "government-of-iran")]),
        ("The Russia-Ukraine War displaced millions.",
         [(F, "government-of-russia", "government-of-ukraine"),
          (F, "government-of-ukraine", "government-of-russia")]),
        # a country named once that goes on to strike is a side
        ("Russia and the Syrian army continue to bomb Aleppo.",
         [(A, "military-forces-of-russia", "military-forces-of-syria")]),
        # the accused fights the accuser, whose positions "its" names
        ("The RSF accused the Sudanese army of shelling its positions.", [(F, SAF, "rsf")]),
        # alliances
        ("The Houthis, an ally of Hezbollah, attacked ships.", [(A, "houthis", "hezbollah")]),
        ("The SDF joined forces with the YPG against ISIL.", [(A, SDF, "ypg")]),
        # the partner "in alliance with" the subject fights too
        ("The SDF, in alliance with the YPG, attacked ISIL in Lowtown.",
         [(A, SDF, "ypg"), (F, "ypg", ISIL)]),
        ("Wagner sided with the Sudanese army against the RSF.", [(A, "wagner-group", SAF)]),
        ("Wagner fought alongside the Sudanese army against the RSF.",
         [(A, "wagner-group", SAF), (F, "wagner-group", "rsf")]),
        ("Hamas and Hezbollah attacked the Israeli army in Lowtown.",
         [(A, "hamas", "hezbollah"), (F, "hamas", "military-forces-of-israel")]),
        ("The Somali army, supported by Wagner, attacked al-Shabaab in Lowtown.",
         [(A, SOMALIA, "wagner-group"), (F, SOMALIA, "al-shabaab")]),
        ("Wagner has supplied the RSF with weapons.", [(A, "rsf", "wagner-group")]),
        ("The RSF and Wagner are allies.", [(A, "rsf", "wagner-group")]),
        ("The Taliban, aided by al-Qaeda, overran an Afghan army base.",
         [(A, "taliban", "al-qaeda"), (F, "taliban", AFGHANISTAN)]),
        # coordinated subjects of a one-sided attack act together, whatever they attack
        ("The Taliban and al-Qaeda attacked the town.", [(A, "taliban", "al-qaeda")]),
        # the members named after a noun of a pact
        ("A coalition of Hamas, Hezbollah and the Houthis attacked the port.",
         [(A, "hamas", "hezbollah"), (A, "hamas", "houthis"), (A, "hezbollah", "houthis")]),
        ("The alliance between Hamas and Hezbollah grew during the war.",
         [(A, "hamas", "hezbollah")]),
    ],
)  # fmt: skip
def test_news_forms_state_their_relations(
    extractor: Any, text: str, wanted: list[tuple[str, str, str]]
) -> None:
    found = _relations(extractor, text)
    assert set(wanted) <= found, sorted(found)


@pytest.mark.model
@pytest.mark.parametrize(
    "text,unwanted",
    [
        # denied or refused: nothing happened
        ("The RSF denied attacking the Sudanese army in Lowtown.", [(F, "rsf", SAF)]),
        ("The RSF refused to back the Sudanese army in the war.", [(A, "rsf", SAF)]),
        ("Wagner denied backing the RSF in the war.", [(A, "wagner-group", "rsf")]),
        ("The Sudanese army did not attack the RSF in Lowtown.", [(F, SAF, "rsf")]),
        ("Ahmed Lowtowni did not die in the al-Shabaab attack on Lowtown.",
         [(F, "al-shabaab", "ahmed-lowtowni-so")]),
        ("The RSF denied that it attacked the Sudanese army in Lowtown.",
         [(F, "rsf", SAF), (F, SAF, "rsf")]),
        ("The Sudanese army denied reports that it shelled RSF positions.", [(F, SAF, "rsf")]),
        # a war that dates a death makes no side of the dead
        ("Ahmed Lowtowni died in hospital after the war with the RSF.",
         [(F, "ahmed-lowtowni-sd", "rsf")]),
        # opponents, alternatives, reciprocity: no alliance
        ("The Taliban and al-Qaeda attacked each other in the town.",
         [(A, "taliban", "al-qaeda")]),
        ("The Taliban or al-Qaeda attacked the town.", [(A, "taliban", "al-qaeda")]),
        ("The Taliban and al-Qaeda fought in the town.", [(A, "taliban", "al-qaeda")]),
        ("Heavy clashes broke out between the RSF and the Sudanese army in Lowtown.",
         [(A, "rsf", SAF)]),
        # the dead are no sides acting together
        ("At least ten Kenyan soldiers and an unknown number of Somali soldiers died.",
         [(A, "military-forces-of-kenya", SOMALIA)]),
        # a person an armed clash targets does not fight back
        ("The Nigerian army killed Abu Hamza al-Lowtowni in a raid on Lowtown.",
         [(F, LEADER, NIGERIA)]),
        # a border is no war
        ("The Iran-Iraq border runs through the marshes.",
         [(F, "government-of-iran", "government-of-iraq")]),
        # talks are no fight
        ("The Sudanese army and the RSF held talks in Lowtown.",
         [(F, SAF, "rsf"), (A, SAF, "rsf")]),
    ],
)  # fmt: skip
def test_news_forms_state_no_such_relation(
    extractor: Any, text: str, unwanted: list[tuple[str, str, str]]
) -> None:
    found = _relations(extractor, text)
    assert not set(unwanted) & found, sorted(found)


@pytest.mark.model
def test_a_person_killed_is_fought_one_way(extractor: Any) -> None:
    """The army fights the person it killed; the reverse is what is dropped."""
    found = _relations(
        extractor, "The Nigerian army killed Abu Hamza al-Lowtowni in a raid on Lowtown."
    )
    assert (F, NIGERIA, LEADER) in found
