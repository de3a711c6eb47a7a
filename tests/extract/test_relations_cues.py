"""Relations stated by arms handed over, owned allies, sides joining (kg/extract/alliance_cues.py),
by the side fought named through what it suffers or holds (kg/extract/fight_cues.py), and the
lexicon's words of rebellion. Invented sentences, on the real model."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article, RelationKind

FIGHTING, ALLIES = RelationKind.FIGHTING_AGAINST, RelationKind.ALLIES_OF


def _stated(extractor: Any, text: str) -> set[tuple[RelationKind, str, str]]:
    """The relations the sentence's words state (not those of its events), allies in
    either order."""
    extraction = extractor.extract_one(Article("t", text))
    found = set()
    for r in extraction.relations:
        if r.event is None:
            found.add((r.kind, r.source, r.target))
            if r.kind is ALLIES:
                found.add((r.kind, r.target, r.source))
    return found


@pytest.mark.model
@pytest.mark.parametrize(
    "text,first,second",
    [
        ("Hezbollah supplied weapons to the Houthis during the war.", "hezbollah", "houthis"),
        ("Hezbollah supplied the Houthis with rockets.", "hezbollah", "houthis"),
        ("The rebels received weapons and training from Hezbollah.", "rebels-lebanon",
         "hezbollah"),
        ("The SDF and its allies attacked Raqqa.", "syrian-democratic-forces",
         "allies-of-syrian-democratic-forces"),
        ("Hamas and Islamic Jihad joined forces against the army.", "hamas", "islamic-jihad"),
        ("The Taliban formed an alliance with al-Qaeda.", "taliban", "al-qaeda"),
        ("The Iraqi government and the Kurdistan Regional Government cooperated against ISIL.",
         "government-of-iraq", "kurdistan-regional-government-iq"),
        # the ally's forces named by a noun the mention modifies pass the gate of war words
        # (the Peshmerga's coalition: Iraq's, the US-led one, kg/data/coref.toml)
        ("The Peshmerga, supported by coalition aircraft, advanced on the town.", "peshmerga",
         "us-led-coalition"),
        ("Hezbollah is widely regarded as a proxy of the Quds Force.", "hezbollah",
         "military-forces-of-iran"),
        # the one a relative clause of support is about
        ("The Syrian army, which Hezbollah supports, shelled the town.", "hezbollah",
         "military-forces-of-syria"),
        # a word of war the gate knows: "besieged"
        ("The Peshmerga, supported by the coalition, besieged the town.", "peshmerga",
         "us-led-coalition"),
        # a name's plural lemma ("Forces") is a noun of forces too
        ("The Iraqi Security Forces, assisted by coalition advisers, entered the town.",
         "military-forces-of-iraq", "us-led-coalition"),
    ],
)  # fmt: skip
def test_alliances_stated_by_what_passes_between_sides(
    extractor: Any, text: str, first: str, second: str
) -> None:
    assert (ALLIES, first, second) in _stated(extractor, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The EU sent humanitarian aid to the Houthis during the war.",  # relief, not arms
        "The EU provided humanitarian aid to Hezbollah during the war.",  # aid "to": relief
        "The EU announced humanitarian support for the Houthis during the war.",  # a cue: relief
        "The Taliban joined al-Qaeda for talks on the war.",  # company, not alliance
        "The Peshmerga, supported by the coalition, advanced on the town.",  # no word of war
        "The SDF and our partners remain committed to the war.",  # "our" is the speaker's
    ],
)
def test_no_alliance_from_relief_company_or_peace(extractor: Any, text: str) -> None:
    assert not any(kind is ALLIES for kind, _, _ in _stated(extractor, text))


@pytest.mark.model
@pytest.mark.parametrize(
    "text,fighter,fought",
    [
        ("Rebels besieged by government forces in Homs surrendered.",
         "military-forces-of-syria", "rebels-syria"),
        ("Russian warplanes bombed positions held by the Free Syrian Army.",
         "military-forces-of-russia", "free-syrian-army"),
        ("Government forces launched an offensive on rebel-held Aleppo.",
         "military-forces-of-syria", "rebels-syria"),
        ("The Iraqi government and the Kurdistan Regional Government cooperated against ISIL.",
         "kurdistan-regional-government-iq", "islamic-state"),
        ("The Houthis rebelled against the government of Yemen.", "houthis",
         "government-of-yemen"),
        ("Al-Shabaab waged an insurgency against the Somali government.", "al-shabaab",
         "government-of-somalia"),
        ("The Peshmerga vowed to free the province from ISIL.", "peshmerga", "islamic-state"),
        ("The Peshmerga defended Kirkuk from ISIL attacks.", "peshmerga", "islamic-state"),
        ("The Peshmerga defended Kirkuk from ISIL attacks.", "islamic-state", "peshmerga"),
        ("The civil war pitted the Syrian army against the Nusra Front.",
         "military-forces-of-syria", "nusra-front"),
        ("The civil war pitted the Syrian army against the Nusra Front.", "nusra-front",
         "military-forces-of-syria"),
        ("The Syrian army continued its bombardment of areas held by the Nusra Front.",
         "military-forces-of-syria", "nusra-front"),
        ("The SDF has retaken 300 villages previously held by ISIS.",
         "syrian-democratic-forces", "islamic-state"),
        ("The Peshmerga captured ISIL-held villages near Mosul.", "peshmerga", "islamic-state"),
        ("The Taliban's enemies include the Islamic State and the Afghan army.", "taliban",
         "military-forces-of-afghanistan"),
        ("The Islamic State is the main enemy of the Taliban.", "islamic-state", "taliban"),
        ("The Free Syrian Army opposes both the Assad government and the Islamic State.",
         "free-syrian-army", "islamic-state"),
        ("The Nusra Front is opposed to the Free Syrian Army.", "nusra-front",
         "free-syrian-army"),
        ("Hezbollah is committed to backing the Syrian army against the Nusra Front.",
         "hezbollah", "nusra-front"),
        ("Hezbollah is committed to backing the Syrian army against the Nusra Front.",
         "military-forces-of-syria", "nusra-front"),
        ("The Nusra Front was described as an enemy of the Free Syrian Army.",
         "free-syrian-army", "nusra-front"),
        ("Hezbollah's war with the Israeli army lasted 34 days.", "military-forces-of-israel",
         "hezbollah"),
        ("In 2006, Hezbollah went to war with the Israeli army.", "hezbollah",
         "military-forces-of-israel"),
        ("The Taliban fought a long war with the Northern Alliance.", "northern-alliance-af",
         "taliban"),
        ("During the Taliban-ISIS conflict, hundreds of fighters were killed.", "taliban",
         "islamic-state"),
        ("During the Taliban-ISIS conflict, hundreds of fighters were killed.", "islamic-state",
         "taliban"),
        ("Hezbollah, a sworn enemy of the Islamic State, sent fighters to Qusayr.",
         "islamic-state", "hezbollah"),
        ("The SDF made great progress, retaking 900 square kilometres of territory held by "
         "ISIS.", "syrian-democratic-forces", "islamic-state"),
        ("The Peshmerga recaptured parts of the province controlled by ISIL.", "peshmerga",
         "islamic-state"),
    ],
)  # fmt: skip
def test_fights_named_through_what_a_side_suffers_or_holds(
    extractor: Any, text: str, fighter: str, fought: str
) -> None:
    assert (FIGHTING, fighter, fought) in _stated(extractor, text)


@pytest.mark.model
def test_no_fight_from_a_quality_nor_alliance_between_the_sides_of_a_war(extractor: Any) -> None:
    # defended "from" someone's quality: the quality is no attack
    assert (
        _stated(extractor, "The Peshmerga defended the people from the cruelty of ISIL.") == set()
    )
    # the two sides a war pits against one are not thereby allies
    text = "The civil war pitted the Syrian army against ISIL and the Nusra Front."
    assert not any(kind is ALLIES for kind, _, _ in _stated(extractor, text))


@pytest.mark.model
def test_opposition_between_states_and_organisations_is_no_fight(extractor: Any) -> None:
    assert _stated(extractor, "The European Union opposes the Syrian army.") == set()


@pytest.mark.model
@pytest.mark.parametrize(
    "text,fighter,fought,speaker",
    [
        # the infinitive the parse hangs on "press" as a clause: the one pressed acts
        ("Amnesty urged Lavrov to press the army to cease at once airstrikes against the "
         "rebels in Idlib.", "military-forces-of-syria", "rebels-syria", "lavrov"),
        # "called on X to": X is the one to stop
        ("The Arab League called on the army to stop shelling rebels in Douma.",
         "military-forces", "rebels", "arab-league"),
        # a possessive in what is asked names the one asked, not the one asking
        ("The UN urged Hezbollah to halt its attacks on the Nusra Front.", "hezbollah",
         "nusra-front", "united-nations"),
        ("Amnesty appealed to the Houthis to end their attacks on the Saudi-led coalition.",
         "houthis", "saudi-led-coalition", "amnesty-ye"),
        ("The Arab League demanded that Hezbollah stop its attacks on the Syrian opposition.",
         "hezbollah", "rebels-syria", "arab-league-lb"),
        # and one in the reason a verb of blame gives names the one blamed
        ("The United States condemned Hezbollah for its attacks on the Nusra Front.",
         "hezbollah", "nusra-front", "government-of-united-states"),
    ],
)  # fmt: skip
def test_who_is_asked_to_stop_a_fight_wages_it_not_who_asks(
    extractor: Any, text: str, fighter: str, fought: str, speaker: str
) -> None:
    # stated by the words, or by the event whose agent is the one asked (object control:
    # "press the army to cease airstrikes" makes the army the airstrikes' agent)
    extraction = extractor.extract_one(Article("t", text))
    found = {(r.kind, r.source, r.target) for r in extraction.relations}
    assert (FIGHTING, fighter, fought) in found
    assert not any(source == speaker for kind, source, _ in found if kind is FIGHTING)


@pytest.mark.model
def test_an_events_agent_that_only_demands_it_stop_fights_no_one(extractor: Any) -> None:
    from kg.extract.relations import find_relations
    from kg.model import Actor, ActorType, Event, Extraction, Span

    text = (
        "The Arab League raised concerns and urged the army to halt airstrikes against the rebels."
    )
    doc = extractor.nlp(text)

    def span(needle: str) -> Span:
        start = text.index(needle)
        return Span(start, start + len(needle), needle)

    actors = (
        Actor("arab-league", "Arab League", ActorType.ORGANISATION, (span("The Arab League"),)),
        Actor("army", "Army", ActorType.STATE_FORCES, (span("the army"),)),
        Actor("rebels", "Rebels", ActorType.REBEL_GROUP, (span("the rebels"),)),
    )
    sentence = Span(0, len(text), text)
    # an event's rules that took the speaker for the agent of the strikes
    event = Event("air-drone-strike", span("airstrikes"), sentence, ("arab-league",), ("rebels",))
    extraction = Extraction(Article("t", text), (sentence,), actors, (), (event,))
    relations = find_relations(doc, extraction)
    assert not any(r.source == "arab-league" for r in relations)


@pytest.mark.model
@pytest.mark.parametrize(
    "text,kind,source,target",
    [
        ("Fighting went on in Yemen. The anti-Houthi coalition struck Sanaa on Monday.",
         FIGHTING, "saudi-led-coalition", "houthis"),
        ("Fighting went on in Ukraine. Pro-Russian separatists shelled Mariupol.", ALLIES,
         "naf", "government-of-russia"),
        ("Fighting went on in Yemen. The Iran-backed Houthis fired missiles at Riyadh.",
         ALLIES, "houthis", "government-of-iran"),
        ("The YPG joined the SDF in fighting ISIL near Raqqa.", ALLIES, "ypg",
         "syrian-democratic-forces"),
        ("The PKK has fought the Turkish state since 1984.", FIGHTING, "pkk",
         "government-of-turkey"),
        ("Fighting went on in Yemen. The Houthis receive weapons from Iran.", ALLIES,
         "houthis", "government-of-iran"),
    ],
)  # fmt: skip
def test_sides_named_in_modifiers_joint_fights_and_states(
    extractor: Any, text: str, kind: RelationKind, source: str, target: str
) -> None:
    assert (kind, source, target) in _stated(extractor, text)


@pytest.mark.model
def test_a_prefix_on_a_common_word_names_no_side(extractor: Any) -> None:
    assert not _stated(extractor, "Anti-government protesters marched in Khartoum.")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The YPG joined the SDF in 2015.",  # membership
        "Fighting went on in Syria. Refugees arrived in Idlib from Turkey.",
    ],
)
def test_no_alliance_from_joining_alone_nor_from_coming_from_a_country(
    extractor: Any, text: str
) -> None:
    assert not {r for r in _stated(extractor, text) if r[0] is ALLIES}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "About 40 farmers gathered with tractors in Lyon to protest against new fuel taxes and"
        " to demand more financial support from the French state.",  # asked for, not given
        "Five Taliban and/or ISIS militants were killed when Afghan forces repulsed their "
        "attack in Kandahar.",  # one or the other attacked
    ],
)
def test_no_alliance_from_support_asked_for_nor_from_alternatives(
    extractor: Any, text: str
) -> None:
    assert not {r for r in _stated(extractor, text) if r[0] is ALLIES}


@pytest.mark.model
def test_taking_orders_from_a_side_is_no_fight_taking_a_town_is(extractor: Any) -> None:
    """Regression: "Ghadiya took orders from his successor" was read as a town taken."""
    assert _stated(extractor, "Al Shabaab took orders from Al Qaeda.") == set()
    stated = _stated(extractor, "The Lowland Army took the town from Al Shabaab.")
    assert any(kind is FIGHTING and target == "al-shabaab" for kind, _, target in stated)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Hezbollah funds the Houthis.", "hezbollah", "houthis"),
        ("The Houthis, funded by Hezbollah, attacked the base.", "houthis", "hezbollah"),
        ("Hezbollah equipped the Houthis during the war.", "hezbollah", "houthis"),
    ],
)
def test_funding_or_equipping_a_side_is_an_alliance(
    extractor: Any, text: str, first: str, second: str
) -> None:
    assert (ALLIES, first, second) in _stated(extractor, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab, an affiliate of al-Qaeda, attacked the base.",
        "Al-Shabaab affiliated with al-Qaeda in 2012.",
    ],
)
def test_an_affiliate_is_an_ally(extractor: Any, text: str) -> None:
    assert (ALLIES, "al-shabaab", "al-qaeda") in _stated(extractor, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # an organisation, no fighter of the event: the words alone state the fight (an armed
        # group's capture is an event, whose relation the event states)
        "The Lowland Government captured Lowtown from Al Shabaab in June.",
        "The Lowland Army took Lowtown from Al Shabaab.",
        "The Lowland Army liberated Lowtown from Al Shabaab.",
    ],
)
def test_a_named_place_taken_from_a_side_fights_it(extractor: Any, text: str) -> None:
    """ "X captured Lowtown from Y", "X liberated Lowtown from Y": the parse hangs "from Y" on
    the place's name, not on the verb; X fights Y all the same."""
    stated = _stated(extractor, text)
    assert any(kind is FIGHTING and target == "al-shabaab" for kind, _, target in stated)


