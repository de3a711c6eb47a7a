"""The shipped actor gazetteer (kg/data/actors.tsv): well-formed, unambiguous, and recognised by
the real model in sentences written for these tests."""

from __future__ import annotations

import re
from typing import Any

import pytest

from kg.extract.lexicon import NamedActor, load_actors, load_countries
from kg.keys import name_key
from kg.model import ActorType, Article, Extraction
from kg.resources import data_dir

ACTORS = load_actors(data_dir() / "actors.tsv")
COUNTRIES = {c.iso: c for c in load_countries(data_dir() / "countries.tsv")}
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# keys that other code, tests and stored graphs rely on
KEPT_KEYS = {
    "nusra-front", "islamic-state", "sohr", "sana", "united-nations", "syrian-democratic-forces",
    "houthis", "taliban", "al-shabaab", "saudi-led-coalition", "us-led-coalition",
    "hayat-tahrir-al-sham", "popular-mobilization-forces", "amisom", "wagner-group",
}  # fmt: skip

# Ordinary words and phrases: an alias matched case-insensitively must be none of them, or
# every "amnesty for fighters" or "the dawn raid" would name an actor.
ORDINARY_WORDS = {
    "a", "an", "the", "is", "it", "us", "who", "we", "he", "she", "they", "and", "or", "of", "in",
    "on", "at", "to", "by", "for", "with", "as", "army", "police", "forces", "force", "troops",
    "soldiers", "military", "militia", "militias", "rebels", "insurgents", "militants", "fighters",
    "gunmen", "government", "regime", "state", "security", "coalition", "council", "front",
    "movement", "party", "resistance", "opposition", "amnesty", "nation", "dawn", "guardian",
    "standard", "star", "mirror", "times", "inquirer", "observer", "news", "press", "media",
    "agency", "radio", "monitor", "sun", "post", "daily", "rada", "sentinel", "spring", "storm",
    "shield", "hope", "peace now", "popular resistance", "national resistance",
    "security council", "general security", "border police", "special forces", "federal police",
    "national guard", "military police", "republican guard", "internal security forces",
    "special security forces", "joint forces",
    "local police", "village guards", "clan", "tribe", "tribesmen", "herders", "herdsmen",
    "settlers", "youths", "youth", "community", "people", "civilians", "residents", "protesters",
}  # fmt: skip

# Capital abbreviations that mostly mean something else: an exact-match alias must be none of
# them ("his CV", "a PDF", "KIA" for killed in action, "AP" for Andhra Pradesh).
AMBIGUOUS_ABBREVIATIONS = {
    "AA", "AP", "CV", "PDF", "KIA", "SNA", "DPR", "NAS", "EPP", "EPL", "CPC", "CNA", "FC", "PM",
    "MP", "IT", "OK", "TV", "ID", "IED", "NGO", "RT", "DW", "NRC", "DRC", "ICC", "SARS", "RPF",
    "MIT", "CEO", "USA", "UK", "EU", "PTI", "ANP", "NPR", "CDG", "CDN", "PNA", "TIP", "CMA", "ADA",
    "FDS", "DAG", "RDF", "DRG", "PRM", "CTS", "VDC", "ISS", "NPF", "KNA", "LAF", "PSF", "SPF",
    "IAF", "AM", "PR", "HR", "US",
}  # fmt: skip


def _names(actor: NamedActor) -> tuple[str, ...]:
    return (actor.label, *actor.aliases)


def _exact(name: str) -> bool:
    """Matched case-sensitively (kg.extract.mentions.MentionFinder._add)."""
    return name.isupper() and len(name.replace(".", "")) <= 6


# -- the file ---------------------------------------------------------------------------------


def test_the_file_parses_into_a_few_hundred_actors() -> None:
    assert 250 <= len(ACTORS) <= 450
    assert all(isinstance(a.actor_type, ActorType) for a in ACTORS)


def test_keys_are_unique_and_well_formed() -> None:
    keys = [a.key for a in ACTORS]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert [k for k in keys if not KEY.match(k)] == []


def test_the_keys_other_code_relies_on_are_kept() -> None:
    assert {a.key for a in ACTORS} >= KEPT_KEYS


def test_countries_are_known_iso_codes() -> None:
    assert [(a.key, a.country) for a in ACTORS if a.country and a.country not in COUNTRIES] == []


def test_names_are_clean() -> None:
    bad = [
        (a.key, n) for a in ACTORS for n in _names(a)
        if not n or n != n.strip() or "|" in n or "\t" in n or "  " in n
    ]  # fmt: skip
    assert bad == []


