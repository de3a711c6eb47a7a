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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.evaluate.scoring import PRF, f1_of
from kg.model import ActorType, Article, Extraction, RelationKind

__all__ = [
    "CLASSES",
    "RELATION_TYPES",
    "Document",
    "GoldRelation",
    "Re3dPrediction",
    "Re3dReport",
    "Re3dTally",
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
EXAMPLE_CHARS = 200

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


def _overlaps(a: Extent, b: Extent) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _hits(p: PredictedRelation, g: GoldRelation, directed: bool) -> bool:
    def ends(src: Extent, tgt: Extent) -> bool:
        return any(_overlaps(x, src) for x in p.source) and any(_overlaps(x, tgt) for x in p.target)

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


@dataclass(slots=True)
class Overlap:
    """Lenient span scores: predictions that overlap a gold span, gold spans overlapped."""

    pred_hits: int = 0
    pred_total: int = 0
    gold_hits: int = 0
    gold_total: int = 0

    @property
    def precision(self) -> float:
        return self.pred_hits / self.pred_total if self.pred_total else 0.0

    @property
    def recall(self) -> float:
        return self.gold_hits / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.pred_total,
            "gold": self.gold_total,
        }


@dataclass(slots=True)
class Re3dTally:
    """Counters over a stream of (document, prediction) pairs."""

    keep_examples: int = 10
    documents: int = 0
    failed: int = 0
    exact: dict[str, PRF] = field(default_factory=lambda: {c: PRF() for c in CLASSES.values()})
    overlap: Overlap = field(default_factory=Overlap)
    untyped: PRF = field(default_factory=PRF)
    by_folder: dict[str, PRF] = field(default_factory=dict)
    pronouns: int = 0  # gold spans that are a pronoun (kg resolves no pronouns)
    relations: dict[str, PRF] = field(default_factory=dict)  # view -> counts
    by_kind: dict[str, PRF] = field(default_factory=dict)  # headline view, per kind
    no_mention: int = 0  # predicted relations with an end not mentioned in its sentence
    missed_spans: Counter[tuple[str, str]] = field(default_factory=Counter)
    extra_spans: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)

    def add(self, doc: Document, pred: Re3dPrediction) -> None:
        self.documents += 1
        self.failed += pred.failed is not None
        self._entities(doc, pred)
        self._relations(doc, pred)

    def _entities(self, doc: Document, pred: Re3dPrediction) -> None:
        gold, found = doc.entities, pred.entities
        folder = self.by_folder.setdefault(doc.folder, PRF())
        folder.add(gold, found)
        for cls, prf in self.exact.items():
            prf.add({g for g in gold if g[2] == cls}, {p for p in found if p[2] == cls})
        self.untyped.add({g[:2] for g in gold}, {p[:2] for p in found})
        o = self.overlap
        o.pred_total += len(found)
        o.gold_total += len(gold)
        o.pred_hits += sum(
            any(g[2] == p[2] and _overlaps(p[:2], g[:2]) for g in gold) for p in found
        )
        o.gold_hits += sum(
            any(g[2] == p[2] and _overlaps(p[:2], g[:2]) for p in found) for g in gold
        )
        for g in gold - found:
            words = doc.text[g[0] : g[1]]
            self.pronouns += words.lower() in PRONOUNS
            self.missed_spans[g[2], words] += 1
        for p in found - gold:
            self.extra_spans[p[2], doc.text[p[0] : p[1]]] += 1

    def _relations(self, doc: Document, pred: Re3dPrediction) -> None:
        self.no_mention += sum(not (p.source and p.target) for p in pred.relations)
        views = {
            "actors": ([g for g in doc.relations if g.actors], True),
            "actors_undirected": ([g for g in doc.relations if g.actors], False),
            "all_gold": (list(doc.relations), True),
        }
        for view, (gold, directed) in views.items():
            extra, missed = match_relations(pred.relations, tuple(gold), directed)
            prf = self.relations.setdefault(view, PRF())
            prf.tp += len(pred.relations) - len(extra)
            prf.fp += len(extra)
            prf.fn += len(missed)
            if view != "actors":
                continue
            for kind in RelationKind:
                k = self.by_kind.setdefault(kind.value, PRF())
                n_pred = sum(p.kind is kind for p in pred.relations)
                k.fp += sum(p.kind is kind for p in extra)
                k.tp += n_pred - sum(p.kind is kind for p in extra)
                k.fn += sum(g.kind is kind for g in missed)
            self._keep(doc, extra, missed)

    def _keep(
        self, doc: Document, extra: list[PredictedRelation], missed: list[GoldRelation]
    ) -> None:
        """The first errors of each kind: up to ``keep_examples`` extra, as many missed."""
        for p in extra:
            if len(self.examples) < self.keep_examples:
                self.examples.append(_example(doc, "extra", p.kind, p.text, p.sentence))
        for g in missed:
            if len(self.examples) < self.keep_examples * 2:
                text = f"{doc.text[slice(*g.source)]} -> {doc.text[slice(*g.target)]}"
                self.examples.append(_example(doc, "missed", g.kind, text, _around(g)))

    def micro(self) -> PRF:
        total = PRF()
        for prf in self.exact.values():
            total.tp, total.fp, total.fn = total.tp + prf.tp, total.fp + prf.fp, total.fn + prf.fn
        return total

    def report(self, **meta: Any) -> Re3dReport:
        return Re3dReport(self, meta)


def _example(
    doc: Document, error: str, kind: RelationKind, relation: str, extent: Extent
) -> dict[str, Any]:
    return {
        "document": doc.id,
        "error": error,
        "kind": kind.value,
        "relation": relation,
        "sentence": _cut(doc.text, extent),
    }


def _around(g: GoldRelation) -> Extent:
    return min(g.source[0], g.target[0]), max(g.source[1], g.target[1])


def _cut(text: str, extent: Extent, size: int = EXAMPLE_CHARS) -> str:
    piece = " ".join(text[extent[0] : extent[1]].split())
    return piece if len(piece) <= size else piece[: size - 1] + "…"


@dataclass(frozen=True, slots=True)
class Re3dReport:
    tally: Re3dTally
    meta: dict[str, Any]

    def headline(self) -> dict[str, tuple[float | None, int]]:
        t = self.tally
        entities, relations = t.micro(), t.relations.get("actors", PRF())
        return {
            "re3d_entity_f1": (entities.f1, entities.support),
            "re3d_relation_f1": (relations.f1, relations.support),
        }

    def to_json(self) -> dict[str, Any]:
        from kg.evaluate.report import figures_json

        t = self.tally
        return {
            "dataset": "re3d",
            **self.meta,
            "documents": t.documents,
            "failed": t.failed,
            "figures": figures_json(self.headline()),
            "entities": {
                "exact": {
                    "micro": t.micro().to_json(),
                    **{c: p.to_json() for c, p in t.exact.items()},
                },
                "overlap": t.overlap.to_json(),
                "untyped": t.untyped.to_json(),
                "by_folder": {f: p.to_json() for f, p in sorted(t.by_folder.items())},
                "gold_pronouns_missed": t.pronouns,
                "most_missed": _common(t.missed_spans),
                "most_extra": _common(t.extra_spans),
            },
            "relations": {
                **{view: p.to_json() for view, p in t.relations.items()},
                "by_kind": {k: p.to_json() for k, p in t.by_kind.items()},
                "predicted_without_mention": t.no_mention,
            },
            "examples": t.examples,
        }


def _common(counter: Counter[tuple[str, str]], n: int = 15) -> list[dict[str, Any]]:
    return [{"class": c, "text": w, "count": k} for (c, w), k in counter.most_common(n)]
