"""The ``kg`` command line: a thin click layer over the library.

Commands live one per module in this package and are imported only when run, so ``kg --help``
and ``kg query`` never import spaCy. Errors reach the user here and only here: a ``KgError``
becomes one ``Error: ...`` line on stderr and its exit code (1 fixable problem, 2 bad usage,
3 data does not conform); ``--debug`` shows the traceback.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kg import __version__

F = TypeVar("F", bound=Callable[..., Any])

# command name -> (module, attribute, one-line help shown by `kg --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "ingest": ("kg.cli.ingest", "ingest", "Read articles, extract, validate and load them."),
    "query": ("kg.cli.query", "query", "Run a SPARQL query (or a named one) on the store."),
    "export": ("kg.cli.export", "export", "Write the store, or one article, as RDF."),
    "validate": ("kg.cli.validate", "validate", "Check RDF files or the store against the shapes."),
    "quarantine": (
        "kg.cli.quarantine",
        "quarantine_group",
        "List, show, retry or drop quarantined articles.",
    ),
    "serve": ("kg.cli.serve", "serve", "Answer SPARQL queries on the store over HTTP (read-only)."),
    "stats": ("kg.cli.stats", "stats", "Count events, actors and places by type, place and month."),
    "optimize": ("kg.cli.optimize", "optimize", "Compact the embedded store after large ingests."),
    "eval": ("kg.cli.evaluate", "eval_group", "Score extraction against ACLED or CASE 2021 gold."),
    "report": ("kg.cli.report", "report", "Write an offline HTML report: map, timeline, network."),
}

DEFAULT_STORE = "kg-store"


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _store_location(ctx: click.Context, param: click.Parameter, value: Any) -> Path | str:
    """A store directory (a ``Path``), or a remote store's ``http(s)://`` URL (a ``str``)."""
    if isinstance(value, Path) or "://" not in str(value):  # not a URL: no kg.store.endpoints
        return Path(value)
    from kg.store.endpoints import is_remote

    if not is_remote(str(value)):
        return Path(value)
    from kg.credentials import check_url
    from kg.errors import StoreError

    try:
        check_url(str(value))
    except StoreError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None
    return str(value)


def store_option(func: F) -> F:
    """``--store``: a directory for the embedded store (default ./kg-store, env KG_STORE), or
    a remote SPARQL store's URL (docs/STORES.md)."""
    return click.option(
        "--store",
        "store",
        envvar="KG_STORE",
        default=DEFAULT_STORE,
        show_default=True,
        metavar="DIR|URL",
        callback=_store_location,
        help="Store directory, or a SPARQL store's http(s):// URL (env KG_STORE; "
        "see docs/STORES.md).",
    )(func)


def quarantine_option(func: F) -> F:
    """``--quarantine``: where refused articles go (default <store>/quarantine)."""
    return click.option(
        "--quarantine",
        "quarantine_dir",
        envvar="KG_QUARANTINE",
        type=click.Path(file_okay=False, path_type=Path),
        help="Quarantine directory (env KG_QUARANTINE) [default: <store>/quarantine, "
        "./kg-quarantine for a remote --store].",
    )(func)


model_option = click.option(
    "--model", envvar="KG_MODEL", help="spaCy model to load (env KG_MODEL)."
)
max_seconds_option = click.option(
    "--max-seconds", default=120.0, show_default=True, type=click.FloatRange(0),
    help="Time limit per article for the rules, mapping and validation; 0 for none.",
)  # fmt: skip
workers_option = click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 256),
    help="Processes that parse, extract, map and validate articles (this one writes the "
    "store); 2 on a 2-core machine.",
)  # fmt: skip
scheduler_option = click.option(
    "--scheduler", metavar="tcp://HOST:PORT", envvar="KG_SCHEDULER",
    help="A Dask scheduler's address: its workers parse, extract, map and validate, this "
    "process writes the store (env KG_SCHEDULER; needs pip install 'kg[dask]'). See "
    "docs/SCALING.md.",
)  # fmt: skip


def check_workers(workers: int, scheduler: str | None) -> None:
    """--workers and --scheduler exclude each other."""
    if scheduler and workers > 1:
        raise click.UsageError("--workers and --scheduler exclude each other: the cluster's "
                               "workers do the work; start them with --nthreads 1")  # fmt: skip


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="kg")
@click.option("--debug", is_flag=True, envvar="KG_DEBUG", help="Show tracebacks and debug logs.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """kg: English news in, a validated, queryable knowledge graph out.

    Shell completion of commands and options (bash, zsh or fish), in the shell's rc file:
    eval "$(_KG_COMPLETE=bash_source kg)" (zsh_source for zsh; for fish:
    _KG_COMPLETE=fish_source kg | source).

    \b
    Example:
      kg ingest seeds/ && kg query --named timeline
    """
    ctx.obj = {"debug": debug}
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def main() -> None:
    """Entry point: run the CLI, turning kg's errors into one line and an exit code."""
    from kg.errors import KgError

    debug = "--debug" in sys.argv[1:] or os.environ.get("KG_DEBUG", "") not in ("", "0")
    try:
        # prog_name and complete_var fixed, so that `python -m kg` names itself `kg` too and
        # `eval "$(_KG_COMPLETE=bash_source kg)"` gives click's shell completion
        code = cli.main(prog_name="kg", complete_var="_KG_COMPLETE", standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KgError as exc:
        if debug:
            raise
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
