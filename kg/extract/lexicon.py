"""The extractor's data files, loaded once: triggers, named actors, countries, word lists.

All of them live in ``kg/data`` and are meant to be edited by users; this module only parses
them and fails with the file and line when one is malformed.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ResourceError
from kg.model import ActorType
from kg.resources import data_dir

TRIGGER_RULES = frozenset(
    {"territory", "territory-loss", "attack", "bombard", "kill", "conflict", "statement",
     "found-body", "protest-block", "labour-strike", "violence", "weapons-find", "release", "death",
     "strike", "hit", "projectile", "movement", "freeing", "crowd-force"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Trigger:
    lemmas: tuple[str, ...]
    pos: str  # VERB, NOUN or ANY
    event_class: str  # an event-type concept id or one of TRIGGER_RULES


@dataclass(frozen=True, slots=True)
class NamedActor:
    key: str
    label: str
    actor_type: ActorType
    country: str  # ISO alpha-2 or ""
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    actors: tuple[NamedActor, ...]
    countries: tuple[Country, ...]
    words: dict[str, Any]  # lexicon.toml
    prefixes: tuple[tuple[str, str], ...] = ()  # category label -> event type (prefixes.tsv)
    wikidata: dict[str, str] = field(default_factory=dict)  # actor key -> QID (actor_ids.tsv)

    def word_set(self, *path: str) -> frozenset[str]:
        """The word list at ``path`` in lexicon.toml (``"events", "air_words"``; ``"actors",
        "facilities", "words"``), built on the first call and kept: the rules ask per article."""
        try:
            return self._word_sets[path]
        except KeyError:
            words: Any = self.words
            for key in path:
                words = words[key]
            return self._word_sets.setdefault(path, frozenset(words))

    @functools.cached_property
    def _word_sets(self) -> dict[tuple[str, ...], frozenset[str]]:
        return {}

    @functools.cached_property
    def country_by_iso(self) -> dict[str, Country]:
        return {c.iso: c for c in self.countries}


def _rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    if not path.is_file():
        raise ResourceError(path, "missing: reinstall kg or restore the file")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < columns:
            cells += [""] * (columns - len(cells))
        if len(cells) != columns:
            raise ResourceError(path, f"line {number}: expected {columns} tab-separated columns")
        rows.append((number, [c.strip() for c in cells]))
    return rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


def load_triggers(path: Path) -> tuple[Trigger, ...]:
    from kg.rdf.taxonomy_ids import EVENT_TYPE_IDS

    triggers = []
    for number, (lemmas, pos, event_class) in _rows(path, 3):
        if pos not in ("VERB", "NOUN", "ANY"):
            raise ResourceError(path, f"line {number}: part of speech must be VERB, NOUN or ANY")
        if event_class not in TRIGGER_RULES and event_class not in EVENT_TYPE_IDS:
            raise ResourceError(path, f"line {number}: unknown event class {event_class!r}")
        triggers.append(Trigger(tuple(lemmas.lower().split()), pos, event_class))
    return tuple(triggers)


def load_actors(path: Path) -> tuple[NamedActor, ...]:
    actors = []
    for number, (key, label, type_, country, aliases) in _rows(path, 5):
        try:
            actor_type = ActorType(type_)
        except ValueError:
            raise ResourceError(path, f"line {number}: unknown actor type {type_!r}") from None
        actors.append(NamedActor(key, label, actor_type, country, _split(aliases)))
    return tuple(actors)


_QID = re.compile(r"Q[1-9][0-9]*")


def load_actor_ids(path: Path, actor_keys: frozenset[str]) -> dict[str, str]:
    """Wikidata ids of gazetteer actors: ``key -> QID``. Every key must be one of
    ``actor_keys``, every id a well-formed QID given to one actor only, and every row must say
    where the id was seen."""
    ids: dict[str, str] = {}
    lines: dict[str, int] = {}  # key or QID -> the line that gave it
    for number, (key, qid, source) in _rows(path, 3):
        problem = _actor_id_problem(key, qid, source, actor_keys, lines)
        if problem:
            raise ResourceError(path, f"line {number}: {problem}")
        ids[key] = qid
        lines[key] = lines[qid] = number
    return ids


def _actor_id_problem(
    key: str, qid: str, source: str, actor_keys: frozenset[str], lines: dict[str, int]
) -> str | None:
    if key not in actor_keys:
        return (
            f"unknown actor key {key!r}: use a key of actors.tsv (its first column), "
            "or add the actor there first"
        )
    if not _QID.fullmatch(qid):
        return f"{qid!r} is not a Wikidata item id (Q and a number, e.g. Q42)"
    if not source:
        return "say where the id was seen (a URL or repository/path) in the third column"
    if key in lines:
        return f"{key!r} already has an id on line {lines[key]}"
    if qid in lines:
        return f"{qid} is already the id of line {lines[qid]}: two actors cannot be one item"
    return None


def load_countries(path: Path) -> tuple[Country, ...]:
    return tuple(
        Country(iso, name, _split(aliases), _split(demonyms))
        for _, (iso, name, aliases, demonyms) in _rows(path, 4)
    )


def load_prefixes(path: Path) -> tuple[tuple[str, str], ...]:
    from kg.rdf.taxonomy_ids import EVENT_TYPE_IDS

    prefixes = []
    for number, (label, event_type) in _rows(path, 2):
        if event_type not in EVENT_TYPE_IDS:
            raise ResourceError(path, f"line {number}: unknown event type {event_type!r}")
        prefixes.append((label.lower(), event_type))
    # longest first, so "Change to group/activity" wins over a shorter label it starts with
    return tuple(sorted(prefixes, key=lambda p: -len(p[0])))


def read_toml(path: Path) -> dict[str, Any]:
    """A shipped TOML word list, or a ``ResourceError`` naming the file."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(path, str(exc)) from exc


@functools.cache
def read_words(name: str, section: str, key: str) -> frozenset[str]:
    """One lower-cased word list of a shipped TOML file (``kg/data/NAME``, ``[section] key``),
    or a ``ResourceError`` naming the file and the list."""
    path = data_dir() / name
    try:
        return frozenset(str(w).lower() for w in read_toml(path)[section][key])
    except (KeyError, TypeError) as exc:
        raise ResourceError(path, f"missing or malformed list [{section}] {key} ({exc})") from exc


@functools.cache
def load(folder: Path | None = None) -> Lexicon:
    folder = folder or data_dir()
    words = read_toml(folder / "lexicon.toml")
    actors = load_actors(folder / "actors.tsv")
    keys = frozenset(a.key for a in actors)
    return Lexicon(
        triggers=load_triggers(folder / "triggers.tsv"),
        actors=actors,
        countries=load_countries(folder / "countries.tsv"),
        words=words,
        prefixes=load_prefixes(folder / "prefixes.tsv"),
        wikidata=load_actor_ids(folder / "actor_ids.tsv", keys),
    )
