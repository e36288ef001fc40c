"""One grade, said on the terminal: the ``grade FILE`` command's work, without click.

cli.py parses every command with click and calls ``grade_one`` for a single file. A
plain single grade (``grade FILE`` and its usual options, each value plainly valid) is
also run from here directly (``quick``), before click and the command line are imported:
they cost about as long as the grading itself. Anything ``quick`` does not recognise,
or that click would have to explain (a bad value, ``--help``), goes to cli.py, which
says it as always; both paths grade, print and exit alike. Errors become messages here
and nowhere else (``errors_as_messages``): exit 2 for usage errors, never a traceback.
"""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import interrupt
from .errors import GraderError, SandboxUnavailable, UsageError
from .sandbox import Limits, Sandbox, resolve

if TYPE_CHECKING:
    from .registry import Choice

BELOW_THRESHOLD = 3  # the exit code of a score below --fail-under
MAX_SEED = 2**63 - 1
MIN_TIMEOUT = 0.05
FORMATS = ("native", "gradescope")
SANDBOXES = ("auto", "bwrap", "process", "landlock", "portable")


def echo(text: str, err: bool = False, color: bool = False) -> None:
    """A line to stdout (or stderr), as click.echo writes it; with colours, click writes it."""
    if color:
        import click  # only a terminal in colour needs it (and Windows, its translation)

        click.echo(text, err=err, color=True)
        return
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


@contextmanager
def errors_as_messages() -> Iterator[None]:
    """The one place where the library's exceptions become ``Error: ...`` and an exit code."""
    try:
        yield
    except GraderError as exc:
        echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        echo(f"Error: internal error ({type(exc).__name__}: {exc}); please report this",
             err=True)  # fmt: skip
        sys.exit(1)


@dataclass(frozen=True)
class Threshold:
    """--fail-under: a score in points, or a share of the maximum."""

    value: float
    share: bool  # given as a percentage
    text: str

    def fails(self, score: float, maximum: float) -> bool:
        if self.share:
            return maximum <= 0 or score < self.value / 100 * maximum
        return score < self.value


def parse_fail_under(text: str | None) -> Threshold | None:
    """``60`` (points) or ``60%`` (of the maximum); UsageError for anything else."""
    if text is None:
        return None
    share = text.strip().endswith("%")
    try:
        value = float(text.strip().removesuffix("%"))
    except ValueError:
        value = float("nan")
    if not (0 <= value < float("inf")) or (share and value > 100):
        raise UsageError(f"--fail-under {text!r}: give points (60) or a percentage (60%)")
    return Threshold(value, share, text.strip())


def exit_on_low_scores(scores: list[tuple[str, float, float]], threshold: Threshold) -> None:
    """Exit BELOW_THRESHOLD, saying who, when a score is below ``threshold``."""
    low = [(name, s, m) for name, s, m in scores if threshold.fails(s, m)]
    if not low:
        return
    if len(scores) == 1:
        _, score, maximum = low[0]
        said = f"Score {score:g}/{maximum:g} is below --fail-under {threshold.text}"
    else:
        names = ", ".join(name for name, _, _ in low[:10]) + (", ..." if len(low) > 10 else "")
        said = (
            f"{len(low)} of {len(scores)} scores are below --fail-under {threshold.text}: {names}"
        )
    echo(f"{said} (exit code {BELOW_THRESHOLD})", err=True)
    sys.exit(BELOW_THRESHOLD)


def warn(message: str) -> None:
    echo(f"Warning: {message}", err=True)


def announce(choice: Choice, chosen: list[Choice] | None = None) -> None:
    """Say which course folder and assignment the submissions are graded against (the
    assignment when it was not named)."""
    if chosen is not None:
        chosen.append(choice)
    if choice.announcement:
        echo(choice.announcement, err=True)
    if choice.course is not None:
        echo(choice.course.announcement, err=True)


