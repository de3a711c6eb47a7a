"""What an actor or a place of the mentions is (kg/extract/mention_kinds.py)."""

from __future__ import annotations

from kg.extract.found import Found, Mentions
from kg.extract.mention_kinds import is_crowd, is_local, is_unnamed, place_key_at
from kg.model import ActorType, PlaceType


def _mentions() -> Mentions:
    return Mentions(
        [
            Found("actor", 0, 1, "protesters-ll", "Protesters (Lowland)",
                  actor_type=ActorType.PROTESTERS),
            Found("actor", 2, 3, "gunmen-ll", "Unidentified Armed Group (Lowland)",
                  actor_type=ActorType.POLITICAL_MILITIA),
            Found("place", 4, 5, "lowtown", "Lowtown", place_type=PlaceType.TOWN),
            Found("place", 6, 7, "hill", "Hill", place_type=PlaceType.PROVINCE),
        ],
        "LL",
    )  # fmt: skip


def test_a_crowd_is_told_by_its_type_and_an_implied_actor_counts() -> None:
    mentions = _mentions()
    assert is_crowd(mentions, "protesters-ll")
    assert not is_crowd(mentions, "gunmen-ll")
    mentions.implied["civilians-ll"] = ("Civilians (Lowland)", ActorType.CIVILIANS)
    assert is_crowd(mentions, "civilians-ll")


def test_an_unnamed_group_is_told_by_its_label_whatever_its_country() -> None:
    labels = frozenset({"Unidentified Armed Group"})
    assert is_unnamed(_mentions(), labels, "gunmen-ll")
    assert not is_unnamed(_mentions(), labels, "protesters-ll")


def test_a_town_is_local_a_province_is_not() -> None:
    assert is_local(_mentions(), "lowtown")
    assert not is_local(_mentions(), "hill")


def test_a_place_key_is_read_only_where_a_place_is_named() -> None:
    mentions = _mentions()
    assert place_key_at(mentions, 4) == "lowtown"
    assert place_key_at(mentions, 0) is None  # an actor
    assert place_key_at(mentions, 1) is None  # nothing
