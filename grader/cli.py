"""The ``grade`` command: parse options, call the library, print what happened.

``grade PATH...`` grades (the default command, ``grade run``); ``merge``,
``export``, ``bundle``, ``report`` and ``new`` are subcommands. Defaults live in the
library; errors become a one-line ``Error: ...`` here and nowhere else.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__, interrupt
from .sandbox import Limits
from .single import (
    announce,
    errors_as_messages,
    exit_on_low_scores,
    fitting,
    grade_one,
    parse_fail_under,
    warn,
)
from .summary import class_mean, describe_mean

# The grading library (numpy, the assignment) is imported inside the commands: a single
# grade starts its sandbox first, so that Python and numpy boot there meanwhile.

EXAMPLES = """\b
Examples:
  grade mywork.py                      grade your work, report in report.json
  grade mywork.py -o -                 print the JSON report instead
  grade mywork.py --format gradescope -o results.json
  GRADER_SEED=4711 grade mywork.py --show-hidden    (instructors)
  grade mywork.py --assignment ../course/hw3/       an assignment outside assignments/
  grade submissions/ -o reports                    a whole class
  grade submissions/ -o reports --shard 3/10        one slice of ten
  grade merge reports/            grade export --to canvas reports/ -o grades.csv
  grade bundle gradescope -o autograder.zip         grade report reports/ -o class.html
  grade similar reports/          pairs of submissions with the same code
  grade new NAME                  start a new assignment in this folder
"""


SEED = click.IntRange(min=0, max=2**63 - 1)


def seed_option(help_text: str, default: int | None = 0) -> Callable[[Any], Any]:
    return click.option("--seed", type=SEED, default=default, envvar="GRADER_SEED",
                        show_default=default is not None, help=help_text)  # fmt: skip


def _finite(ctx: click.Context, param: click.Parameter, value: float) -> float:
    if not math.isfinite(value):  # FloatRange lets nan through (no comparison is true)
        raise click.BadParameter(f"{value} is not a number of seconds.")
    return value


TIMEOUT_OPTION = click.option(
    "--timeout", type=click.FloatRange(min=0.05), default=Limits.call_timeout, show_default=True,
    metavar="SECONDS", help="Time allowed for each call of a student function, e.g. --timeout 5.",
    callback=_finite,
)  # fmt: skip
ASSIGNMENT_OPTION = click.option(
    "--assignment", default=None, metavar="NAME|PATH",
    help="Assignment to grade against: a name in assignments/, a dotted module, or the path "
    "of a module or package (x.py, ./hw3). Default: found from the submission (its file "
    "name, else the functions it defines), else the default of assignments/.",
)  # fmt: skip

COURSE_OPTION = click.option(
    "--course", default=None, metavar="DIR", type=click.Path(path_type=Path),
    help="The course folder (its assignments/ package). Default: $GRADER_COURSE, else found "
    "from the working folder and its parents, then the folders above the submissions.",
)  # fmt: skip


def use_course(options: dict[str, Any]) -> None:
    """Where assignments are looked up for this command (``--course``; None: found)."""
    from .course import use

    use(options.pop("course", None))


class DefaultGroup(click.Group):
    """A group whose first argument, when it is not a subcommand, goes to ``run``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["run", *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        run = self.commands["run"]
        with click.Context(run, info_name=ctx.info_name, parent=ctx.parent) as sub:
            run.format_help(sub, formatter)
        self.format_commands(ctx, formatter)

    def invoke(self, ctx: click.Context) -> Any:
        """Ctrl-C (SIGTERM, SIGHUP) at any moment of any command: one line and exit code
        130 (143, 129) as shells expect, not click's "Aborted!" and 1; a batch says what it
        kept (Interrupted)."""
        try:
            result = super().invoke(ctx)
            interrupt.raise_if_pressed()  # a press some C code swallowed still counts
            return result
        except KeyboardInterrupt:
            click.echo(f"\n{interrupt.said()}", err=True)
            sys.exit(interrupt.exit_code())


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__)
def main() -> None:
    """Grade submissions to an assignment in a sandbox."""


