"""Articles that were not loaded, kept with their reason where the user can read them.

Each entry is a folder ``<store>/quarantine/<slug>/`` holding ``entry.json`` (the article id,
where it came from, the reason, the stage that refused it, and the article's content hash,
with which ``kg ingest`` skips it while unchanged: ``kg.hashes``), ``article.json`` (the
article, so ``kg quarantine retry`` can run it again), and, when the SHACL gate refused it,
``graph.ttl`` (the triples it would have loaded) and ``report.txt`` (the validation report).

Entries are written whole or not at all: an entry is built in a hidden sibling folder
(``.tmp-<token>-<slug>``) and renamed into place; a replaced entry is first renamed aside
(``.old-<token>-<slug>``), a released one renamed away (``.del-<token>-<slug>``) before it is
deleted. Readers skip hidden folders, so ``kill -9`` at any moment never shows half an entry.
A writer (``with quarantine.writing():``) holds ``.lock`` and first tidies what a killed
writer left: leftover ``.tmp-`` and ``.del-`` folders are deleted, an ``.old-`` folder whose
entry never arrived is put back.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import secrets
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError, StoreLockedError
from kg.model import Article
from kg.rdf.iris import article_slug
from kg.store.locks import flock

LOCK = ".lock"
_TOKEN = 8  # hex characters of the random part of a hidden folder's name


@dataclass(frozen=True, slots=True)
class Entry:
    article_id: str
    origin: str
    stage: str  # "extract", "map", "validate" or "timeout"
    reason: str
    folder: Path
    content_hash: str | None = None  # kg.hashes.content_hash of the article when it was refused


class Quarantine:
    """The quarantine folder of a store: read freely, write inside ``writing()``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock_fd: int | None = None

    # -- writing ---------------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Quarantine]:
        """Hold the quarantine's lock (one writer at a time) after tidying a killed writer's
        leftovers; raises ``StoreLockedError`` if another kg process writes it."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = flock(self.folder / LOCK, fcntl.LOCK_EX, create=True)
        except OSError as exc:
            raise StoreError(f"cannot write the quarantine at {self.folder}: {exc}") from exc
        if fd is None:
            raise StoreLockedError(self.folder.parent)
        self._lock_fd = fd
        try:
            self.recover()
            yield self
        finally:
            self._lock_fd = None
            os.close(fd)

    def recover(self) -> None:
        """Finish or undo what a killed writer left in hidden folders (called by ``writing``)."""
        for path in sorted(self.folder.glob(".*-*")):
            kind, slug = path.name[1:4], path.name[5 + _TOKEN + 1 :]
            if not path.is_dir() or kind not in ("tmp", "old", "del"):
                continue
            if kind == "old" and slug and not (self.folder / slug).exists():
                os.rename(path, self.folder / slug)  # the entry that was being replaced
            else:
                shutil.rmtree(path, ignore_errors=True)

    def put(
        self,
        article: Article,
        stage: str,
        reason: str,
        graph_turtle: str | None = None,
        report: str | None = None,
        content_hash: str | None = None,
    ) -> Entry:
        """Keep ``article`` with its reason, replacing its earlier entry, all or nothing;
        ``content_hash`` (kg.hashes) lets the next ingest skip it while it is unchanged."""
        self._check_writing()
        target = self._entry_dir(article.id)
        meta = {"id": article.id, "origin": article.origin, "stage": stage, "reason": reason}
        if content_hash is not None:
            meta["hash"] = content_hash
        files = {
            "graph.ttl": graph_turtle,
            "report.txt": report,
            "article.json": json.dumps(_article_json(article), ensure_ascii=False),
            "entry.json": json.dumps(meta, ensure_ascii=False, indent=1),
        }
        temp = self._hidden("tmp", target.name)
        try:
            temp.mkdir()
            for name, text in files.items():
                if text is not None:
                    _write_synced(temp / name, text)
            _sync(temp)
            if target.exists():
                old = self._hidden("old", target.name)
                os.rename(target, old)
                os.rename(temp, target)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.rename(temp, target)
            _sync(self.folder)
        except OSError as exc:
            shutil.rmtree(temp, ignore_errors=True)
            raise StoreError(f"cannot write the quarantine at {target}: {exc}") from exc
        return Entry(article.id, article.origin, stage, reason, target, content_hash)

    def release(self, article_id: str) -> bool:
        """Forget an article's entry (it has been loaded, or dropped); True if there was one."""
        self._check_writing()
        return self._remove(self._entry_dir(article_id))

    def drop(self, entry: Entry) -> None:
        """Delete ``entry`` for good (``kg quarantine drop``)."""
        self._check_writing()
        self._remove(entry.folder)

    def _remove(self, target: Path) -> bool:
        if not target.is_dir():
            return False
        gone = self._hidden("del", target.name)
        try:
            os.rename(target, gone)  # atomic: readers see the whole entry or none
        except OSError as exc:
            raise StoreError(f"cannot remove {target} from the quarantine: {exc}") from exc
        shutil.rmtree(gone, ignore_errors=True)
        return True

    def _check_writing(self) -> None:
        if self._lock_fd is None:
            raise RuntimeError("write the quarantine inside `with quarantine.writing():`")

    def _hidden(self, kind: str, slug: str) -> Path:
        return self.folder / f".{kind}-{secrets.token_hex(_TOKEN // 2)}-{slug}"

    def _entry_dir(self, article_id: str) -> Path:
        return self.folder / article_slug(article_id)

    # -- reading ---------------------------------------------------------------------------------

    def entries(self) -> Iterator[Entry]:
        """Every whole entry, by folder name; hidden (unfinished) folders are skipped."""
        if not self.folder.is_dir():
            return
        for meta_path in sorted(self.folder.glob("[!.]*/entry.json")):
            entry = _read_entry(meta_path)
            if entry is not None:
                yield entry

    def get(self, article_id: str) -> Entry | None:
        """The entry of an article id, or of a folder name as ``kg quarantine list`` shows it."""
        entry = _read_entry(self._entry_dir(article_id) / "entry.json")
        if entry is not None and entry.article_id == article_id:
            return entry
        if article_id == Path(article_id).name and not article_id.startswith("."):
            return _read_entry(self.folder / article_id / "entry.json")
        return None

    def require(self, article_ids: Iterable[str]) -> list[Entry]:
        """The entries of ``article_ids`` (ids or folder names); a StoreError names the unknown."""
        found = {i: self.get(i) for i in article_ids}
        if unknown := [i for i, e in found.items() if e is None]:
            names = ", ".join(repr(i) for i in unknown)
            raise StoreError(
                f"no quarantined article {names} in {self.folder}; "
                "`kg quarantine list` shows the ids"
            )
        return [e for e in found.values() if e is not None]

    def article(self, entry: Entry) -> Article:
        try:
            data = json.loads((entry.folder / "article.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(
                f"cannot read the quarantined article in {entry.folder} ({exc}); "
                f"drop it with `kg quarantine drop {entry.article_id}`"
            ) from exc
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

    def report(self, entry: Entry) -> str | None:
        """The SHACL validation report kept with an entry, if the gate refused it."""
        path = entry.folder / "report.txt"
        return path.read_text(encoding="utf-8") if path.is_file() else None


def _read_entry(meta_path: Path) -> Entry | None:
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        stored = meta.get("hash")
        content_hash = stored if isinstance(stored, str) else None
        return Entry(
            meta["id"], meta["origin"], meta["stage"], meta["reason"], meta_path.parent,
            content_hash,
        )  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_synced(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())


def _sync(folder: Path) -> None:
    """fsync a folder so the names in it survive a power cut, not only a killed process."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