def test_an_actor_names_each_alias_once_and_not_its_label() -> None:
    repeated = [
        (a.key, n) for a in ACTORS for n in {x.casefold() for x in a.aliases}
        if [x.casefold() for x in a.aliases].count(n) > 1 or n == a.label.casefold()
    ]  # fmt: skip
    assert repeated == []


def test_no_name_is_shared_by_two_actors() -> None:
    owner: dict[str, str] = {}
    shared = []
    for actor in ACTORS:
        for name in {n.casefold() for n in _names(actor)}:
            other = owner.setdefault(name, actor.key)
            if other != actor.key:
                shared.append((name, other, actor.key))
    assert shared == []


def test_no_name_is_an_ordinary_word_or_an_ambiguous_abbreviation() -> None:
    assert len(ORDINARY_WORDS) >= 50 and len(AMBIGUOUS_ABBREVIATIONS) >= 50
    bad = [
        (a.key, n) for a in ACTORS for n in _names(a)
        if (n in AMBIGUOUS_ABBREVIATIONS if _exact(n) else n.casefold() in ORDINARY_WORDS)
    ]  # fmt: skip
    assert bad == []


def test_no_name_is_a_country() -> None:
    countries = {n.casefold() for c in COUNTRIES.values() for n in (c.name, *c.aliases)}
    assert [(a.key, n) for a in ACTORS for n in _names(a) if n.casefold() in countries] == []


def test_named_state_units_converge_with_the_rules_state_forces() -> None:
    """ "Syrian Arab Army" and "Syrian troops" are one actor: the key and label the generic rule
    mints from countries.tsv ("Military Forces of {country}"). Found by key or by label: an
    entry labelled like the rule's actor under another key ("Tatmadaw" once was) is two nodes,
    one for "Tatmadaw troops" and one for "the Myanmar army"."""
    rule_label = re.compile(r"^(?:Military|Police) Forces of ")
    prefixes = ("military-forces-of-", "police-forces-of-")
    units = [a for a in ACTORS if a.key.startswith(prefixes) or rule_label.match(a.label)]
    assert len(units) >= 40
    for actor in units:
        kind = "Military" if actor.key.startswith("military") else "Police"
        assert actor.actor_type == ActorType.STATE_FORCES, actor.key
        assert actor.label == f"{kind} Forces of {COUNTRIES[actor.country].name}", actor.key
        assert actor.key == name_key(actor.label)


def test_each_type_is_represented() -> None:
    types = {a.actor_type for a in ACTORS}
    assert types >= {
        ActorType.STATE_FORCES, ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA,
        ActorType.IDENTITY_MILITIA, ActorType.EXTERNAL_OTHER, ActorType.MEDIA,
        ActorType.ORGANISATION,
    }  # fmt: skip


# -- on the real model ------------------------------------------------------------------------

STATE, REBEL, POLITICAL, IDENTITY, EXTERNAL, ORG = (
    ActorType.STATE_FORCES, ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA,
    ActorType.IDENTITY_MILITIA, ActorType.EXTERNAL_OTHER, ActorType.ORGANISATION,
)  # fmt: skip

