"""The ``grade`` command: parse options, call the library, print the summary.

Defaults live in the library (``grade.grade_file`` and ``sandbox.Limits``);
errors become a one-line ``Error: ...`` here and nowhere else.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import GraderError
from .grade import DEFAULT_ASSIGNMENT, grade_file, load_assignment
from .sandbox import Limits
from .summary import render

EPILOG = """\b
Examples:
  grade forward.py                     grade your work, report in report.json
  grade forward.py -o -                print the JSON report instead
  grade forward.py --format gradescope -o results.json
  GRADER_SEED=4711 grade forward.py --show-hidden   (instructors)
"""


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("submission", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    default="report.json",
    show_default=True,
    metavar="PATH",
    help="Where to write the report; '-' writes it to stdout.",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    envvar="GRADER_SEED",
    show_default=True,
    help="Seed of the randomized hidden cases (default: $GRADER_SEED, else 0). "
    "The same seed gives the same cases, e.g. --seed 4711.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["native", "gradescope"]),
    default="native",
    show_default=True,
    help="Report format: ours, or Gradescope's results.json.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.05),
    default=Limits.call_timeout,
    show_default=True,
    metavar="SECONDS",
    help="Time allowed for each call of a student function, e.g. --timeout 5.",
)
@click.option(
    "--sandbox",
    type=click.Choice(["auto", "bwrap", "process"]),
    default="auto",
    show_default=True,
    help="Isolation: bubblewrap, a plain child process, or the best available.",
)
@click.option(
    "--show-hidden",
    is_flag=True,
    help="Show hidden tests' inputs and expected values (instructors).",
)
@click.option(
    "--assignment",
    default=DEFAULT_ASSIGNMENT,
    show_default=True,
    help="Assignment to grade against: a name in assignments/ or a module path.",
)
@click.version_option(__version__, prog_name="forward-grader")
def main(**options: Any) -> None:
    """Grade SUBMISSION, a Python file with the assignment's functions.

    Student code runs in a sandboxed child process. Writes a JSON report and
    prints a summary; exits 0 whenever a report was written, 2 on a usage
    error (no such file, a directory), 1 if the grader itself failed.
    """
    try:
        report = grade_file(**options)
    except GraderError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    color = sys.stderr.isatty() and "NO_COLOR" not in os.environ
    tips = load_assignment(options["assignment"]).tips
    click.echo(render(report, tips=tips, color=color), err=options["output"] == "-", color=color)
    if (
        report["sandbox"] == "process"
        and options["sandbox"] == "auto"
        and (options["show_hidden"] or options["seed"])
    ):
        click.echo(
            "Warning: bubblewrap is not available, so the submission ran in the weaker "
            "'process' sandbox (see the README's security section).",
            err=True,
        )
    if options["output"] != "-":
        click.echo(f"Report written to {options['output']}", err=False)
