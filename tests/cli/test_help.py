"""Every command's help has an example; ``kg --version``; click's shell completion."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from kg import __version__
from kg.cli import cli
from tests.cli.invoke import run

ROOT = Path(__file__).resolve().parents[2]


def _commands(command: click.Command, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    yield path
    if isinstance(command, click.Group):
        ctx = click.Context(command, info_name=path[-1])
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, f"{' '.join(path)} lists {name} but has no such command"
            yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(cli, ("kg",)))


def test_the_tree_is_walked() -> None:
    names = {" ".join(p) for p in COMMANDS}
    assert {"kg", "kg stats", "kg export", "kg quarantine retry", "kg eval acled"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_has_an_example(path: tuple[str, ...]) -> None:
    outcome = run(*path[1:], "--help")
    assert outcome.code == 0, outcome.stderr
    lines = outcome.stdout.splitlines()
    heads = [n for n, line in enumerate(lines) if line.strip() in ("Example:", "Examples:")]
    assert heads, f"`{' '.join(path)} --help` has no Example section"
    example = lines[heads[0] + 1].strip()
    assert example.startswith("kg "), f"`{' '.join(path)} --help`: {example!r} is not a kg command"
    # the example runs the command it documents
    assert all(word in example for word in path[1:]), example


def test_version() -> None:
    outcome = run("--version")
    assert outcome.code == 0 and outcome.stdout.strip() == f"kg, version {__version__}"


def _kg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], env=full, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o nosort -F _kg_completion kg"), ("zsh", "#compdef kg"),
     ("fish", "complete --no-files --command kg")],
)  # fmt: skip
def test_completion_scripts(shell: str, marker: str) -> None:
    result = _kg({"_KG_COMPLETE": f"{shell}_source"})
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [("kg st", 1, "plain,stats"), ("kg stats --fo", 2, "plain,--format"),
     ("kg export --format acl", 3, "plain,acled-csv")],
)  # fmt: skip
def test_completion_completes(words: str, cword: int, expected: str) -> None:
    env = {"_KG_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    result = _kg(env)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout.splitlines()


def test_bash_runs_the_completion_script(tmp_path: Path) -> None:
    """The script bash sources completes `kg st` to `stats` through a `kg` on the PATH."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    wrapper = tmp_path / "kg"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kg "$@"\n')
    wrapper.chmod(0o755)
    script = (
        'eval "$(_KG_COMPLETE=bash_source kg)"\n'
        "COMP_WORDS=(kg quarantine re); COMP_CWORD=2; _kg_completion kg\n"
        'echo "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    result = subprocess.run(
        [bash, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["retry"]
