"""Dstl re3d as gold for entity spans (people, organisations, locations) and for the relations
between actors (FightingAgainst, AlliesOf).

re3d's folder holds sub-folders (CENTCOM, UK_Government...), each with three JSON Lines files:
``documents.json`` (``_id``, ``text``...), ``entities.json`` (``documentId``, ``begin``,
``end``, ``type``) and ``relations.json`` (``documentId``, ``type``, ``sourceBegin``,
``sourceEnd``, ``targetBegin``, ``targetEnd``); offsets are characters of ``text``. Each
document is one article, its text given to kg unchanged so that offsets compare.

Entities: re3d's Person is a kg actor typed person; Organisation, a kg actor of any other
type; Location, a kg place. Exact: a span counts when start, end and class are equal (P/R/F1
per class, micro over the three = the headline). Overlap: a predicted span is right when it
overlaps a gold span of its class, a gold span found when a predicted one of its class
overlaps it. Untyped: exact spans, class ignored.

Relations: a predicted relation's ends are its actors' mentions in its sentence. It matches a
gold relation of its kind when an end overlaps the gold source span and the other the gold
target span: in that order for FightingAgainst (kg's source is the side that used violence,
as re3d's is), in either order for AlliesOf; one gold relation per prediction at most.
Gold relations repeat per document as re3d lists them (FightingAgainst both ways when
annotated both ways; AlliesOf once per unordered pair). The headline counts the gold
relations whose two ends re3d types Person or Organisation (relations between actors, which
is what kg extracts); the figures over every gold relation, whatever its ends (weapons,
places), are given beside it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import ActorType, Article, Extraction, RelationKind

__all__ = [
    "CLASSES",
    "RELATION_TYPES",
    "Document",
    "GoldRelation",
    "Re3dPrediction",
    "match_relations",
    "overlaps",
    "predict_re3d",
    "read_documents",
]

CLASSES: dict[str, str] = {
    "Person": "person",
    "Organisation": "organisation",
    "Location": "location",
}
ACTOR_CLASSES = frozenset({"person", "organisation"})
RELATION_TYPES: dict[str, RelationKind] = {
    "FightingAgainst": RelationKind.FIGHTING_AGAINST,
    "AlliesOf": RelationKind.ALLIES_OF,
}
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
    ]
)
FILES = ("documents.json", "entities.json", "relations.json")

Extent = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldRelation:
    kind: RelationKind
    source: Extent
    target: Extent
    actors: bool  # both ends are re3d Person or Organisation entities


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    folder: str  # the sub-folder (re3d's source): CENTCOM, Wikipedia...
    text: str
    entities: frozenset[tuple[int, int, str]]  # (begin, end, kg class)
    relations: tuple[GoldRelation, ...]

    @property
    def article(self) -> Article:
        return Article(id=f"re3d-{self.id}", text=self.text, origin=f"re3d:{self.folder}")


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"is not JSON Lines ({exc.msg})", number) from exc
        if not isinstance(row, dict):
            raise InputError(str(path), "holds a line that is not a JSON object", number)
        yield number, row


def _folders(path: Path) -> list[Path]:
    if not path.is_dir():
        raise InputError(str(path), "is not a folder; give re3d's folder or one of its sub-folders")
    if (path / "documents.json").is_file():
        return [path]
    folders = sorted(p for p in path.iterdir() if (p / "documents.json").is_file())
    if not folders:
        raise InputError(str(path), "holds no documents.json, nor sub-folders with one")
    return folders


def read_documents(path: Path) -> list[Document]:
    """The documents of re3d's folder (every sub-folder) or of one sub-folder, with their gold
    entities of the three classes and their FightingAgainst and AlliesOf relations."""
    docs = []
    for folder in _folders(path):
        for name in FILES[1:]:
            if not (folder / name).is_file():
                raise InputError(
                    str(folder / name), "is missing; re3d's folders hold " + ", ".join(FILES)
                )
        types: dict[str, dict[Extent, str]] = {}
        entities: dict[str, set[tuple[int, int, str]]] = {}
        for number, row in _lines(folder / "entities.json"):
            try:
                doc_id, extent = str(row["documentId"]), (int(row["begin"]), int(row["end"]))
                types.setdefault(doc_id, {})[extent] = str(row["type"])
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(
                    str(folder / "entities.json"), f"bad entity ({exc})", number
                ) from exc
            if row["type"] in CLASSES:
                entities.setdefault(doc_id, set()).add((*extent, CLASSES[row["type"]]))
        relations: dict[str, list[GoldRelation]] = {}
        for number, row in _lines(folder / "relations.json"):
            if row.get("type") not in RELATION_TYPES:
                continue
            try:
                doc_id = str(row["documentId"])
                source = (int(row["sourceBegin"]), int(row["sourceEnd"]))
                target = (int(row["targetBegin"]), int(row["targetEnd"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(
                    str(folder / "relations.json"), f"bad relation ({exc})", number
                ) from exc
            ends = types.get(doc_id, {})
            actors = all(CLASSES.get(ends.get(e, "")) in ACTOR_CLASSES for e in (source, target))
            relations.setdefault(doc_id, []).append(
                GoldRelation(RELATION_TYPES[row["type"]], source, target, actors)
            )
        for number, row in _lines(folder / "documents.json"):
            if not isinstance(row.get("_id"), str) or not isinstance(row.get("text"), str):
                raise InputError(
                    str(folder / "documents.json"), "a document needs _id and text", number
                )
            doc_id = row["_id"]
            docs.append(
                Document(
                    doc_id,
                    folder.name,
                    row["text"],
                    frozenset(entities.get(doc_id, ())),
                    _unique(relations.get(doc_id, [])),
                )
            )
    return docs


def _unique(relations: list[GoldRelation]) -> tuple[GoldRelation, ...]:
    """One AlliesOf per unordered pair (re3d often lists both orders); others as listed."""
    seen: set[tuple[RelationKind, Extent, Extent]] = set()
    out = []
    for r in relations:
        first, second = r.source, r.target
        if r.kind is RelationKind.ALLIES_OF:
            first, second = min(first, second), max(first, second)
        key = (r.kind, first, second)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class PredictedRelation:
    kind: RelationKind
    source: tuple[Extent, ...]  # the source actor's mentions in the relation's sentence
    target: tuple[Extent, ...]
    text: str  # "source label -> target label", for examples
    sentence: Extent


@dataclass(frozen=True, slots=True)
class Re3dPrediction:
    """What kg found in one document, reduced to spans."""

    entities: frozenset[tuple[int, int, str]]
    relations: tuple[PredictedRelation, ...]
    failed: str | None = None


def _class(actor_type: ActorType) -> str:
    return "person" if actor_type is ActorType.PERSON else "organisation"


def predict_re3d(extraction: Extraction) -> Re3dPrediction:
    spans = {(m.start, m.end, _class(a.actor_type)) for a in extraction.actors for m in a.mentions}
    spans |= {(m.start, m.end, "location") for p in extraction.places for m in p.mentions}
    actors = {a.key: a for a in extraction.actors}
    relations = []
    for r in extraction.relations:
        s = r.sentence

        def inside(key: str, s: Any = s) -> tuple[Extent, ...]:
            return tuple(
                (m.start, m.end) for m in actors[key].mentions if s.start <= m.start < s.end
            )

        text = f"{actors[r.source].label} -> {actors[r.target].label}"
        relations.append(
            PredictedRelation(r.kind, inside(r.source), inside(r.target), text, (s.start, s.end))
        )
    return Re3dPrediction(frozenset(spans), tuple(relations))


def overlaps(a: Extent, b: Extent) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _hits(p: PredictedRelation, g: GoldRelation, directed: bool) -> bool:
    def ends(src: Extent, tgt: Extent) -> bool:
        return any(overlaps(x, src) for x in p.source) and any(overlaps(x, tgt) for x in p.target)

    return ends(g.source, g.target) or (not directed and ends(g.target, g.source))


def match_relations(
    predicted: tuple[PredictedRelation, ...], gold: tuple[GoldRelation, ...], directed: bool
) -> tuple[list[PredictedRelation], list[GoldRelation]]:
    """Greedy one-to-one matching in text order: the predictions and gold relations left
    unmatched. AlliesOf always matches in either order; FightingAgainst in order when
    ``directed``."""
    left = list(gold)
    extra = []
    for p in predicted:
        order = directed and p.kind is RelationKind.FIGHTING_AGAINST
        hit = next((g for g in left if g.kind is p.kind and _hits(p, g, order)), None)
        if hit is None:
            extra.append(p)
        else:
            left.remove(hit)
    return extra, left
