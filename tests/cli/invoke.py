"""``kg`` invoked in-process, with errors turned into exit codes as ``kg.cli.main`` does."""

from __future__ import annotations

from dataclasses import dataclass

import click
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import KgError


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


def run(*args: str, stdin: str | None = None) -> Outcome:
    """Invoke ``kg`` in-process and turn errors into exit codes as ``kg.cli.main`` does."""
    result = CliRunner().invoke(cli, list(args), input=stdin, standalone_mode=False)
    error = result.exception
    if error is None:
        return Outcome(0, result.stdout, result.stderr)
    if isinstance(error, KgError):
        return Outcome(error.exit_code, result.stdout, result.stderr + f"Error: {error}\n")
    if isinstance(error, click.ClickException):
        return Outcome(error.exit_code, result.stdout, result.stderr + error.format_message())
    raise error
