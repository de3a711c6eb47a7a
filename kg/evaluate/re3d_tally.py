"""re3d figures: counters over (document, prediction) pairs, and the finished report.

``Re3dTally`` adds up exact, overlapping and untyped entity spans (per class and per
sub-folder) and relations under three views (between actors directed, undirected, all gold),
per kind and per sub-folder, with the spans most often missed or extra and the first wrong
relations as examples. The matching rules are in ``kg.evaluate.re3d``'s docstring.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kg.evaluate.re3d import (
    CLASSES,
    PRONOUNS,
    Document,
    Extent,
    GoldRelation,
    PredictedRelation,
    Re3dPrediction,
    match_relations,
    overlaps,
)
from kg.evaluate.scoring import PRF, f1_of
from kg.model import RelationKind

__all__ = ["Overlap", "Re3dReport", "Re3dTally"]

EXAMPLE_CHARS = 200


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
    pronouns: int = 0  # gold spans missed that are a pronoun ("we", "their")
    relations: dict[str, PRF] = field(default_factory=dict)  # view -> counts
    relations_by_folder: dict[str, PRF] = field(default_factory=dict)  # headline view
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
            any(g[2] == p[2] and overlaps(p[:2], g[:2]) for g in gold) for p in found
        )
        o.gold_hits += sum(
            any(g[2] == p[2] and overlaps(p[:2], g[:2]) for p in found) for g in gold
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
            folder = self.relations_by_folder.setdefault(doc.folder, PRF())
            folder.tp += len(pred.relations) - len(extra)
            folder.fp += len(extra)
            folder.fn += len(missed)
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
                "by_folder": {f: p.to_json() for f, p in sorted(t.relations_by_folder.items())},
                "predicted_without_mention": t.no_mention,
            },
            "examples": t.examples,
        }


def _common(counter: Counter[tuple[str, str]], n: int = 15) -> list[dict[str, Any]]:
    """The ``n`` commonest spans, ties by class and text: the same list in every run (the
    spans are counted from sets, in an order that changes between runs)."""
    ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:n]
    return [{"class": c, "text": w, "count": k} for (c, w), k in ranked]
