"""Headlines the model read as one noun phrase: the verb is read as the verb
(kg/extract/headlines.py). Made-up headlines, real model."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article
from tests.extract.extracted import acled_events, extract

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "verb", "subject", "obj"),
    [
        ("Police battle armed gangsters", "battle", "Police", "gangsters"),
        ("Raiders attack herders", "attack", "Raiders", "herders"),
        ("Youths torch police post", "torch", "Youths", "post"),
        ("Militia raid Lowtown village", "raid", "Militia", "village"),
        ("Gunmen from Lowtown attack Hightown village", "attack", "Gunmen", "village"),
        # a participle the model made the root describes the object
        ("Militia kills wanted bandit leader", "kills", "Militia", "leader"),
        ("Bandits abduct wanted trader", "abduct", "Bandits", "trader"),
        # a present participle the model made the root describes the noun before it
        ("Lowland police fire tear gas at Smith supporters marching on Lowtown", "fire",
         "police", "gas"),
    ],
)  # fmt: skip
def test_a_headline_verb_is_the_root(
    extractor: Any, text: str, verb: str, subject: str, obj: str
) -> None:
    doc = extractor.nlp(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert (root.text, root.pos_) == (verb, "VERB")
    assert {c.dep_: c.text for c in root.children} == {"nsubj": subject, "dobj": obj}
    assert len(list(doc.sents)) == 1
    assert all(t.head.i != t.i for t in doc if t.i != root.i)  # one tree


def test_a_participle_after_the_object_describes_its_noun(extractor: Any) -> None:
    """ "supporters marching on Lowtown": the marchers, not the headline's verb."""
    doc = extractor.nlp("Lowland police fire tear gas at Smith supporters marching on Lowtown")
    marching = next(t for t in doc if t.text == "marching")
    assert (marching.dep_, marching.head.text) == ("acl", "supporters")


def test_a_headline_with_an_auxiliary_keeps_its_participle(extractor: Any) -> None:
    """ "Supporters are marching on Lowtown": a verb the headline tells, untouched."""
    doc = extractor.nlp("Smith supporters are marching on Lowtown")
    assert next(t for t in doc if t.dep_ == "ROOT").text == "marching"


@pytest.mark.parametrize(
    ("text", "verb", "joined", "obj"),
    [
        ("Raiders attack village, steal cattle", "attack", "steal", "cattle"),
        ("Gunmen kill farmers, torch houses in Lowtown", "kill", "torch", "houses"),
    ],
)
def test_a_verb_after_a_comma_is_joined(
    extractor: Any, text: str, verb: str, joined: str, obj: str
) -> None:
    doc = extractor.nlp(text)
    second = next(t for t in doc if t.text == joined)
    assert (second.pos_, second.dep_, second.head.text) == ("VERB", "conj", verb)
    assert {c.dep_: c.text for c in second.children} == {"dobj": obj}
    assert all(t.head.i != t.i for t in doc if t.dep_ != "ROOT")  # one tree


def test_a_name_after_the_comma_is_not_joined(extractor: Any) -> None:
    doc = extractor.nlp("Raiders attack Lowtown village, Raid Valley")
    assert next(t for t in doc if t.text == "Raid").dep_ != "conj"


@pytest.mark.parametrize(
    "text",
    [
        "The Attack Helicopter Battalion arrived in Lowtown.",  # a verb at the root
        "Raiders attacked the village, torch marks show.",  # running text: as the model read it
        "Battle of Lowtown",  # no object after the noun
        "Lowtown attack helicopters.",  # a final period: running text, read as the model read it
        "Attack on Lowtown village",  # no subject before it
        "Defusal: grenade attack foiled",  # a word other than a noun before it
        "Police raid killed three traders",  # a participle of an event verb is the verb
    ],
)
def test_names_and_sentences_stay_as_parsed(extractor: Any, text: str) -> None:
    with extractor.nlp.select_pipes(disable=["kg_headlines"]):
        model = extractor.nlp(text)
    mended = extractor.nlp(text)
    assert [(t.pos_, t.dep_, t.head.i) for t in mended] == [
        (t.pos_, t.dep_, t.head.i) for t in model
    ]


@pytest.mark.parametrize(
    ("text", "event_type", "agent_label"),
    [
        ("Police battle armed gangsters in Lowtown", "armed-clash", "Police Forces"),
        ("Police Battle Armed Gangsters", "armed-clash", "Police Forces"),
        ("Youths torch police post in Lowtown", None, None),
        ("Residents lynch suspected thief in Lowtown", "mob-violence", None),
        # two verbs joined by "and", the first read as a noun of a compound ("Lowtown attack")
        ("Residents of Lowtown attack and kill two thieves", "mob-violence", None),
    ],
)
def test_a_headline_tells_its_event_and_its_actor(
    extractor: Any, text: str, event_type: str | None, agent_label: str | None
) -> None:
    events = acled_events(extractor, text)
    assert events, text
    if event_type is not None:
        assert events[0].event_type == event_type
    if agent_label is not None:
        extraction = extract(extractor, text)
        labels = {a.key: a.label for a in extraction.actors}
        assert agent_label in {labels.get(k, k) for e in events for k in e.agents}


