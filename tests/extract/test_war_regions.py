"""The lexicon's war regions (kg/extract/war_regions.py): the pattern of their names, and the
country a place's label names by its region, kept per label."""

from __future__ import annotations


def test_the_region_names_lookahead_changes_no_match() -> None:
    """The regions' pattern finds what it finds without its first-letter lookahead."""
    import re

    from kg.extract.lexicon import load
    from kg.extract.war_regions import WarRegions

    war = WarRegions(load())
    pattern = war.region_names
    plain = re.compile(re.sub(r"\(\?=\[[^\]]*\]\)", "", pattern.pattern, count=1), pattern.flags)
    assert plain.pattern != pattern.pattern
    names = sorted(war.regions)
    texts = [
        " ".join(names),
        ", ".join(n.upper() for n in names),
        "; ".join(f"x{n} {n}x {n.title()}" for n in names),
        "Shelling in Donetsk oblast and \u017fouth Kordofan, near Idlib's countryside.",
    ]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
        assert pattern.findall(text)


def test_the_region_names_grouped_by_first_letter_match_as_one_alternation() -> None:
    import re

    from kg.extract.lexicon import load
    from kg.extract.war_regions import WarRegions, _names_pattern

    names = sorted(WarRegions(load()).regions)
    flat = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?!\w)",
        re.I,
    )
    texts = [
        " ".join(names),
        ", ".join(n.upper() for n in names),
        "; ".join(f"x{n} {n}x {n.title()} {n[:-1]}" for n in names),
        "Shelling in Donetsk oblast and \u017fouth Kordofan, near Idlib's countryside.",
    ]
    for pattern in (_names_pattern(names), _names_pattern(["sa", "sab", "\u017fa", "ab"])):
        flat_of = flat if pattern.pattern.count("|") > 4 else None
        for text in texts if flat_of else ["SA sab \u017fab Sab \u017fa ab"]:
            expected = flat_of or re.compile(r"(?<!\w)(?:sab|\u017fa|sa|ab)(?!\w)", re.I)
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in expected.finditer(text)
            ]


def test_a_labels_region_is_the_patterns_first_match_kept_per_label() -> None:
    from kg.extract import war_regions as module
    from kg.extract.lexicon import load
    from kg.extract.war_regions import WarRegions

    war = WarRegions(load())
    region = sorted(war.regions)[0]
    labels = [f"Lowtown, {region.title()}", "Lowtown", f"Upper {region}", "Lowtown"]
    for label in labels * 2:
        found = war.region_names.search(label)
        expected = war.regions[found.group(0).lower()] if found else ""
        assert war.region_country(label) == expected
    assert war.region_country(labels[0]) != "" and war.region_country("Lowtown") == ""
    assert set(war._region_of) == set(labels)
    kept, module._LABELS_KEPT = module._LABELS_KEPT, 2
    try:  # the labels kept are bounded
        war.region_country("Hightown")
        assert len(war._region_of) <= 2
    finally:
        module._LABELS_KEPT = kept


def test_a_region_matched_by_unicode_case_folding_is_found_in_the_lexicon() -> None:
    """The pattern ignores case as ``re`` does: a Turkish dotted capital I, a dotless i and a
    long s match "i" and "s", and must find their region, not raise."""
    from kg.extract.lexicon import load
    from kg.extract.war_regions import WarRegions

    war = WarRegions(load())
    assert war.region_country("\u0130zmir") == war.region_country("Izmir") == "TR"
    assert war.region_country("\u0130ZM\u0130R") == "TR"
    assert war.region_country("Diyarbak\u0131r") == war.region_country("Diyarbakir") == "TR"
    assert war.region_country("\u017fouth Waziristan") == war.region_country("South Waziristan")
    assert war.region_country("South Waziristan") == "PK"


def test_places_that_tie_give_the_main_country_among_them() -> None:
    """Regression: "... accused Pakistan of backing militants. Separately, troops killed two
    militants in the Kupwara district" gave the places' tie to the first country named, whose
    the unnamed actors of an Indian story then were."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from kg.extract.found import Found
    from kg.extract.lexicon import load
    from kg.extract.war_regions import WarRegions
    from kg.model import PlaceType

    doc = Doc(Vocab(), words=["Lowland", "and", "Kupwara"])
    found = [
        Found("place", 0, 1, "lowland", "Lowland", place_type=PlaceType.COUNTRY, country="PK"),
        Found("place", 2, 3, "kupwara", "Kupwara", place_type=PlaceType.DISTRICT),
    ]
    war = WarRegions(load())
    assert war.event_country(doc, found) == "PK"
    assert war.event_country(doc, found, main="IN") == "IN"
    assert war.event_country(doc, found[:1], main="IN") == "PK"