SENTENCES: dict[str, tuple[str, dict[str, ActorType]]] = {
    "kdf": (
        "Kenya Defence Forces soldiers killed three Al-Shabaab militants near Lamu.",
        {"military-forces-of-kenya": STATE, "al-shabaab": REBEL},
    ),
    "atpu": (
        "Officers of the Anti-Terrorism Police Unit arrested two men in Mombasa on Friday.",
        {"police-forces-of-kenya": STATE},
    ),
    "saa": (
        "The Syrian Arab Army shelled Hayat Tahrir al-Sham positions near Saraqib on Monday, "
        "the Syrian Observatory for Human Rights said.",
        {"military-forces-of-syria": STATE, "hayat-tahrir-al-sham": REBEL, "sohr": ORG},
    ),
    "isf": (
        "Iraqi Security Forces and the Counter Terrorism Service raided an ISIS hideout in Anbar.",
        {"military-forces-of-iraq": STATE, "islamic-state": REBEL},
    ),
    "yemen": (
        "Houthi fighters attacked Security Belt Forces in Abyan, and the Saudi-led coalition "
        "responded with air strikes.",
        {"houthis": STATE, "military-forces-of-yemen": STATE, "saudi-led-coalition": EXTERNAL},
    ),
    "pokot": (
        "Pokot raiders stole two hundred goats and shot dead a herder in Turkana County.",
        {"pokot-ethnic-militia": IDENTITY},
    ),
    "fulani": (
        "Suspected Fulani militiamen attacked a village in Benue State, killing five farmers, "
        "Amnesty International said.",
        {"fulani-ethnic-militia": IDENTITY, "amnesty-international": ORG},
    ),
    "sahel": (
        "JNIM fighters ambushed a convoy of the Malian army near Mopti as Operation Barkhane "
        "helicopters flew overhead.",
        # Mopti is in Mali: France's forces act abroad there, external forces
        {
            "jnim": REBEL,
            "military-forces-of-mali": STATE,
            "military-forces-of-france": EXTERNAL,
        },
    ),
    "sudan": (
        "The Sudanese Armed Forces clashed with the Rapid Support Forces in Omdurman.",
        {"military-forces-of-sudan": STATE, "rsf": REBEL},
    ),
    "myanmar": (
        "Tatmadaw troops clashed with the Arakan Army in Paletwa township.",
        {"military-forces-of-myanmar": STATE, "arakan-army": REBEL},
    ),
    "ukraine": (
        "NAF units shelled Ukrainian positions near Marinka, the OSCE SMM reported.",
        {"naf": REBEL, "osce-smm": ORG},
    ),
    "brazil": (
        "Comando Vermelho gunmen opened fire on a BOPE patrol in Rio de Janeiro.",
        {"comando-vermelho": POLITICAL, "military-forces-of-brazil": STATE},
    ),
    "philippines": (
        "The New People's Army ambushed Philippine Army soldiers in Northern Samar.",
        {"npa": REBEL, "military-forces-of-philippines": STATE},
    ),
    "gaza": (
        "Hamas fighters fired rockets at Sderot while Israeli warplanes struck Khan Younis.",
        # Khan Younis is in Palestine: Israel's forces act abroad there, external forces
        {"hamas": POLITICAL, "military-forces-of-israel": EXTERNAL},
    ),
    "congo": (
        "CODECO militiamen attacked a camp for displaced people in Djugu, MONUSCO said.",
        {"codeco": POLITICAL, "monusco": EXTERNAL},
    ),
    "somalia": (
        "Habar Gedir clan militias clashed with Abgaal clan militias over grazing land near Adale.",
        {"habar-gedir-clan-militia": IDENTITY, "abgaal-clan-militia": IDENTITY},
    ),
    "haiti": (
        "Gunmen of the Viv Ansanm coalition stormed the suburb of Lowtown, killing five residents.",
        {"viv-ansanm": POLITICAL, "civilians-haiti": ActorType.CIVILIANS},
    ),
    "haiti-kidnap": (
        "Members of the 400 Mawozo gang kidnapped four travellers near Croix-des-Bouquets.",
        {"400-mawozo": POLITICAL, "civilians-haiti": ActorType.CIVILIANS},
    ),
}


@pytest.fixture(scope="module")
def extractions(extractor: Any) -> dict[str, Extraction]:
    """Every sentence extracted once, as its own article."""
    articles = [Article(name, text) for name, (text, _) in SENTENCES.items()]
    results = list(extractor.extract(articles))
    assert all(isinstance(r, Extraction) for r in results), results
    return {r.article.id: r for r in results if isinstance(r, Extraction)}


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_sentences_name_the_expected_actors(name: str, extractions: dict[str, Extraction]) -> None:
    text, expected = SENTENCES[name]
    # the type each actor has in the sentence's events: state forces abroad are external there
    # (Actor.external), one node with their own type, State forces, everywhere
    actors = {a.key: EXTERNAL if a.external else a.actor_type for a in extractions[name].actors}
    for key, actor_type in expected.items():
        assert key in actors, (text, sorted(actors))
        assert actors[key] == actor_type, (text, key)


@pytest.mark.model
def test_a_named_unit_and_the_rules_generic_forces_are_one_actor(extractor: Any) -> None:
    text = "KDF soldiers repelled the attack. Kenyan troops later searched the area."
    actors = {a.key: a for a in extractor.extract_one(Article("t", text)).actors}
    mentions = {m.text for m in actors["military-forces-of-kenya"].mentions}
    assert {"KDF soldiers", "Kenyan troops"} <= mentions or {"KDF", "Kenyan troops"} <= mentions


