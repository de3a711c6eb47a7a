"""The concept ids of the event taxonomy (``ontology/taxonomy.ttl``), for code that must not
parse RDF to check a name. A test keeps this list equal to the taxonomy."""

from __future__ import annotations

ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "battles": (
        "armed-clash",
        "government-regains-territory",
        "non-state-actor-overtakes-territory",
    ),
    "explosions-remote-violence": (
        "chemical-weapon",
        "air-drone-strike",
        "suicide-bomb",
        "shelling-artillery-missile-attack",
        "remote-explosive-landmine-ied",
        "grenade",
    ),
    "violence-against-civilians": ("sexual-violence", "attack", "abduction-forced-disappearance"),
    "protests": (
        "peaceful-protest",
        "protest-with-intervention",
        "excessive-force-against-protesters",
    ),
    "riots": ("violent-demonstration", "mob-violence"),
    "strategic-developments": (
        "agreement",
        "arrests",
        "change-to-group-activity",
        "disrupted-weapons-use",
        "headquarters-or-base-established",
        "looting-property-destruction",
        "non-violent-transfer-of-territory",
        "other",
    ),
}
KG_EVENT_TYPES: tuple[str, ...] = ("statement", "displacement", "armed-conflict")

EVENT_TYPE_IDS: frozenset[str] = frozenset(
    [*ACLED_EVENT_TYPES, *(s for subs in ACLED_EVENT_TYPES.values() for s in subs), *KG_EVENT_TYPES]
)