@main.command("run", epilog=EXAMPLES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="PATH",
    help="Report file for one submission (default report.json; '-' for stdout), "
    "or folder for several (default reports/).",
)
@seed_option(
    "Seed of the randomized hidden cases (default: $GRADER_SEED, else 0). "
    "The same seed gives the same cases, e.g. --seed 4711."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["native", "gradescope"]),
    default="native",
    show_default=True,
    help="Report format for one submission: ours, or Gradescope's.",
)
@TIMEOUT_OPTION
@click.option(
    "--sandbox",
    type=click.Choice(["auto", "bwrap", "process", "landlock", "portable"]),
    default="auto",
    show_default=True,
    help="Isolation tier: auto (the strongest that starts here), bwrap or process "
    "(namespaces, tier 1), landlock (no namespaces: Landlock, seccomp, own uid; tier 2), "
    "portable (tier 3: no confinement at all, for a student's own machine only).",
)
@click.option(
    "--show-hidden",
    is_flag=True,
    help="Show hidden tests' inputs and expected values (instructors).",
)
@ASSIGNMENT_OPTION
@COURSE_OPTION
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Submissions graded in parallel (default: the cores this process may use; more "
    "only share them).",
)
@click.option(
    "--shard",
    default=None,
    metavar="K/N",
    help="Grade only slice K of N (1-based), e.g. --shard 2/8 in a job array.",
)
@click.option("--force", is_flag=True, help="Regrade submissions that already have a report.")
@click.option(
    "--fail-under", default=None, metavar="POINTS|PERCENT%",
    help="Exit with code 3 when a score is below this, in points (--fail-under 60) or as a "
    "share of the maximum (--fail-under 60%): for CI and GitHub Classroom. Reports are "
    "written as always.",
)  # fmt: skip
def grade_paths(paths: tuple[Path, ...], **options: Any) -> None:
    """Grade PATHS: one Python file, or several files and folders (a class).

    Student code runs in a sandboxed child process. Writes a JSON report and
    prints a summary. Exit codes: 0 when reports were written (whatever the
    score, unless --fail-under); 1 if the grader itself failed; 2 on a usage
    error (no such file, a directory); 3 when a score is below --fail-under;
    130 when interrupted. `grade --version` prints the version.
    """
    single = len(paths) == 1 and not paths[0].is_dir() and not options["shard"]
    with errors_as_messages():
        use_course(options)
        threshold = parse_fail_under(options.pop("fail_under"))
        scores = [_run_single(paths[0], options)] if single else _run_batch(paths, options)
    if threshold is not None:
        exit_on_low_scores(scores, threshold)


def _run_single(path: Path, options: dict[str, Any]) -> tuple[str, float, float]:
    context = click.get_current_context(silent=True)
    held = context.find_root().obj if context else None
    # The sandbox ``grade`` started before loading this module (launch.py), if it fits.
    early = held.pop("sandbox", None) if isinstance(held, dict) else None
    return grade_one(path, options, fitting(early, options))


def _run_batch(paths: tuple[Path, ...], options: dict[str, Any]) -> list[tuple[str, float, float]]:
    from .batch import grade_many
    from .classsummary import counts

    output = Path(options["output"] or "reports")
    progress = _Progress()
    bar: Any = None
    # A bar only where it can be redrawn: piped (CI logs, `| tee`), click would print its
    # first label once ("Grading 0/10") and never again; there, lines that are each true
    # when printed, every tenth of the class.
    live = sys.stderr.isatty()

    def on_start(total: int, reused: int) -> None:
        nonlocal bar
        progress.start(total, reused)
        if total and live:
            # click's own ETA averages from the bar's start, workers' slow start included.
            bar = click.progressbar(length=total, label=progress.label(), show_pos=False,
                                    show_eta=False, file=sys.stderr,
                                    item_show_func=lambda _: progress.info())  # fmt: skip
            bar.__enter__()

    def on_done(row: dict[str, Any]) -> None:
        progress.done(row["id"])
        if bar is not None:
            bar.label = progress.label()
            bar.update(1)
        elif progress.milestone():
            click.echo(f"{progress.label('Graded')}, {progress.info()}", err=True)

    try:
        rows = grade_many(
            paths=list(paths), output=output, jobs=options["jobs"], seed=options["seed"],
            timeout=options["timeout"], sandbox=options["sandbox"],
            assignment=options["assignment"], shard=options["shard"], force=options["force"],
            on_start=on_start, on_done=on_done, on_warning=warn, on_choice=announce,
            on_tier=lambda line: click.echo(line, err=True),
        )  # fmt: skip
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    count = counts(rows, progress.reused)
    reused = f" ({count.reused} already graded)" if count.reused else ""  # scripts match it
    failed = f", {count.failed} of them by a grader failure (please report)" if count.failed else ""
    mean = describe_mean(class_mean(rows))
    click.echo(f"{count.submissions} submissions{reused} in {progress.elapsed():.1f} s: "
               f"{count.graded} graded, {count.not_gradable} not gradable{failed}; {mean}. "
               f"Reports and summary.csv in {output}/")  # fmt: skip
    _similar_note(output)
    return [(row["id"], row["score"], row["max_score"]) for row in rows]


def _similar_note(output: Path) -> None:
    """After a class: whether some submissions share their code (similarity.json says who)."""
    from .classsimilarity import FILENAME, read_similarity

    found = read_similarity(output)
    if found and found["clusters"]:
        groups = len(found["clusters"])
        members = sum(len(c["ids"]) for c in found["clusters"])
        click.echo(f"Similar code: {members} submissions in {groups} group(s) share their "
                   f"code (not a verdict: see {output / FILENAME}, or grade report "
                   f"{output}/)")  # fmt: skip