def test_a_name_in_a_headline_stays_a_name(extractor: Any) -> None:
    extraction = extractor.extract_one(
        Article("t", "The Attack Helicopter Battalion arrived in Lowtown.")
    )
    assert not [e for e in extraction.events if e.event_type in ("attack", "armed-clash")]
    assert any("Attack Helicopter Battalion" in a.label for a in extraction.actors)


def test_a_mending_that_makes_no_tree_leaves_the_models_parse(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules walk heads up to the root: a mended parse whose heads ran in a circle would
    never end, so the model's parse is put back (a mending forced into a circle here)."""
    from kg.extract import headlines

    text = "Police battle armed gangsters"
    model = [(t.head.i, t.dep_) for t in _model_doc(extractor, text)]

    def circle(sent: Any, verb: Any) -> None:
        a, b = sent[0], sent[1]
        a.head, b.head = b, a

    monkeypatch.setattr(headlines, "_mend", circle)
    doc = _model_doc(extractor, text)
    headlines.HeadlineVerbs(["battle"])(doc)
    assert [(t.head.i, t.dep_) for t in doc] == model


def _model_doc(extractor: Any, text: str) -> Any:
    """The model's own parse, without the headline component."""
    with extractor.nlp.select_pipes(disable=["kg_headlines"]):
        return extractor.nlp(text)


@pytest.mark.parametrize(
    ("heads", "cyclic"),
    [([1, 1, 1, 2], False), ([1, 3, 1, 2], True), ([0, 0, 0], False)],
)
def test_a_circle_of_heads_is_found(heads: list[int], cyclic: bool) -> None:
    import spacy
    from spacy.tokens import Doc

    from kg.extract.headlines import _cyclic

    words = [f"w{i}" for i in range(len(heads))]
    deps = ["ROOT" if h == i else "dep" for i, h in enumerate(heads)]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0] * len(heads), deps=deps)
    for token, head in zip(doc, heads, strict=True):
        token.head = doc[head]
    assert _cyclic(doc[:]) is cyclic


def test_a_headline_verb_joined_by_and_to_another_is_the_root(extractor: Any) -> None:
    doc = extractor.nlp("Residents of Lowtown attack and kill two thieves")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert (root.text, root.pos_) == ("attack", "VERB")
    assert {(c.dep_, c.text) for c in root.children} >= {("nsubj", "Residents"), ("conj", "kill")}


@pytest.mark.parametrize(
    ("text", "verb", "subject", "joined"),
    [
        ("Rebels fire rockets at base in Lowtown, army strikes back", "fire", "Rebels", "strikes"),
        # a group's plural name the model tags as an adjective
        ("Houthis fire missiles at ship near Lowtown, navy strikes back", "fire", "Houthis",
         "strikes"),
    ],
)  # fmt: skip
def test_a_first_clause_verb_before_the_models_root_is_the_root(
    extractor: Any, text: str, verb: str, subject: str, joined: str
) -> None:
    doc = extractor.nlp(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert (root.text, root.pos_) == (verb, "VERB")
    assert {c.dep_: c.text for c in root.children if c.dep_ in ("nsubj", "conj")} == {
        "nsubj": subject,
        "conj": joined,
    }
    assert all(t.head.i != t.i for t in doc if t.i != root.i)  # one tree


@pytest.mark.parametrize(
    ("text", "verb", "subject", "clause", "clause_subject"),
    [
        ("Lowland police fire tear gas as indigenous farmers march on Lowtown", "fire", "police",
         "march", "farmers"),
        ("Police fire rubber bullets as angry farmers march on parliament", "fire", "Police",
         "march", "farmers"),
    ],
)  # fmt: skip
def test_a_first_clause_verb_before_as_is_the_root(
    extractor: Any, text: str, verb: str, subject: str, clause: str, clause_subject: str
) -> None:
    doc = extractor.nlp(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert (root.text, root.pos_) == (verb, "VERB")
    kids = {c.dep_: c for c in root.children}
    assert kids["nsubj"].text == subject
    assert kids["advcl"].text == clause
    assert [c.text for c in kids["advcl"].children if c.dep_ == "nsubj"] == [clause_subject]
    assert all(t.head.i != t.i for t in doc if t.i != root.i)  # one tree


def test_a_headline_whose_root_has_its_verb_keeps_its_as(extractor: Any) -> None:
    doc = extractor.nlp("Prices rise as farmers march on Lowtown")
    assert next(t for t in doc if t.dep_ == "ROOT").text == "rise"
