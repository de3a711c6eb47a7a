from kg.rdf.taxonomy import event_type_labels
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES, EVENT_TYPE_IDS


def test_the_ids_code_uses_are_the_taxonomy_concepts() -> None:
    assert set(event_type_labels()) == EVENT_TYPE_IDS


def test_labels_are_acled_names() -> None:
    labels = event_type_labels()
    assert labels["shelling-artillery-missile-attack"] == "Shelling/artillery/missile attack"
    assert labels["non-state-actor-overtakes-territory"] == "Non-state actor overtakes territory"
    assert len(ACLED_EVENT_TYPES) == 6
    assert sum(len(subs) for subs in ACLED_EVENT_TYPES.values()) == 25
