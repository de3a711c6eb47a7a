"""Relations between actors: from events (no model needed) and from the parse (real model)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from kg.extract.relation_words import load_words
from kg.extract.relations import _alternatives, find_relations
from kg.model import Actor, ActorType, Article, Event, Extraction, Relation, RelationKind, Span

FIGHTING, ALLIES = RelationKind.FIGHTING_AGAINST, RelationKind.ALLIES_OF
TEXT = "Aaa and Bbb attacked Ccc. Ddd said so."


def _span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


class _NoSentences:
    """A stand-in Doc without sentences: only the event rules run."""

    sents: tuple[Any, ...] = ()
    text = ""

    def __init__(self) -> None:
        self.user_data: dict[str, Any] = {}  # where kg.extract.columns keeps what it read

    def __len__(self) -> int:  # no tokens: kg.extract.columns reads empty columns
        return 0

    def char_span(self, start: int, end: int, alignment_mode: str = "strict") -> None:
        return None


def _extraction(*events: Event, implied: str = "") -> Extraction:
    actors = tuple(
        Actor(k.lower(), k, ActorType.REBEL_GROUP, (_span(k),))
        for k in ("Aaa", "Bbb", "Ccc", "Ddd")
    )
    if implied:
        actors += (Actor(implied, implied, ActorType.REBEL_GROUP, ()),)
    sentence = _span("Aaa and Bbb attacked Ccc.")
    return Extraction(Article("t", TEXT), (sentence,), actors, (), events)


def _event(event_type: str, agents: tuple[str, ...], targets: tuple[str, ...]) -> Event:
    return Event(event_type, _span("attacked"), _span("Aaa and Bbb attacked Ccc."), agents, targets)


def _triples(relations: tuple[Relation, ...]) -> set[tuple[RelationKind, str, str]]:
    return {(r.kind, r.source, r.target) for r in relations}


def test_an_attack_makes_its_agents_fight_its_target_and_allies_of_each_other() -> None:
    event = _event("shelling-artillery-missile-attack", ("aaa", "bbb"), ("ccc",))
    relations = find_relations(_NoSentences(), _extraction(event))
    assert _triples(relations) == {(FIGHTING, "aaa", "ccc"), (FIGHTING, "bbb", "ccc"),
                                   (ALLIES, "aaa", "bbb")}  # fmt: skip
    assert all(r.event == event.key and r.sentence == event.sentence for r in relations)


def test_a_clash_is_fought_both_ways() -> None:
    relations = find_relations(
        _NoSentences(), _extraction(_event("armed-clash", ("aaa",), ("ccc",)))
    )
    assert _triples(relations) == {(FIGHTING, "aaa", "ccc"), (FIGHTING, "ccc", "aaa")}


def test_the_agents_of_a_clash_without_a_target_are_not_allies() -> None:
    # regression: "the clashes ... when the rebels unleashed an offensive against government
    # troops" (the seed article) made the two sides of the clash allies; "groups, including
    # Nusra Front, advanced" (a clash too) names no opponents either: no relation
    relations = find_relations(
        _NoSentences(), _extraction(_event("armed-clash", ("aaa", "bbb"), ()))
    )
    assert relations == ()


def test_a_side_only_fought_in_the_sentence_is_no_ones_ally() -> None:
    # re3d: "strikes against ISIL targets ... in support of SDF operations", the support
    # phrase attached to "targets", made ISIL an ally of the SDF
    from kg.extract.relations import _Found

    sentence, other = _span("Aaa and Bbb attacked Ccc."), _span("Ddd said so.")
    everywhere = (sentence, other)  # named in both sentences
    found = _Found({k: everywhere for k in ("aaa", "bbb", "ccc", "ddd")})
    found.extend([
        Relation(FIGHTING, "aaa", "ccc", sentence),
        Relation(ALLIES, "ccc", "ddd", sentence),  # ccc is only fought here: dropped
        Relation(ALLIES, "aaa", "bbb", sentence),  # aaa fights: kept
        Relation(ALLIES, "ccc", "ddd", other),  # another sentence: kept
    ])  # fmt: skip
    assert [(r.kind, r.source, r.target, r.sentence) for r in found.relations()] == [
        (FIGHTING, "aaa", "ccc", sentence),
        (ALLIES, "aaa", "bbb", sentence),
        (ALLIES, "ccc", "ddd", other),
    ]


def test_an_ally_fought_by_its_partner_s_enemy_stays_an_ally() -> None:
    # "In support of Ccc, Aaa struck Bbb fighters firing on Ccc forces": Ccc is only fought
    # here, but by the enemy its partner fights
    from kg.extract.relations import _Found

    sentence = _span("Aaa and Bbb attacked Ccc.")
    found = _Found({k: (sentence,) for k in ("aaa", "bbb", "ccc")})
    found.extend([
        Relation(FIGHTING, "aaa", "bbb", sentence),
        Relation(FIGHTING, "bbb", "ccc", sentence),
        Relation(ALLIES, "aaa", "ccc", sentence),
    ])  # fmt: skip
    assert (ALLIES, "aaa", "ccc") in {(r.kind, r.source, r.target) for r in found.relations()}


def test_an_end_not_named_in_the_sentence_relates_no_one() -> None:
    # "Ddd" is named in the second sentence only: an event of the first relates it to no one
    event = _event("attack", ("ddd",), ("ccc",))
    assert find_relations(_NoSentences(), _extraction(event)) == ()


def test_events_that_are_not_violent_relate_no_one() -> None:
    for event_type in ("statement", "peaceful-protest", "agreement", "arrests"):
        event = _event(event_type, ("aaa", "bbb"), ("ccc",))
        assert find_relations(_NoSentences(), _extraction(event)) == (), event_type


def test_no_relation_with_itself_or_with_an_actor_the_text_does_not_name() -> None:
    event = _event("attack", ("aaa", "unnamed"), ("aaa", "ccc"))
    relations = find_relations(_NoSentences(), _extraction(event, implied="unnamed"))
    assert _triples(relations) == {(FIGHTING, "aaa", "ccc")}


def test_the_word_lists_load_and_name_known_event_types() -> None:
    from kg.rdf.taxonomy_ids import EVENT_TYPE_IDS

    words = load_words()
    assert words.violent_types <= EVENT_TYPE_IDS and words.mutual_types <= EVENT_TYPE_IDS
    assert words.violent("air-drone-strike") and not words.violent("peaceful-protest")
    assert {"back", "support", "ally"} <= words.ally_cues and "against" in words.fight_prepositions


# --- on the real model ------------------------------------------------------------------------


def _found(extractor: Any, text: str) -> set[tuple[RelationKind, str, str, bool]]:
    extraction = extractor.extract_one(Article("t", text))
    mentions = {a.key: a.mentions for a in extraction.actors}
    for r in extraction.relations:  # traceable: both actors are named in the sentence
        for key in (r.source, r.target):
            assert any(r.sentence.start <= m.start < r.sentence.end for m in mentions[key])
        assert text[r.sentence.start : r.sentence.end] == r.sentence.text
    return {(r.kind, r.source, r.target, r.event is not None) for r in extraction.relations}


@pytest.mark.model
def test_co_agents_of_an_attack_are_allies(extractor: Any) -> None:
    found = _found(extractor, "Nusra Front and Ahrar al-Sham fighters attacked Syrian troops.")
    assert (ALLIES, "nusra-front", "ahrar-al-sham", True) in found
    assert (FIGHTING, "nusra-front", "military-forces-of-syria", True) in found


@pytest.mark.model
def test_agents_named_as_alternatives_are_no_allies(extractor: Any) -> None:
    found = _found(extractor, "Nusra Front or Ahrar al-Sham fighters attacked Syrian troops.")
    assert not {f for f in found if f[0] is ALLIES}
    assert (FIGHTING, "nusra-front", "military-forces-of-syria", True) in found


@pytest.mark.model
@pytest.mark.parametrize(
    "text,first,second",
    [
        ("Jaysh al-Islam, backed by Hezbollah, seized two villages.", "jaysh-al-islam",
         "hezbollah"),
        ("The army, in coordination with Hezbollah, shelled the town.",
         "military-forces-of-lebanon", "hezbollah"),
        ("The YPG and the SDF launched a joint operation.", "ypg", "syrian-democratic-forces"),
        ("Hezbollah supports the Nusra Front in Idlib.", "hezbollah", "nusra-front"),
    ],
)  # fmt: skip
def test_statements_of_alliance(extractor: Any, text: str, first: str, second: str) -> None:
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert (ALLIES, first, second) in found or (ALLIES, second, first) in found


@pytest.mark.model
@pytest.mark.parametrize(
    "text,fighter,fought",
    [
        ("Hezbollah vowed to defeat the Nusra Front.", "hezbollah", "nusra-front"),
        ("The YPG and the SDF launched a joint operation against Islamic State.", "ypg",
         "islamic-state"),
        ("The SDF continued its fight against Islamic State in the east.",
         "syrian-democratic-forces", "islamic-state"),
    ],
)  # fmt: skip
def test_statements_of_fighting(extractor: Any, text: str, fighter: str, fought: str) -> None:
    assert (FIGHTING, fighter, fought, False) in _found(extractor, text)


@pytest.mark.model
def test_a_negated_cue_states_nothing(extractor: Any) -> None:
    assert _found(extractor, "The SDF did not support the YPG.") == set()
    assert _found(extractor, "The SDF never backed the YPG and did not fight the YPG.") == set()


@pytest.mark.model
@pytest.mark.parametrize(
    "text,fighter,fought",
    [
        ("Kenyan soldiers came under heavy fire from Al Shabaab near the border.",
         "al-shabaab", "military-forces-of-kenya"),
        ("The Taliban seized the checkpoint from Afghan soldiers on Monday.", "taliban",
         "military-forces-of-afghanistan"),
        ("The commander was killed in a raid conducted by Somali soldiers.",
         "military-forces-of-somalia", "unidentified-armed-group-somalia"),
        ("Hezbollah pledged support for Syrian troops in their fight against the Nusra Front.",
         "military-forces-of-syria", "nusra-front"),
    ],
)  # fmt: skip
def test_fighting_told_from_the_victims_side(
    extractor: Any, text: str, fighter: str, fought: str
) -> None:
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert any(
        k is FIGHTING and s.startswith(fighter) and t.startswith(fought) for k, s, t in found
    )


@pytest.mark.model
def test_their_names_every_side_of_the_coordination(extractor: Any) -> None:
    text = "Iran backs the Syrian army and Hezbollah in their fight against the Nusra Front."
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert any(k is FIGHTING and s.startswith("military-forces-of-syria") and t == "nusra-front"
               for k, s, t in found)  # fmt: skip
    assert (FIGHTING, "hezbollah", "nusra-front") in found


@pytest.mark.model
def test_coordinated_nouns_are_no_fighters_and_the_supported_side_fights(extractor: Any) -> None:
    text = (
        "Kenyan troops conducted 11 strikes coordinated with and in support of the Somali army"
        " using bomber, fighter, and attack aircraft as well as rocket artillery against Al"
        " Shabaab targets."
    )
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    fighters = {s for k, s, t in found if k is FIGHTING and t == "al-shabaab"}
    assert any(f.startswith("military-forces-of-kenya") for f in fighters)
    assert any(f.startswith("military-forces-of-somalia") for f in fighters)
    assert not any(f.startswith("unidentified-armed-group") for f in fighters)


@pytest.mark.model
def test_numbers_of_people_and_actions_by_someone(extractor: Any) -> None:
    text = "These are crimes that Al Shabaab has committed against thousands of civilians."
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert any(
        k is FIGHTING and s == "al-shabaab" and t.startswith("civilians") for k, s, t in found
    )
    text = "Hezbollah has supported the recapture of the town by Syrian troops."
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert any(k is ALLIES and "hezbollah" in (s, t) for k, s, t in found)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # joining someone is company (talks, an exercise), not an alliance
        "The Peshmerga joined the Iraqi army for talks in Erbil.",
        "The Peshmerga joined Hezbollah in an exercise near Erbil.",
        # supporting an operation is taking part in it, not allying with its leader
        "Hezbollah, which is supporting Operation Inherent Resolve, sent advisers.",
    ],
)
def test_no_alliance_from_joining_or_supporting_an_operation(extractor: Any, text: str) -> None:
    assert not any(k is ALLIES for k, _, _, _ in _found(extractor, text))


@pytest.mark.model
def test_who_reiterates_support_in_a_fight_does_not_wage_it(extractor: Any) -> None:
    text = "John Smith reiterates British support for Kenya in the fight against Al Shabaab."
    found = _found(extractor, text)
    assert not any(k is FIGHTING and s.startswith("john-smith") for k, s, _, _ in found)


@pytest.mark.model
def test_the_side_supported_in_its_efforts_wages_the_fight(extractor: Any) -> None:
    # "its" could be read as the supporter's: the side supported in its efforts fights, and
    # so does the supporter whose clause states the support (as re3d reads it)
    text = "We are proud that Hezbollah has supported the Syrian army in its efforts to defeat"
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text + " the Nusra Front.")}
    assert (FIGHTING, "military-forces-of-syria", "nusra-front") in found
    assert (FIGHTING, "hezbollah", "nusra-front") in found


@pytest.mark.model
def test_supporting_an_action_split_at_its_hyphen(extractor: Any) -> None:
    # the parse splits "re-taking" and hangs "taking by Y" as a clause of "supported"
    text = (
        "Iran and Hezbollah are committed to defeating these rebels and have already supported"
        " the re-taking by Syrian troops of over 25% of the province."
    )
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert any(k is ALLIES and "hezbollah" in (s, t) and "military-forces-of-syria" in s + t
               for k, s, t in found)  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    "text,fighter,fought",
    [
        ("We are confident that together the Peshmerga will deliver Islamic State a lasting"
         " defeat.", "peshmerga", "islamic-state"),
        ("The Syrian army inflicted a heavy defeat on the Nusra Front near Idlib.",
         "military-forces-of-syria", "nusra-front"),
        ("Hezbollah dealt the Nusra Front a severe blow.", "hezbollah", "nusra-front"),
        ("Al Shabaab fighters have once again slaughtered Somali civilians.", "al-shabaab",
         "civilians-somalia"),
        ("Be in no doubt, the Peshmerga are committed to destroying the scourge of Islamic"
         " State that threatens the lives of people.", "peshmerga", "islamic-state"),
        ("Hezbollah fighters are working toward the destruction of the Nusra Front.", "hezbollah",
         "nusra-front"),
        ("The defeat of the Nusra Front by the Syrian army surprised observers.",
         "military-forces-of-syria", "nusra-front"),
    ],
)  # fmt: skip
def test_handing_someone_a_defeat(extractor: Any, text: str, fighter: str, fought: str) -> None:
    assert (FIGHTING, fighter, fought, False) in _found(extractor, text)


@pytest.mark.model
def test_a_group_one_acts_as_part_of_fights_too_but_is_no_ally(extractor: Any) -> None:
    text = (
        "That is why the Peshmerga are working as part of the Global Coalition to degrade and"
        " defeat Islamic State in Iraq."
    )
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert (FIGHTING, "peshmerga", "islamic-state") in found
    assert any(k is FIGHTING and s.startswith("global-coalition") for k, s, t in found)
    assert not any(k is ALLIES for k, _, _ in found)


@pytest.mark.model
def test_a_participle_after_a_comma_describes_the_actor_before_it(extractor: Any) -> None:
    text = (
        "The Russian air force provided air support for Syrian troops, focused on defeating"
        " the Nusra Front."
    )
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert (FIGHTING, "military-forces-of-syria", "nusra-front") in found
    assert (FIGHTING, "military-forces-of-russia", "nusra-front") not in found
    # a present participle keeps the subject: the attacker killed the civilians
    found = {(k, s, t) for k, s, t, _ in _found(extractor, "Hezbollah attacked Syrian troops,"
                                                            " killing two civilians.")}  # fmt: skip
    assert any(k is FIGHTING and s == "hezbollah" and t.startswith("civilians")
               for k, s, t in found)  # fmt: skip


@pytest.mark.model
def test_the_owner_of_an_event_or_of_partners_is_no_fighter(extractor: Any) -> None:
    # "its partners" push the enemy back, not "it"
    text = (
        "Hezbollah said that its Syrian partners have proven their ability in battle, pushing"
        " the Nusra Front back and destroying the Nusra Front heavy weapons."
    )
    assert not any(k is FIGHTING and s == "hezbollah" for k, s, _, _ in _found(extractor, text))


@pytest.mark.model
def test_who_calls_for_a_defeat_does_not_fight(extractor: Any) -> None:
    text = (
        "Hundreds of protesters in Taizz called for the expulsion of Houthi forces from the city."
    )
    assert not any(k is FIGHTING for k, _, _, _ in _found(extractor, text))


def test_a_person_is_no_one_s_ally() -> None:
    # a minister who voices support for a government speaks for a side: an alliance is
    # between sides, so an attack by a person and a group makes them no allies
    actors = (
        Actor("aaa", "Aaa", ActorType.PERSON, (_span("Aaa"),)),
        *(Actor(k.lower(), k, ActorType.REBEL_GROUP, (_span(k),)) for k in ("Bbb", "Ccc")),
    )
    sentence = _span("Aaa and Bbb attacked Ccc.")
    extraction = Extraction(Article("t", TEXT), (sentence,), actors, (), (
        _event("attack", ("aaa", "bbb"), ("ccc",)),))  # fmt: skip
    relations = _triples(find_relations(_NoSentences(), extraction))
    assert relations == {(FIGHTING, "aaa", "ccc"), (FIGHTING, "bbb", "ccc")}


@pytest.mark.model
def test_support_makes_allies_only_in_war(extractor: Any) -> None:
    """Support or work together between two sides that are no armed group, in a sentence
    without a word of war, is diplomacy or aid, not an alliance."""
    for text in (
        "The United Nations supports the African Union in its talks with donors.",
        "The United Nations and the African Union work together to find a political solution.",
    ):
        assert not any(k is ALLIES for k, _, _, _ in _found(extractor, text))
    text = "The United Nations supports the African Union in the fight against Al Shabaab."
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert (ALLIES, "united-nations", "african-union") in found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Iraqi army, together with the Peshmerga, is working hard to defeat ISIL.",
        "Together with the Peshmerga, the Iraqi army attacked ISIL.",
        "The Iraqi army, along with Kurdish Peshmerga fighters, attacked ISIL near Mosul.",
    ],
)
def test_who_acts_together_with_the_subject_fights_too(extractor: Any, text: str) -> None:
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert (FIGHTING, "peshmerga", "islamic-state") in found
    pair = {(ALLIES, "military-forces-of-iraq", "peshmerga"),
            (ALLIES, "peshmerga", "military-forces-of-iraq")}  # fmt: skip
    assert found & pair


@pytest.mark.model
def test_a_side_the_words_make_an_ally_is_no_target_of_the_event(extractor: Any) -> None:
    text = "The Iraqi army recaptured the town from ISIL with the aid of the Peshmerga."
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert (FIGHTING, "military-forces-of-iraq", "islamic-state") in found
    assert (FIGHTING, "military-forces-of-iraq", "peshmerga") not in found
    assert (ALLIES, "military-forces-of-iraq", "peshmerga") in found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A report by the United Nations describes deliberate attacks against civilians in Idlib.",
        "The United Nations' report documents attacks against civilians in Idlib.",
        "According to the United Nations, attacks against civilians in Idlib have increased.",
    ],
)
def test_the_author_of_a_report_fights_no_one(extractor: Any, text: str) -> None:
    assert not any(s == "united-nations" for _, s, _, _ in _found(extractor, text))


@pytest.mark.model
def test_a_side_that_says_it_attacked_claims_the_attack(extractor: Any) -> None:
    text = "Al-Shabaab said it carried out the attack on the Kenyan soldiers."
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert (FIGHTING, "al-shabaab", "military-forces-of-kenya") in found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Clashes between the Free Syrian Army and ISIL continued in Aleppo.",
        "The Free Syrian Army was at war with ISIL.",
        "ISIL and the Free Syrian Army fought each other near Aleppo.",
    ],
)
def test_a_fight_between_two_sides_is_fought_both_ways(extractor: Any, text: str) -> None:
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert (FIGHTING, "free-syrian-army", "islamic-state") in found
    assert (FIGHTING, "islamic-state", "free-syrian-army") in found


@pytest.mark.model
def test_talks_between_two_sides_are_no_fight(extractor: Any) -> None:
    text = "The talks between the Free Syrian Army and ISIL failed."
    assert not any(k is FIGHTING for k, _, _, _ in _found(extractor, text))


@pytest.mark.model
@pytest.mark.parametrize(
    "text,fighter,fought",
    [
        ("The Syrian regime's killing of civilians must stop.", "military-forces-of-syria",
         "civilians-syria"),
        ("The execution of Peshmerga prisoners by ISIL was condemned.", "islamic-state",
         "peshmerga"),
    ],
)  # fmt: skip
def test_nouns_of_violence_done_to_someone(
    extractor: Any, text: str, fighter: str, fought: str
) -> None:
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert (FIGHTING, fighter, fought) in found


@pytest.mark.model
def test_defensive_positions_are_fought_from_both_sides(extractor: Any) -> None:
    text = "Iraqi forces maintained their defensive positions against ISIL fighters."
    found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
    assert (FIGHTING, "islamic-state", "military-forces-of-iraq") in found
    assert (FIGHTING, "military-forces-of-iraq", "islamic-state") in found


@pytest.mark.model
def test_ridding_a_place_of_someone_fights_them(extractor: Any) -> None:
    for text, fighter in (
        ("The Iraqi army has cleared 20 percent of the city of ISIL fighters.",
         "military-forces-of-iraq"),
        ("The Peshmerga worked to rid the region of ISIL.", "peshmerga"),
    ):  # fmt: skip
        found = {(k, s, t) for k, s, t, _ in _found(extractor, text)}
        assert (FIGHTING, fighter, "islamic-state") in found
    text = "The Peshmerga freed dozens of Yazidi civilians."
    assert not any(k is FIGHTING for k, _, _, _ in _found(extractor, text))


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Traders supporting the militias in the war were sanctioned.",
        "Villagers helped the rebels during the war.",
    ],
)
def test_civilians_are_no_ones_allies(extractor: Any, text: str) -> None:
    """Civilians are no side: those who help one are not its allies (ACLED's civilians are
    the unarmed, whatever they do)."""
    extraction = extractor.extract_one(Article("t", text))
    assert any(a.actor_type is ActorType.CIVILIANS for a in extraction.actors)
    assert not [r for r in extraction.relations if r.kind is ALLIES]


def _alternatives_by_every_pair(
    text: str, named: dict[str, tuple[Span, ...]], first: str, second: str
) -> bool:
    """The scan ``_alternatives`` replaces: every pair of the two actors' mentions."""
    for a in named.get(first, ()):
        for b in named.get(second, ()):
            left, right = (a, b) if a.end <= b.start else (b, a)
            gap = text[left.end : right.start].strip(" ,").lower()
            if 0 <= right.start - left.end <= 8 and gap in ("or", "and/or"):
                return True
    return False


def test_alternatives_are_found_as_by_reading_every_pair_of_mentions() -> None:
    rng = random.Random(11)
    pieces = [" or ", ", or ", " and/or ", " and ", "or", " ", ",", " OR  ", "xx"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(30))
        spans = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randrange(len(text))
            end = min(len(text), start + rng.randint(0, 6))
            spans.append(Span(start, end, text[start:end]))
        cut = rng.randint(0, len(spans))
        named = {"a": tuple(spans[:cut]), "b": tuple(spans[cut:])}
        for first, second in (("a", "b"), ("b", "a"), ("a", "a"), ("a", "c")):
            expected = _alternatives_by_every_pair(text, named, first, second)
            assert _alternatives(text, named, first, second) == expected, (text, named)
