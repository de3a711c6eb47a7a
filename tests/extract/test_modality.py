"""kg.extract.modality: whether a trigger word tells what happened, read over the parse."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract import parse_tree
from kg.extract.modality import Modality

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def modality(extractor: Any) -> Modality:
    return extractor.events.modality


def _told(extractor: Any, modality: Modality, text: str, word: str) -> bool:
    doc = extractor.nlp(text)
    tree = parse_tree.tree(doc)
    i = next(t.i for t in doc if t.text == word)
    return not modality.unreal(tree, i)


@pytest.mark.parametrize(
    ("text", "word", "told"),
    [
        ("Gunmen attacked the market in Lowtown.", "attacked", True),
        ("Gunmen did not attack the market in Lowtown.", "attack", False),
        ("Rebels may attack the town of Lowtown.", "attack", False),
        ("Rebels are trying to recapture Lowtown.", "recapture", False),
        ("Police foiled a planned attack on Lowtown.", "attack", False),
        ("Residents are demanding the arrest of the killers.", "arrest", False),
        ("The army denied that it shelled Lowtown.", "shelled", False),
        ("The dispute could lead to clashes in Lowtown.", "clashes", False),
        ("The dispute may have sparked clashes in Lowtown.", "clashes", True),
        ("Soldiers were killed in an attack on Lowtown.", "attack", True),
        ("The chief warned that any attack on Lowtown would be answered.", "attack", False),
        ("The junta has vowed to retake territory lost to the rebels.", "lost", False),
        ("Soldiers retook the town lost to the rebels last year.", "lost", True),
        ("Any clash in Lowtown is a breach of the truce, the mayor said.", "clash", False),
        ("The envoy called for an end to the regime's attacks on Lowtown.", "attacks", False),
        ("The UN urged a halt to the fighting in Lowtown.", "fighting", False),
        ("They called for an end to the attacks that killed 12 people.", "attacks", True),
        ("Rebels were asked to halt attacks on the road to Lowtown.", "attacks", False),
        ("The envoy pressed the regime to cease airstrikes on Lowtown.", "airstrikes", False),
        ("The army suspended air strikes on Lowtown for a week.", "strikes", False),
        ("Rebels halted the convoy and attacked it near Lowtown.", "attacked", True),
        ("They pressed the regime to end its attacks and strikes on Lowtown.", "strikes", False),
        ("They pressed the regime to end its strikes that kill civilians.", "kill", False),
        ("Rebels vowed to end the raids on their villages.", "raids", False),
        ("Protesters defied a government ban on protests in Lowtown.", "protests", False),
        ("The government banned all street demonstrations in Lowtown.", "demonstrations", False),
        ("Rallies were prohibited in Lowtown last week.", "Rallies", False),
        ("Hundreds joined a banned rally in Lowtown.", "rally", True),
    ],
)
def test_what_happened_and_what_did_not(
    extractor: Any, modality: Modality, text: str, word: str, told: bool
) -> None:
    assert _told(extractor, modality, text, word) is told