WARMUP = 3  # the first submissions finish late (workers start up), then together: no pace
LONGEST_ETA = 7 * 24 * 3600.0  # beyond a week an estimate says nothing


def eta(finished: list[float], remaining: int) -> float | None:
    """Seconds left at this run's pace since its first WARMUP submissions; None when unknown.

    ``finished`` holds when each submission graded in this run finished (monotonic, in
    order); reused reports are not in it, so they never make the pace look faster.
    """
    if remaining <= 0:
        return 0.0
    if len(finished) <= WARMUP:
        return None
    span = finished[-1] - finished[WARMUP - 1]
    if span <= 0:  # all finished at once: no pace yet
        return None
    left = remaining * span / (len(finished) - WARMUP)
    return left if 0 <= left <= LONGEST_ETA else None


class _Progress:
    """What a class's progress bar says: done/total and the last id, elapsed and ETA."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.started = clock()
        self.total = self.reused = 0
        self.finished: list[float] = []
        self.last = ""

    def start(self, total: int, reused: int) -> None:
        self.total, self.reused = total, reused

    def done(self, ident: str) -> None:
        self.finished.append(self.clock())
        self.last = ident

    def elapsed(self) -> float:
        return self.clock() - self.started

    def label(self, verb: str = "Grading") -> str:
        reused = f" (+{self.reused} already graded)" if self.reused else ""
        last = f", last {self.last}" if self.last else ""
        return f"{verb} {len(self.finished)}/{self.total}{reused}{last}"

    def milestone(self) -> bool:
        """Whether the submission just done completes a tenth of the class (or all of it)."""
        done, step = len(self.finished), max(1, -(-self.total // 10))
        return done == self.total or done % step == 0

    def info(self) -> str:
        left = eta(self.finished, self.total - len(self.finished))
        text = f"{self.elapsed():.0f}s elapsed"
        return text + (f", about {_duration(left)} left" if left else "")


def _duration(seconds: float) -> str:
    """Seconds for people: 45s, 3m05s, 2h07m; under a second is not 0s."""
    whole = round(seconds)
    if whole < 1:
        return "<1s"
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m{whole % 60:02d}s"
    return f"{whole // 3600}h{whole % 3600 // 60:02d}m"


@main.command()
@click.argument("directories", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the joint summary.csv and summary.json (default: the first).",
)
def merge(directories: tuple[Path, ...], output: Path | None) -> None:
    """Join the reports of several runs or shards into one summary."""
    from .batch import merge as merge_reports

    with errors_as_messages():
        rows = merge_reports(directories=list(directories), output=output)
    click.echo(f"{len(rows)} reports merged into {output or directories[0]}/summary.csv")


@main.command()
@click.option(
    "--to",
    "to",
    type=click.Choice(["canvas", "lti", "gradescope", "junit"]),
    required=True,
    help="The format to write.",
)
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    help="The file to write ('-' for stdout); for gradescope and lti a folder (a file per "
    "student), or a .json file for a single report; for lti also a .jsonl file (a Score "
    "per line).",
)
@click.option(
    "--roster",
    type=click.Path(path_type=Path),
    default=None,
    help="CSV of students (e.g. Canvas's gradebook export) to map submissions to.",
)
@click.option(
    "--match-column",
    "match",
    default="SIS Login ID",
    show_default=True,
    help="Roster column that holds each student's submission name.",
)
@click.option("--column", default=None, help="Canvas assignment column, e.g. 'Homework 3 (12345)'.")
@click.option(
    "--missing", default="0", show_default=True, metavar="POINTS|empty",
    help="Canvas: the grade of a roster student without a submission, or 'empty' to leave "
    "the cell empty (no grade). Each such student is named in a warning.",
)  # fmt: skip
@click.option(
    "--hidden-tests", "hidden", type=click.Choice(["after_due_date", "hidden"]),
    default="after_due_date", show_default=True,
    help="Gradescope: when students see the hidden tests (visible tests are always "
    "visible; the total score always is).",
)  # fmt: skip
def export(**options: Any) -> None:
    """Export REPORTS (files or folders) for an LMS.

    \b
    Examples:
      grade export --to canvas reports/ -o grades.csv --roster gradebook.csv
      grade export --to lti reports/ -o scores/          (or -o scores.jsonl)
      grade export --to junit reports/ -o junit.xml
      grade export --to gradescope reports/ -o gradescope/
    """
    from .export import export as export_reports

    with errors_as_messages():
        count, warnings = export_reports(**options)
    for warning in warnings:
        click.echo(f"Warning: {warning}", err=True)
    if options["output"] != "-":
        left = f" ({len(warnings)} warning(s) above)" if warnings else ""
        rows = "row" if count == 1 else "rows"
        click.echo(f"{count} {rows} exported to {options['output']}{left}", err=True)


@main.command()
@click.argument("target", type=click.Choice(["gradescope"]))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("autograder.zip"),
    show_default=True,
    help="The zip to write.",
)
@seed_option(
    "Seed of the hidden cases baked into the bundle (keep it secret). Default: a "
    "new random seed, printed once.",
    default=None,
)
@TIMEOUT_OPTION
@ASSIGNMENT_OPTION
@COURSE_OPTION
def bundle(target: str, **options: Any) -> None:
    """Write an autograder zip for TARGET (gradescope): upload it as the autograder.

    The zip carries the grader, the assignment (with the modules it imports beside it,
    such as its solution) and run_autograder, which grades against that assignment.
    """
    from .bundle import build_gradescope_bundle

    def drawn(seed: int) -> None:
        click.echo(f"Seed of the hidden cases: {seed} (drawn at random and stored in the "
                   "bundle; keep it to regrade the same way)", err=True)  # fmt: skip

    with errors_as_messages():
        use_course(options)
        names = build_gradescope_bundle(**options, on_seed=drawn)
    click.echo(f"{options['output']}: {len(names)} files, with setup.sh and run_autograder")


@main.command()
@click.argument("directory", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    default="class.html",
    show_default=True,
    metavar="FILE",
    help="The HTML page to write.",
)
def report(directory: tuple[Path, ...], output: str) -> None:
    """Write a one-page class report (HTML, works offline) over folders of reports."""
    from .classreport import write_class_report

    with errors_as_messages():
        written = write_class_report(directory=list(directory), output=output)
    compared = f", {written.compared} compared for similar code" if written.compared else ""
    click.echo(f"{output}: class report over {written.count} submissions{compared}")


@main.command()
@click.argument("directory", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--top", type=click.IntRange(min=0), default=10, show_default=True,
              help="How many of the most similar pairs to print.")  # fmt: skip
def similar(directory: tuple[Path, ...], top: int) -> None:
    """Compare the code of the submissions graded into DIRECTORY; write similarity.json.

    Pairs whose code is the same up to names, formatting, comments and order (the stub
    left out) are printed, most similar first, and written with their clusters to
    similarity.json beside summary.json. A signal to look at, never a verdict: no
    score changes. `grade report` shows them side by side.
    """
    from .classreport import similarity_of
    from .errors import UsageError
    from .export import collect_reports
    from .text import clean

    with errors_as_messages():
        found = collect_reports(list(directory))
        compared, path = similarity_of(found.reports, list(directory), write=True)
        similarity = compared.similarity
        for ident, reason in similarity.left_out.items():
            click.echo(f"Warning: {clean(ident)} not compared: {clean(reason)}", err=True)
        if path is None:
            raise UsageError("fewer than two submissions' code was found where they were "
                             "graded: run this in the folder you graded from")  # fmt: skip
    for cluster in similarity.clusters:
        click.echo(f"cluster: {', '.join(clean(i) for i in cluster)}")
    for pair in similarity.pairs[:top]:
        click.echo(f"{pair.score:.2f}{' flagged' if pair.flagged else '        '}  "
                   f"{clean(pair.a)}  {clean(pair.b)}")  # fmt: skip
    click.echo(f"{path}: {len(similarity.compared)} submissions compared, "
               f"{len(similarity.flagged())} pairs flagged in {len(similarity.clusters)} "
               "clusters")  # fmt: skip


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, metavar="DIR",
              help="The new folder for the kit.")  # fmt: skip
@ASSIGNMENT_OPTION
@COURSE_OPTION
def release(output: Path, assignment: str | None, course: Path | None) -> None:
    """Write the student kit to DIR: stubs, notebook, README and a grader without answers.

    Students install it with `pip install DIR` and grade with `grade-NAME NAME.py`: the
    worked examples and practice cases, with every answer precomputed as data. Each
    kit's package and command are its assignment's, so kits install side by side.
    """
    from .registry import choose_for, load
    from .release import names
    from .release import release as write_kit

    with errors_as_messages():
        use_course({"course": course})
        name = load(assignment or choose_for([]).ref).name
        written = write_kit(assignment=assignment or name, output=output)
    command = names(name)[1]
    click.echo(f"{output}: student kit for {name!r}, {len(written)} files; students run "
               f"`pip install {output}`, then `{command} ...`")  # fmt: skip


@main.command()
@click.argument("name")
def new(name: str) -> None:
    """Start a new assignment NAME in this folder: its package, solution, stubs, notebook."""
    from .authoring import scaffold

    with errors_as_messages():
        created = scaffold(name, Path.cwd())
    for path in created:
        click.echo(f"created {path}")
