"""Articles that were not loaded, kept with their reason where the user can read them.

Each entry is a folder ``<store>/quarantine/<slug>/`` holding ``entry.json`` (the article id,
where it came from, the reason, the stage that refused it), ``article.json`` (the article, so
``kg quarantine retry`` can run it again), and, when the SHACL gate refused it, ``graph.ttl``
(the triples it would have loaded) and ``report.txt`` (the validation report).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError
from kg.model import Article
from kg.rdf.iris import article_slug


@dataclass(frozen=True, slots=True)
class Entry:
    article_id: str
    origin: str
    stage: str  # "extract", "map" or "validate"
    reason: str
    folder: Path


class Quarantine:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _entry_dir(self, article_id: str) -> Path:
        return self.folder / article_slug(article_id)

    def put(
        self,
        article: Article,
        stage: str,
        reason: str,
        graph_turtle: str | None = None,
        report: str | None = None,
    ) -> Entry:
        target = self._entry_dir(article.id)
        try:
            target.mkdir(parents=True, exist_ok=True)
            if graph_turtle is not None:
                (target / "graph.ttl").write_text(graph_turtle, encoding="utf-8")
            if report is not None:
                (target / "report.txt").write_text(report, encoding="utf-8")
            (target / "article.json").write_text(
                json.dumps(_article_json(article), ensure_ascii=False), encoding="utf-8"
            )
            meta = {"id": article.id, "origin": article.origin, "stage": stage, "reason": reason}
            (target / "entry.json").write_text(
                json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8"
            )
        except OSError as exc:
            raise StoreError(f"cannot write the quarantine at {target}: {exc}") from exc
        return Entry(article.id, article.origin, stage, reason, target)

    def release(self, article_id: str) -> None:
        """Forget an article's entry (it has now been loaded)."""
        target = self._entry_dir(article_id)
        if target.is_dir():
            shutil.rmtree(target, ignore_errors=True)

    def entries(self) -> Iterator[Entry]:
        if not self.folder.is_dir():
            return
        for meta_path in sorted(self.folder.glob("*/entry.json")):
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            yield Entry(meta["id"], meta["origin"], meta["stage"], meta["reason"], meta_path.parent)

    def get(self, article_id: str) -> Entry | None:
        return next((e for e in self.entries() if e.article_id == article_id), None)

    def article(self, entry: Entry) -> Article:
        data = json.loads((entry.folder / "article.json").read_text(encoding="utf-8"))
        published = data.get("published")
        if published:
            published = (
                dt.datetime.fromisoformat(published) if "T" in published
                else dt.date.fromisoformat(published)
            )  # fmt: skip
        return Article(
            id=data["id"], text=data["text"], title=data.get("title"), url=data.get("url"),
            published=published, source=data.get("source"), origin=data.get("origin", ""),
        )  # fmt: skip


def _article_json(article: Article) -> dict[str, str | None]:
    return {
        "id": article.id,
        "text": article.text,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "origin": article.origin,
    }