@pytest.mark.model
def test_who_discusses_a_fight_with_someone_fights_neither_the_enemy_nor_him(
    extractor: Any,
) -> None:
    """Regression: "X discussed the fight against ISIL with Y" made X fight ISIL, and X and
    Y fight each other ("fight ... with Y" read as "X's war with Y")."""
    text = "Secretary Kerry discussed the fight against ISIL with Prime Minister Haider al-Abadi."
    assert _stated(extractor, text) == set()


@pytest.mark.model
def test_seizing_a_sides_stronghold_fights_that_side(extractor: Any) -> None:
    """ "X captured Y's stronghold": the ground taken is Y's, as in "territory held by Y"."""
    text = "Al Shabaab captured the Lowland Government's stronghold of Lowtown."  # no event's
    stated = _stated(extractor, text)
    assert any(kind is FIGHTING and source == "al-shabaab" for kind, source, _ in stated)
    assert _stated(extractor, "Al Shabaab took the Lowland Army's orders.") == set()


class _EveryWord:
    """A set holding every word: the finder asks ``at_word`` at each word of a sentence."""

    def __contains__(self, word: object) -> bool:
        return True


# sentences naming two sides, one for each pattern ``at_word`` starts from a word
_AT_WORD = (
    "Hezbollah supplied weapons to the Houthis during the war.",
    "The rebels received weapons and training from Hezbollah.",
    "Hamas and Islamic Jihad joined forces against the army.",
    "The Taliban formed an alliance with al-Qaeda.",
    "The SDF and its allies attacked Raqqa.",
    "The Iraqi government and the Kurdistan Regional Government cooperated against ISIL.",
    "The civil war pitted the Syrian army against the Nusra Front.",
    "The Taliban's enemies include the Islamic State and the Afghan army.",
    "The Peshmerga captured ISIL-held villages near Mosul.",
    "In 2006, Hezbollah went to war with the Israeli army.",
    "The Free Syrian Army opposes both the Assad government and the Islamic State.",
    "During the Taliban-ISIS conflict, hundreds of fighters were killed.",
    "Fighting went on in Yemen. The anti-Houthi coalition struck Sanaa on Monday.",
    "Two Al Shabaab fighters died in a Lowland Army air strike near Lowtown.",
)


