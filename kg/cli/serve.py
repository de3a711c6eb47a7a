"""``kg serve``: the CLI face of ``kg.serve``."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from kg.cli import store_option

if TYPE_CHECKING:
    from kg.serve import Endpoint


@click.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
    help="Port to listen on; 0 picks a free one (printed at start).",
)  # fmt: skip
@click.option(
    "--timeout", default=30.0, show_default=True, type=click.FloatRange(0),
    help="Seconds a query may run before it is stopped (503); 0 for no limit.",
)  # fmt: skip
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1),
    help="Queries evaluated at once, each in its own process; more wait their turn.",
)  # fmt: skip
@click.option(
    "--max-memory", default=2048, show_default=True, type=click.IntRange(0), metavar="MB",
    help="MB of data a query's process may allocate before it is stopped (503); 0 for no limit.",
)  # fmt: skip
@click.option(
    "--allow-service", is_flag=True,
    help="Allow SERVICE clauses (federated queries): the server then fetches from other "
    "endpoints on the client's behalf.",
)  # fmt: skip
@click.option("--quiet", is_flag=True, help="No access log (one line per request on stderr).")
def serve(
    store: Path,
    host: str,
    port: int,
    timeout: float,
    workers: int,
    max_memory: int,
    allow_service: bool,
    quiet: bool,
) -> None:
    """Answer SPARQL queries on the store over HTTP (SPARQL 1.1 Protocol), read-only.

    The endpoint is http://HOST:PORT/sparql (GET ?query=..., POST a form or an
    application/sparql-query body); results follow the Accept header or ?format=: SPARQL
    JSON, XML, CSV or TSV for SELECT and ASK, Turtle or N-Triples for CONSTRUCT and
    DESCRIBE. http://HOST:PORT/ is a page to type a query and see the results. kg's
    prefixes are predeclared, as in `kg query`. Stop it with Ctrl-C.

    \b
    Examples:
      kg ingest seeds/ && kg serve    # then open http://127.0.0.1:8000/
      kg serve --store kg-store --port 3030 --timeout 60
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
        http://127.0.0.1:8000/sparql
    """
    from kg.serve import serve as run_server

    def ready(endpoint: Endpoint) -> None:
        signal.signal(signal.SIGTERM, _stop)
        click.echo(
            f"kg serve: SPARQL endpoint at {endpoint.url}/sparql, query page at {endpoint.url}/ "
            f"(store {store}, --timeout {timeout:g} s); Ctrl-C to stop",
            err=True,
        )

    def access(line: str) -> None:
        click.echo(line, err=True)

    try:
        run_server(
            store,
            host,
            port,
            timeout=timeout,
            workers=workers,
            allow_service=allow_service,
            max_memory=max_memory,
            ready=ready,
            access=None if quiet else access,
        )
    except KeyboardInterrupt:
        click.echo("kg serve: stopped", err=True)


def _stop(signum: int, frame: object) -> NoReturn:
    """SIGTERM stops the server as Ctrl-C does: running queries are killed, files removed."""
    raise KeyboardInterrupt