def grade_one(path: Path, options: dict[str, Any], box: Sandbox | None) -> tuple[str, float, float]:
    """Grade the file at ``path`` with the command's ``options`` (as click parsed them), in
    ``box`` if the command started one that fits; print its summary; (name, score, max)."""
    output = options["output"] or "report.json"
    try:
        box = box or Sandbox(resolve(options["sandbox"]), Limits(call_timeout=options["timeout"]))
    except SandboxUnavailable:
        box = None  # grade_file meets it again, and writes a report that says so
    from .grade import grade_file
    from .summary import render, terminal_width, use_color

    chosen: list[Choice] = []
    report = grade_file(
        submission=path, output=output, fmt=options["fmt"], seed=options["seed"],
        timeout=options["timeout"], sandbox=options["sandbox"],
        show_hidden=options["show_hidden"], assignment=options["assignment"], box=box,
        on_fallback=warn, on_choice=lambda choice: announce(choice, chosen),
        on_tier=lambda said: echo(said, err=True),
    )  # fmt: skip
    tips = chosen[0].assignment.tips if chosen else {}
    # The summary goes to stdout, or to stderr when the report takes stdout: colour and
    # width are those of the stream it goes to.
    stream = sys.stderr if output == "-" else sys.stdout
    color = use_color(stream)
    summary = render(report.to_dict(), tips=tips, color=color, width=terminal_width(stream),
                     saved_to=None if output == "-" else output)  # fmt: skip
    echo(summary, err=output == "-", color=color)
    if output != "-":
        echo(f"Report written to {output}")
    return path.name, report.score, report.max_score


def fitting(box: Sandbox | None, options: dict[str, Any]) -> Sandbox | None:
    """``box`` (started early by launch.py) if it is the sandbox ``options`` ask for; else
    None, and ``box`` is closed."""
    if box is None:
        return None
    try:
        fits = box.kind == resolve(options["sandbox"])
    except GraderError:
        fits = False
    if fits and box.limits == Limits(call_timeout=options["timeout"]):
        return box
    box.close()
    return None


# ------------------------------------------------------------------ without click

_DIGITS = re.compile(r"[0-9]{1,19}")
_DECIMAL = re.compile(r"[0-9]{1,9}(\.[0-9]{1,9})?")


def options_of(given: dict[str, str | bool]) -> dict[str, Any] | None:
    """The options dict click would make of ``given`` (launch.py's reading of a single
    grade's command line), or None if any value is not plainly valid: click then parses
    it all and says what is wrong, exactly as without this path."""
    strings = {k: v for k, v in given.items() if isinstance(v, str)}
    if any(not v or (v.startswith("-") and v != "-") for v in strings.values()):
        return None  # an empty value, or an option where a value should be: click's to say
    seed_text = strings.get("--seed")
    if seed_text is None:
        import os

        seed_text = os.environ.get("GRADER_SEED") or "0"
    timeout_text = strings.get("--timeout")
    jobs = strings.get("--jobs", "1")
    if (
        not _DIGITS.fullmatch(seed_text)
        or int(seed_text) > MAX_SEED
        or (timeout_text is not None and not _DECIMAL.fullmatch(timeout_text))
        or (timeout_text is not None and float(timeout_text) < MIN_TIMEOUT)
        or strings.get("--format", "native") not in FORMATS
        or strings.get("--sandbox", "auto") not in SANDBOXES
        or not _DIGITS.fullmatch(jobs)
        or int(jobs) < 1
    ):
        return None
    return {
        "output": strings.get("--output", strings.get("-o")),
        "seed": int(seed_text),
        "fmt": strings.get("--format", "native"),
        "timeout": Limits.call_timeout if timeout_text is None else float(timeout_text),
        "sandbox": strings.get("--sandbox", "auto"),
        "show_hidden": bool(given.get("--show-hidden")),
        "assignment": strings.get("--assignment"),
        "course": Path(strings["--course"]) if "--course" in strings else None,
        "fail_under": strings.get("--fail-under"),
    }


def quick(path: str, given: dict[str, str | bool], held: dict[str, Sandbox | None]) -> None:
    """Grade ``path`` as ``grade`` would, without click, and exit, if ``given`` is plainly
    valid; else return, leaving the sandbox ``held`` (launch.py's) for cli.py."""
    options = options_of(given)
    if options is None:
        return
    box = held.pop("sandbox", None)
    try:
        with errors_as_messages():
            from .course import use

            use(options.pop("course"))
            threshold = parse_fail_under(options.pop("fail_under"))
            scores = [grade_one(Path(path), options, fitting(box, options))]
            interrupt.raise_if_pressed()  # a press some C code swallowed still counts
        if threshold is not None:
            exit_on_low_scores(scores, threshold)
    except KeyboardInterrupt:
        echo(f"\n{interrupt.said()}", err=True)
        sys.exit(interrupt.exit_code())
    except OSError as exc:  # as click's main: a reader that went away (`grade x.py | head`)
        if exc.errno != errno.EPIPE:
            raise
        _silence_stdout()
        sys.exit(1)
    sys.exit(0)


def _silence_stdout() -> None:
    """stdout's reader is gone: what is still buffered goes nowhere, quietly."""
    import os

    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
