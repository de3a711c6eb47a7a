"""Where a noun phrase begins and ends (kg/extract/edges.py), on the real model's parse."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.edges import between_clean, left_edge, of_phrase_end
from tests.extract.extracted import mentions_by_label

pytestmark = pytest.mark.model


def _without_comma(pobj: Any) -> int:
    end = pobj.right_edge.i + 1
    while end > pobj.i + 1 and pobj.doc[end - 1].text in (",", ";", ":"):
        end -= 1
    return int(end)


def test_an_of_phrase_never_ends_with_a_comma(extractor: Any) -> None:
    # the parse hangs the list's comma on "Culture"
    doc = extractor.nlp(
        "The grant was announced at the Lowtown Ministry of Culture, State Board of Heritage "
        "(SBH) on Monday."
    )
    head = next(t for t in doc if t.text == "Ministry")
    assert not doc[of_phrase_end(head) - 1].is_punct


def test_the_government_of_iraq_ends_after_its_of_phrase(extractor: Any) -> None:
    doc = extractor.nlp("The Government of Iraq asked for help.")
    head = next(t for t in doc if t.text == "Government")
    assert doc[left_edge(head) : of_phrase_end(head)].text == "The Government of Iraq"
    verb = next(t for t in doc if t.text == "asked")
    assert of_phrase_end(verb) == verb.i + 1  # no "of" phrase: the word itself


def test_a_phrase_does_not_run_over_a_comma_or_a_new_sentence(extractor: Any) -> None:
    doc = extractor.nlp("Rebels attacked Halfaya, Hama. Troops withdrew.")
    comma = next(t.i for t in doc if t.text == ",")
    assert not between_clean(doc, comma - 1, comma + 2)
    second = next(t.i for t in doc if t.text == "Troops")
    assert not between_clean(doc, second - 2, second + 1)
    assert between_clean(doc, 0, 2)


def test_a_spaced_dash_ends_a_phrase_a_joining_hyphen_does_not(extractor: Any) -> None:
    doc = extractor.nlp("LOWTOWN - The pro-government militia struck the bridge.")
    dash, hyphen = (t.i for t in doc if t.text == "-")
    assert not between_clean(doc, dash - 1, dash + 2)
    assert between_clean(doc, hyphen - 1, hyphen + 2)


def test_a_dateline_is_no_part_of_a_body_s_name(extractor: Any) -> None:
    # regression: "BAGHDAD - Combined Joint Task Force - ..." was one mention of the body
    text = (
        "ERBIL, Iraq - Combined Joint Task Force - Operation Inherent Resolve said it struck "
        "targets."
    )
    spans = [m for ms in mentions_by_label(extractor, text).values() for m in ms]
    assert not any(s.startswith("Iraq -") for s in spans)
    assert "Combined Joint Task Force - Operation Inherent Resolve" in spans


def test_a_place_after_an_objectless_preposition_is_no_part_of_a_title(extractor: Any) -> None:
    # regression: "In Turkey Minister Ellwood met ..." made "Turkey Minister Ellwood" one mention
    text = "In Lowland Minister Pemberton met with the opposition."
    mentions = mentions_by_label(extractor, text)
    assert mentions["Pemberton"] == ["Minister Pemberton", "Pemberton"]


def _left_edge_by_tokens(root: Any) -> int:
    """left_edge as spaCy's Tokens give it (what edges.py read before it read the columns)."""
    start = root.i
    for child in reversed(list(root.lefts)):
        if child.dep_ not in {"det", "amod", "compound", "nmod", "poss"}:
            break
        edge = child.left_edge.i
        before = root.doc[edge - 1] if edge > 0 else None
        orphan = before is not None and before.pos_ == "ADP"
        if orphan and not any(c.dep_ in ("pobj", "pcomp") for c in before.children):
            while edge < root.i and root.doc[edge].ent_type_ in ("GPE", "LOC"):
                edge += 1
        if not between_clean(root.doc, edge, start):
            break
        start = edge
    return start


def test_edges_read_from_the_columns_are_the_tokens(extractor: Any) -> None:
    doc = extractor.nlp(
        "In Lowtown Governor Amara Sule met the eastern Lowtown district militia, a "
        "well-armed local force, and the Northern Hills army of Uplandia - the council said."
    )
    for token in doc:
        assert left_edge(token) == _left_edge_by_tokens(token), token.text
        assert of_phrase_end(token) == next(
            (
                _without_comma(next(c for c in child.children if c.dep_ == "pobj"))
                for child in token.rights
                if child.dep_ == "prep"
                and child.lower_ == "of"
                and any(c.dep_ == "pobj" for c in child.children)
            ),
            token.i + 1,
        )
    army = next(t for t in doc if t.text == "army")
    assert doc[left_edge(army) : of_phrase_end(army)].text == "the Northern Hills army of Uplandia"
    dash = next(t.i for t in doc if t.text == "-" and t.whitespace_)
    assert not between_clean(doc, dash - 1, dash + 2)  # a dash with spaces around it
    hyphen = next(t.i for t in doc if t.text == "-" and not t.whitespace_)
    assert between_clean(doc, hyphen - 1, hyphen + 2)  # "well-armed"