@pytest.mark.model
def test_the_words_no_pattern_starts_from_are_skipped_with_nothing_lost(extractor: Any) -> None:
    """``AllianceStatements.sentence`` asks ``at_word`` only at the lemmas and words its
    patterns (and ``FightStatements``') start from (``starts``, ``start_words``): asking it at
    every word finds the same relations, and some are found there."""
    from kg.extract.fight_cues import FightStatements
    from kg.extract.relation_words import load_words

    told = 0
    for text in _AT_WORD:
        extraction, doc = extractor.extract_one(Article("t", text)), extractor.nlp(text)
        skipping = FightStatements(doc, extraction, load_words())
        asking = FightStatements(doc, extraction, load_words())
        asking.starts, asking.start_words = _EveryWord(), _EveryWord()  # type: ignore[assignment]
        for sent in doc.sents:
            found = skipping.sentence(sent)
            assert found == asking.sentence(sent), text
            told += bool(found)
    assert told >= len(_AT_WORD) - 2  # the sentences do state relations


@pytest.mark.model
def test_whether_a_sentence_names_two_sides_is_kept_for_the_sentence_asked(
    extractor: Any,
) -> None:
    from kg.extract.fight_cues import FightStatements
    from kg.extract.relation_words import load_words

    text = "Hezbollah attacked the Nusra Front. Hezbollah withdrew."
    extraction, doc = extractor.extract_one(Article("t", text)), extractor.nlp(text)
    finder = FightStatements(doc, extraction, load_words())
    first, second = doc.sents
    assert [finder.two_sided(s) for s in (first, first, second, first)] == [True, True, False, True]
