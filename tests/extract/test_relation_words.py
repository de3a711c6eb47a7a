"""The word lists of the relation rules (kg/extract/relation_words.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ResourceError
from kg.extract.relation_words import load_words


def test_a_sub_event_type_is_violent_through_its_parent() -> None:
    words = load_words()
    assert words.violent("battles") and words.violent("armed-clash")
    assert words.violent("air-drone-strike")  # under explosions/remote violence
    assert not words.violent("peaceful-protest")


def test_the_repel_heads_drop_the_particles() -> None:
    heads = load_words().repel_heads
    assert {"hold", "fight", "beat", "push", "repel"} <= heads
    assert "hold off" not in heads


def test_the_word_sets_the_rules_read_per_sentence_are_built_once() -> None:
    from kg.extract.alliance_cues import _starts as alliance_starts
    from kg.extract.fight_cues import _starts as fight_starts
    from kg.extract.statements import _cues

    words = load_words()
    assert words.repel_heads is words.repel_heads
    assert _cues(words) is _cues(words) and {"from"} | words.give_verbs <= _cues(words)
    alliance = alliance_starts(words)
    assert alliance is alliance_starts(words) and words.fight_verbs <= alliance
    fight = fight_starts(alliance, words)
    assert fight is fight_starts(alliance, words) and alliance | {"pit", "oppose"} <= fight


def test_the_siding_verbs_are_the_lexicons_one_list() -> None:
    from kg.extract.lexicon import load

    siding = load().word_set("events", "siding_verbs")
    assert "pit" in siding and load_words().siding_verbs == siding


def test_a_missing_list_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "relations.toml"
    path.write_text('[events]\nviolent_types = ["battles"]\n', encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        load_words(path)
    assert info.value.path == path and "missing or malformed" in info.value.reason
