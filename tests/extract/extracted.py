"""What the extractor finds in one made-up text, reduced for assertions (shared by the
extraction tests; not a test module)."""

from __future__ import annotations

from typing import Any

from kg.model import Article, Event, Extraction
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES

__all__ = [
    "ACLED_SUB_TYPES",
    "acled_events",
    "acled_types",
    "actor_labels",
    "actor_mentions",
    "extract",
    "mentions_by_label",
    "top_event_type",
]

ACLED_SUB_TYPES = frozenset(s for subs in ACLED_EVENT_TYPES.values() for s in subs)


def acled_events(extractor: Any, text: str) -> list[Event]:
    """The events of ACLED's 25 sub-event types found in ``text``."""
    events = extractor.extract_one(Article("t", text)).events
    return [e for e in events if e.event_type in ACLED_SUB_TYPES]


def acled_types(extractor: Any, text: str) -> list[str]:
    """The sub-event types of ``acled_events``, in their order."""
    return [e.event_type for e in acled_events(extractor, text)]


def top_event_type(extractor: Any, text: str) -> str | None:
    """The sub-event type of the most confident ACLED event (ties: the earliest trigger)."""
    events = acled_events(extractor, text)
    if not events:
        return None
    return min(events, key=lambda e: (-e.confidence, e.trigger.start)).event_type


def actor_mentions(extractor: Any, text: str) -> dict[str, list[str]]:
    """Each actor's key with the words of its mentions, in text order."""
    extraction = extractor.extract_one(Article("t", text))
    return {a.key: [m.text for m in a.mentions] for a in extraction.actors}


def mentions_by_label(extractor: Any, text: str) -> dict[str, list[str]]:
    """Each actor's label with the words of its mentions, in text order."""
    extraction = extractor.extract_one(Article("t", text))
    return {a.label: [m.text for m in a.mentions] for a in extraction.actors}


def extract(extractor: Any, text: str) -> Extraction:
    """The whole extraction of ``text``."""
    extraction: Extraction = extractor.extract_one(Article("t", text))
    return extraction


def actor_labels(extraction: Extraction, keys: tuple[str, ...]) -> set[str]:
    """The labels of the actors ``keys`` name (a key with no actor stays itself)."""
    by_key = {a.key: a.label for a in extraction.actors}
    return {by_key.get(k, k) for k in keys}
