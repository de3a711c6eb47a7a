"""Where a remote SPARQL store takes queries and graphs: its endpoints, from the ``--store`` URL.

=========  =====================================  ==========================================
kind       ``--store``                            endpoints
=========  =====================================  ==========================================
oxigraph   ``http://host:7878`` (no path)         ``/query``, ``/store`` (Graph Store)
fuseki     ``http://host:3030/DATASET``           ``/DATASET/query``, ``/DATASET/data``
graphdb    ``http://host:7200/repositories/REPO`` ``/repositories/REPO``,
                                                  ``.../rdf-graphs/service``
=========  =====================================  ==========================================

The kind is read from the URL's path as above, or named in front of the scheme, which wins:
``oxigraph+http://host/prefix`` (an Oxigraph server behind a proxy under a path),
``fuseki+https://...``, ``graphdb+https://...`` (any RDF4J server too). Both ``http`` and
``https`` work. See docs/STORES.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from kg.credentials import check_url
from kg.errors import StoreError

__all__ = ["KINDS", "Endpoints", "endpoints", "is_remote"]

Kind = Literal["oxigraph", "fuseki", "graphdb"]
KINDS: tuple[Kind, ...] = ("oxigraph", "fuseki", "graphdb")
_GRAPHDB_PATH = re.compile(r"(?:/.*)?/repositories/[^/]+")
_URL = re.compile(r"(?:([A-Za-z]+)\+)?https?://", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Endpoints:
    """The URLs of one remote store.

    ``query`` takes SPARQL 1.1 Protocol queries (POST), with ``query_params`` added (Oxigraph:
    the union of all graphs as the default graph). ``graphs`` is the Graph Store Protocol
    endpoint (``?graph=IRI``). ``dataset``, when the server has one, answers GET with every
    quad as N-Quads in one stream; without it an export reads the graphs one by one.
    """

    kind: Kind
    url: str  # as the user named the store, without the kind prefix: for messages
    query: str
    graphs: str
    dataset: str | None = None
    query_params: tuple[tuple[str, str], ...] = ()


def is_remote(location: object) -> bool:
    """Whether a ``--store`` value names a remote store (a URL) rather than a directory."""
    return isinstance(location, str) and _URL.match(location) is not None


def endpoints(location: str) -> Endpoints:
    """The endpoints of the store named by ``location`` (see the module docstring)."""
    check_url(location)
    match = _URL.match(location)
    if match is None:
        raise StoreError(f"{location} is not an http(s) URL; see docs/STORES.md")
    kind_given = (match[1] or "").lower()
    url = location[len(match[1]) + 1 :] if match[1] else location
    if kind_given and kind_given not in KINDS:
        raise StoreError(
            f"unknown store kind {kind_given!r} in {location}; use {', '.join(KINDS)} "
            "(e.g. oxigraph+http://host:7878), or a plain http(s):// URL"
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{location} is not an http(s) URL with a host; see docs/STORES.md")
    if parts.query or parts.fragment:
        raise StoreError(
            f"give the store's base URL without ?query or #fragment ({parts.scheme}://"
            f"{parts.netloc}{parts.path}); see docs/STORES.md for each server's form"
        )
    path = parts.path.rstrip("/")
    base = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    kind: Kind
    if kind_given:
        kind = next(k for k in KINDS if k == kind_given)
    elif not path:
        kind = "oxigraph"
    elif _GRAPHDB_PATH.fullmatch(path):
        kind = "graphdb"
    else:
        kind = "fuseki"
    if kind == "oxigraph":
        params = (("union-default-graph", ""),)
        return Endpoints(kind, base, f"{base}/query", f"{base}/store", f"{base}/store", params)
    if kind == "fuseki":
        if not path:
            raise StoreError(
                f"a Fuseki store is a dataset: add its name to the URL ({base}/DATASET)"
            )
        return Endpoints(kind, base, f"{base}/query", f"{base}/data")
    if not _GRAPHDB_PATH.fullmatch(path):
        raise StoreError(
            f"a GraphDB store is a repository: {parts.scheme}://{parts.netloc}/repositories/REPO"
        )
    return Endpoints(kind, base, base, f"{base}/rdf-graphs/service")
