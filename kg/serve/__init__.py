"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store.

Pieces: :mod:`kg.serve.protocol` (what a request asks, content negotiation),
:mod:`kg.serve.runner` and :mod:`kg.serve.worker` (each query in its own process, killed at
the time limit), :mod:`kg.serve.server` (HTTP, the query page, CORS, the access log).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kg.errors import ServeError
from kg.serve.runner import DEFAULT_MAX_MEMORY
from kg.serve.server import AccessLog, Endpoint
from kg.store import open_store

__all__ = ["Endpoint", "serve"]


def serve(
    store: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    timeout: float = 30.0,
    workers: int = 2,
    allow_service: bool = False,
    max_memory: int = DEFAULT_MAX_MEMORY,
    ready: Callable[[Endpoint], None] | None = None,
    access: AccessLog | None = None,
) -> None:
    """Answer SPARQL queries on ``store`` at ``host:port`` until interrupted.

    The store must exist (``StoreError`` otherwise); it is opened read-only for each query.
    ``max_memory`` is the MB of data each query's process may allocate (0 for no limit).
    ``ready`` is called with the listening endpoint (its ``url`` has the port when ``port``
    is 0); ``access`` gets one line per request.
    """
    from kg.serve.runner import QueryRunner

    open_store(store, read_only=True).close()  # no store, or a damaged one: say so now
    runner = QueryRunner(
        store,
        timeout=timeout,
        workers=workers,
        allow_service=allow_service,
        max_memory=max_memory,
    )
    try:
        endpoint = Endpoint((host, port), runner, access)
    except OSError as exc:
        raise ServeError(
            f"cannot listen on {host}:{port} ({exc.strerror or exc}); pass another --port or --host"
        ) from exc
    with endpoint, runner:  # the runner's fork server starts before the server's threads
        if ready is not None:
            ready(endpoint)
        endpoint.serve_forever()
