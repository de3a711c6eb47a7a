"""The actor type and label a common noun names an actor by (kg/extract/generic_entries.py);
the generic actors these make are tested end to end in test_generic.py."""

from __future__ import annotations

from typing import Any


def test_a_noun_the_columns_pass_over_has_no_actor_entry(extractor: Any) -> None:
    """``GenericActors.find`` reads the lemma and spelling columns before it makes a
    ``Token``: every noun to which ``GenericEntries.entry`` gives an actor, a machine or a group
    must pass ``may_name``, or ``find`` would lose it."""
    rules = extractor.mentions.generics.entries
    text = (
        "Gunmen killed five Christians and two Yazidis in Lowtown. Rebels attacked Highfield, "
        "and Norland tanks shelled the armed groups. Members of the Abu Lowa tribe clashed "
        "with police officers, militiamen and a militia leader. Unknown assailants, soldiers "
        "and protesters fled; twelve Shiites were killed and helicopters struck fighters."
    )
    doc = extractor.nlp(text)
    entries = [t for t in doc if t.pos_ in ("NOUN", "PROPN") and rules.entry(t) is not None]
    assert len(entries) >= 10
    for token in doc:
        if rules.entry(token) is not None:
            assert rules.may_name(token.lemma_.lower(), token.lower_), token.text
    assert not rules.may_name("bridge", "bridge")
