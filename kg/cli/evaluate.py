"""``kg eval``: the CLI face of ``kg.evaluate`` (score extraction against gold data)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.cli import model_option

F = TypeVar("F", bound=Callable[..., Any])

ACLED_EXAMPLE = "kg eval acled ../shared/eval/acled/dev/acled_dev.csv --limit 200"
CASE_EXAMPLE = "kg eval case2021 ../shared/eval/case2021-task2/"
RE3D_EXAMPLE = "kg eval re3d ../shared/eval/re3d/"


def _common(func: F) -> F:
    """Options every evaluation takes: --json, --examples, --model, --quiet."""
    for option in reversed(
        [
            click.option("--json", "as_json", is_flag=True, help="One JSON document to stdout."),
            click.option(
                "--examples",
                default=10,
                show_default=True,
                type=click.IntRange(0),
                help="How many examples of errors to show.",
            ),
            model_option,
            click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr."),
        ]
    ):
        func = option(func)
    return func


class _Progress:
    """Articles done and articles per second, on stderr when it is a terminal."""

    def __init__(self, quiet: bool, unit: str) -> None:
        self.show = not quiet and sys.stderr.isatty()
        self.quiet = quiet
        self.unit = unit
        self.last = 0.0
        self.done = 0
        self.seconds = 0.0

    def __call__(self, done: int, total: int, seconds: float) -> None:
        self.done, self.seconds = done, seconds
        now = time.monotonic()
        if self.show and (now - self.last >= 0.5 or done == total):
            self.last = now
            rate = done / seconds if seconds else 0.0
            click.echo(
                f"\r{done:,}/{total:,} {self.unit}, {rate:.0f} articles/s", nl=False, err=True
            )

    def finish(self) -> None:
        if self.show:
            click.echo("", err=True)
        if not self.quiet:
            rate = self.done / self.seconds if self.seconds else 0.0
            click.echo(
                f"scored {self.done:,} {self.unit} in {self.seconds:.1f} s ({rate:.0f} articles/s)",
                err=True,
            )


def _emit(report: Any, as_json: bool, render: Callable[[Any], str]) -> None:
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(render(report), nl=False)


@click.group("eval")
def eval_group() -> None:
    """Score kg's extraction against third-party gold data.

    acled runs kg on the notes of an ACLED CSV export and scores event type, sub-event type,
    location, date, fatalities and actor types against the coded rows; case2021 scores
    sub-event type classification on the CASE 2021 task 2 snippets; re3d scores the spans of
    people, organisations and locations and the FightingAgainst and AlliesOf relations
    between actors on Dstl's re3d documents. Each figure is printed
    beside its target; --json gives every figure to machines. The gold data are third-party
    and never shipped with kg (seeds/ holds sample articles only, without gold); see
    docs/EVAL.md for the scoring rules.

    \b
    Example:
      kg eval acled ../shared/eval/acled/dev/acled_dev.csv --limit 200
    """


@eval_group.command("acled")
@click.argument("file", metavar="FILE.csv", type=click.Path(path_type=Path))
@click.option("--limit", type=click.IntRange(1), help="Score the first N distinct notes only.")
@click.option("--country", metavar="NAME", help="Score the rows of this country only.")
@click.option(
    "--policy", type=click.Choice(["top", "all"]), default="top", show_default=True,
    help="Which ACLED events make an article's prediction: the most confident, or all.",
)  # fmt: skip
@click.option(
    "--dated/--undated", default=True, show_default=True,
    help="Give each note the day ACLED first recorded its rows (column timestamp) as its "
    "publication date, for dates the text leaves open (no year, 'yesterday').",
)  # fmt: skip
@_common
def acled(
    file: Path,
    limit: int | None,
    country: str | None,
    policy: str,
    dated: bool,
    as_json: bool,
    examples: int,
    model: str | None,
    quiet: bool,
) -> None:
    """Score kg on an ACLED export: each distinct note is an article.

    Rows sharing a note are one article whose gold is the union of the rows. Prints the
    figures beside their targets, other views, per-type P/R/F1, the largest confusions and
    the worst examples (most fields wrong); progress goes to stderr.

    \b
    Example:
      kg eval acled ../shared/eval/acled/dev/acled_dev.csv --limit 200
    """
    from kg.evaluate import AcledOptions, evaluate_acled
    from kg.evaluate.report import render_acled

    options = AcledOptions(
        limit=limit,
        country=country,
        policy="all" if policy == "all" else "top",
        model=model,
        examples=examples,
        dated=dated,
    )
    progress = _Progress(quiet, "notes")
    report = evaluate_acled(file, options, progress)
    progress.finish()
    _emit(report, as_json, render_acled)


@eval_group.command("case2021")
@click.argument("path", metavar="DIR|FILE", type=click.Path(path_type=Path))
@_common
def case2021(path: Path, as_json: bool, examples: int, model: str | None, quiet: bool) -> None:
    """Score sub-event type classification on the CASE 2021 task 2 snippets.

    DIR holds test_set_final_release_with_labels.tsv (or give the file). The prediction for
    a snippet is its most confident ACLED event's sub-event type; for the five unseen
    classes (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB) the right
    answer is no ACLED event. Headline: support-weighted F1 over the 25 ACLED classes.

    \b
    Example:
      kg eval case2021 ../shared/eval/case2021-task2/
    """
    from kg.evaluate import evaluate_case2021
    from kg.evaluate.report import render_case2021

    progress = _Progress(quiet, "snippets")
    report = evaluate_case2021(path, model=model, examples=examples, progress=progress)
    progress.finish()
    _emit(report, as_json, render_case2021)


@eval_group.command("re3d")
@click.argument("path", metavar="DIR", type=click.Path(path_type=Path))
@_common
def re3d(path: Path, as_json: bool, examples: int, model: str | None, quiet: bool) -> None:
    """Score entity spans and actor relations on Dstl re3d.

    DIR is re3d's folder (its sub-folders each hold documents.json, entities.json and
    relations.json) or one sub-folder. Entities: re3d's Person against kg's actors typed
    person, Organisation against kg's other actors, Location against kg's places; exact
    spans (headline: micro F1 over the three), with overlap and untyped views. Relations:
    FightingAgainst and AlliesOf, matched when both ends overlap the gold spans (in order
    for FightingAgainst); headline over the gold relations between people and organisations.

    \b
    Example:
      kg eval re3d ../shared/eval/re3d/
    """
    from kg.evaluate import evaluate_re3d
    from kg.evaluate.report import render_re3d

    progress = _Progress(quiet, "documents")
    report = evaluate_re3d(path, model=model, examples=examples, progress=progress)
    progress.finish()
    _emit(report, as_json, render_re3d)