@pytest.mark.model
def test_houthi_rebels_are_the_houthis_state_forces_as_acled_codes_them(extractor: Any) -> None:
    """ACLED codes the Houthis as Yemen's forces (inter 1, "Military Forces of Yemen (2017-)
    Houthi"): "rebels" after their name is one of their names, no second actor."""
    text = "Houthi rebels attacked Lowtown, Yemen on Monday. The Houthis said they took the town."
    extraction = extractor.extract_one(Article("t", text))
    armed = [a for a in extraction.actors if a.actor_type is not ActorType.CIVILIANS]
    assert [(a.key, a.actor_type) for a in armed] == [("houthis", ActorType.STATE_FORCES)]
    assert all(e.agents == ("houthis",) for e in extraction.events)


@pytest.mark.model
def test_ordinary_words_name_no_actor(extractor: Any) -> None:
    text = (
        "The government offered an amnesty to fighters who surrender. She sent her CV and a PDF "
        "of her thesis to the dealership in Guntur, AP, where a KIA saloon was parked at dawn."
    )
    keys = {a.key for a in extractor.extract_one(Article("t", text)).actors}
    assert not keys & {
        "amnesty-international", "associated-press", "comando-vermelho", "pdf-myanmar",
        "kachin-independence-army", "arakan-army", "dawn",
    }  # fmt: skip


@pytest.mark.model
def test_a_name_after_anti_is_no_actor_of_the_phrase(extractor: Any) -> None:
    # "anti-Houthi forces" fight the Houthis: the phrase is not theirs, and the events read
    # the forces; the name is a mention nested in it (kg/extract/prefixed.py)
    # "pro-Houthi fighters", though, are the Houthis' (as ACLED codes them: kg/extract/generic.py)
    text = "Anti-Houthi forces shelled Zed. Pro-Houthi fighters attacked Qaryat."
    extraction = extractor.extract_one(Article("t", text))
    houthis = next(a for a in extraction.actors if a.key == "houthis")
    assert "Houthi" in [m.text for m in houthis.mentions if m.start < text.index(".")]
    shelling = next(e for e in extraction.events if e.trigger.text == "shelled")
    assert "houthis" not in shelling.agents
    attack = next(e for e in extraction.events if e.trigger.text == "attacked")
    assert attack.agents == ("houthis",)


@pytest.mark.model
def test_actors_the_gazetteer_lacks_converge_by_name_within_a_country(extractor: Any) -> None:
    # the same name in two countries is two actors; in one country, one actor in every article
    in_syria = "Fighters of the Green Crescent Brigade shelled Afrin in Syria on Monday."
    in_libya = "Fighters of the Green Crescent Brigade shelled Sirte in Libya on Monday."
    again = "In Syria, the Green Crescent Brigade said it had taken Jandaris."
    keys = [
        {a.key for a in extractor.extract_one(Article(str(i), text)).actors if "crescent" in a.key}
        for i, text in enumerate((in_syria, in_libya, again))
    ]
    assert keys[0] == keys[2] == {"green-crescent-brigade-sy"}, keys
    assert keys[1] == {"green-crescent-brigade-ly"}, keys


@pytest.mark.model
def test_without_a_country_a_name_alone_is_the_key(extractor: Any) -> None:
    text = "The Green Crescent Brigade said on Monday that it had taken the hill."
    keys = {a.key for a in extractor.extract_one(Article("t", text)).actors}
    assert "green-crescent-brigade" in keys, keys


@pytest.mark.model
def test_a_known_actor_s_name_before_a_body_s_noun_names_that_body(extractor: Any) -> None:
    # "the UN Independent Commission" is the commission, an organisation, not the UN
    text = "The UN Independent Commission found that the regime bombed Lowtown."
    actors = {a.label: a for a in extractor.extract_one(Article("t", text)).actors}
    assert "UN Independent Commission" in actors
    assert actors["UN Independent Commission"].actor_type is ActorType.ORGANISATION
    assert "United Nations" not in actors
    # "of" and capitalised words the model's entity holds after the body's noun: its name too
    text = "The UN Board of Inquiry found that the convoy was attacked from the air."
    actors = {a.label: a for a in extractor.extract_one(Article("t", text)).actors}
    assert "UN Board of Inquiry" in actors, sorted(actors)
    assert actors["UN Board of Inquiry"].actor_type is ActorType.ORGANISATION
    # a capitalised word before the known name: part of a longer name, left as it was
    text = "Envoys of the Global Coalition to Counter ISIL Coalition met in Lowtown."
    labels = {a.label for a in extractor.extract_one(Article("t", text)).actors}
    assert "ISIL Coalition" not in labels
