"""The terminal summary: the student's main view of a report, in the terminal's width.

Text is cleaned again here, at the point of printing: a report may come from
disk, and a file name may hold escapes, so nothing but our own colours ever
reaches the terminal as a control character.

Prose is wrapped to the width; code is not. A bracketed expression is never
broken across lines, the rows of a multi-row array stay aligned under its first
bracket, traceback lines keep their indentation, and a code line too long for
the terminal is cut with "..." (the report has it whole).
"""

from __future__ import annotations

import math
import os
import shutil
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .text import clean

WIDTH = 80  # when the caller does not know the terminal's
MIN_WIDTH = 40  # narrower terminals get lines cut, not a summary wrapped a word per line
MAX_WIDTH = 120  # prose wider than this is hard to read, whatever the terminal
SHOWN = 2  # failure messages shown per exercise; the report has them all
SHOWN_TEXT = 10_000  # characters of any one string of a report; a message is ~2000
SHOWN_OUTPUT = 5  # lines of the student's printed output, per stream
MESSAGE = " " * 8  # indent of a failure's text, under its exercise
OPEN, CLOSE = "([{", ")]}"
KEPT = "\x00"  # a space textwrap must not break at; clean() leaves no NUL in report text

Style = Callable[..., str]


def use_color(stream: Any) -> bool:
    """Whether to colour what goes to ``stream``: NO_COLOR, then FORCE_COLOR, then a tty.

    The order is CPython's own (``_colorize.can_colorize``): NO_COLOR (non-empty) always
    wins; FORCE_COLOR (non-empty, and not 0 or false) colours even a pipe; otherwise only
    a terminal that is not ``TERM=dumb`` gets colours.
    """
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR", "")
    if force:
        return force.strip().lower() not in ("0", "false")
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # no isatty, or a closed stream
        return False


def terminal_width(stream: Any) -> int:
    """The width to render for ``stream``: $COLUMNS, its terminal's, else WIDTH; capped."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return min(int(columns), MAX_WIDTH)
    try:
        width = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):  # not a terminal: a pipe, a file, a test
        width = shutil.get_terminal_size((WIDTH, 24)).columns if stream is None else WIDTH
    return min(width or WIDTH, MAX_WIDTH)


@dataclass(frozen=True)
class ClassMean:
    """A class's mean score, defined once for the terminal and the class report."""

    overall: float  # over every submission, an ungradable one counted as 0
    graded: float | None  # over the graded submissions only; None when none was graded
    count: int
    graded_count: int


def class_mean(rows: Iterable[Mapping[str, Any]]) -> ClassMean:
    """The mean of reports or summary rows (anything with ``status`` and ``score``)."""
    scores, graded = [], []
    for row in rows:
        scores.append(float(row["score"]) if row["status"] == "graded" else 0.0)
        if row["status"] == "graded":
            graded.append(float(row["score"]))
    overall = math.fsum(scores) / len(scores) if scores else 0.0
    mean = math.fsum(graded) / len(graded) if graded else None
    return ClassMean(overall, mean, len(scores), len(graded))


def describe_mean(mean: ClassMean) -> str:
    """The two means, labelled: 'mean 57.78 (ungradable as 0), 64.2 over the 18 graded'."""
    text = f"mean {points(mean.overall)}"
    if mean.graded_count == mean.count:
        return text
    graded = "none graded" if mean.graded is None else f"{points(mean.graded)} over the "
    if mean.graded is not None:
        graded += f"{mean.graded_count} graded"
    return f"{text} (ungradable as 0), {graded}"


def points(value: float) -> str:
    """A score for people: at most two decimals, no trailing zeros (57.78, 13.5, 100)."""
    if not math.isfinite(value):  # only from a tampered report, but round(inf) would raise
        return str(value)
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _score(value: float, maximum: float) -> str:
    """``points``, except that a score short of full marks never reads as full marks."""
    text = points(value)
    if math.isfinite(value) and value < maximum and text == points(maximum):
        text = f"{math.floor(value * 100) / 100:.2f}"
    return text


def _cleaned(value: Any) -> Any:
    """A report (or part of one) with every string cleaned for the terminal."""
    if isinstance(value, str):
        return clean(value, SHOWN_TEXT)
    if isinstance(value, Mapping):
        return {k: _cleaned(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    return value


def _cut(line: str, width: int) -> str:
    """A line that must not wrap (code, output, a path) cut to ``width`` with '...'."""
    return line if len(line) <= width else line[: width - 3].rstrip() + "..."


def _kept_together(text: str, room: int) -> str:
    """``text`` with the spaces of its expressions made unbreakable, so wrapping keeps them.

    Lists and dicts are data: always kept whole (cut if too long). A parenthesis is kept
    whole when it fits on a line; a longer one is prose, and only its lists are kept.
    """
    chars = list(text)
    for start, end, closed in _groups(text):
        inner_end = end - 1 if closed else end
        if text[start] in "[{" or end - start <= room:
            chars[start:end] = text[start:end].replace(" ", KEPT)
        else:
            chars[start + 1 : inner_end] = _kept_together(text[start + 1 : inner_end], room)
    return "".join(chars)


def _groups(text: str) -> list[tuple[int, int, bool]]:
    """The outermost bracketed spans of ``text``: start, end, and whether it closes."""
    spans, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in OPEN:
            start = index if depth == 0 else start
            depth += 1
        elif char in CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, index + 1, True))
    if depth:
        spans.append((start, len(text), False))
    return spans


def _brackets(line: str, depth: int) -> tuple[int, int | None, int | None]:
    """Depth after ``line``, where its still-open expression starts, where depth first hit 0."""
    start = closed = None
    for column, char in enumerate(line):
        if char in OPEN:
            start = column if depth == 0 else start
            depth += 1
        elif char in CLOSE and depth:
            depth -= 1
            closed = column + 1 if depth == 0 and closed is None else closed
    return depth, start if depth else None, closed


def _prose(text: str, indent: str, width: int) -> list[str]:
    """One line of prose wrapped to ``width``; an expression in it moves whole or is cut.

    A line that starts a multi-row array (its last bracket stays open) leaves room for
    the rows' closing brackets, and puts the array on a line of its own when it would
    start past the middle, so that the rows aligned under it still fit.
    """
    groups = _groups(text)
    if not groups or groups[-1][2]:
        return _wrapped(text, indent, width)
    start = groups[-1][0]
    depth, _, _ = _brackets(text[start:], 0)
    lines = _wrapped(text, indent, width - depth - 1)
    head = text[:start].rstrip()
    if lines[-1].rfind(text[start:]) > width // 2 and head:
        lines = [*_wrapped(head, indent, width), indent + "  " + text[start:]]
    return lines


def _wrapped(text: str, indent: str, width: int) -> list[str]:
    """``text`` wrapped between spaces outside its expressions (outside lists, if need be)."""
    for room in (width - len(indent) - 2, 0):  # 0: a call's arguments may go on two lines
        wrapped = textwrap.wrap(_kept_together(text, room), width, initial_indent=indent,
                                subsequent_indent=indent + "  ", break_long_words=False,
                                break_on_hyphens=False)  # fmt: skip
        if all(len(line) <= width for line in wrapped):
            break
    return [line.replace(KEPT, " ") for line in wrapped] or [indent.rstrip()]


def _block(text: str, indent: str, width: int) -> list[str]:
    """A message, hint or tip as lines: prose wrapped, arrays aligned, code lines cut."""
    out: list[str] = []
    depth, anchor = 0, 0
    for raw in text.split("\n"):
        if depth and (not raw.strip() or raw.lstrip()[:1] in OPEN):
            # A row of an array begun above: under its first bracket, as numpy laid it out.
            line = " " * anchor + raw
            depth, _, closed = _brackets(line, depth)
            rest = line[closed:].lstrip(",; ") if closed else ""
            if not rest:
                out.append(line)
                continue
            # What follows the array (", expected [[...") is prose again, on a line of its own.
            out.append(line[: len(line) - len(rest)])
            raw, indent_now = rest, indent + "  "
        elif raw[:1].isspace():  # a traceback or code line: its own indentation, never wrapped
            out.append(indent + "  " + raw)
            depth = 0
            continue
        else:
            indent_now = indent if not out else indent + "  "
        lines = _prose(raw, indent_now, width)
        depth, start, _ = _brackets(lines[-1], 0)
        anchor = start or 0
        out += lines
    return [_cut(line.rstrip(), width) if line.strip() else "" for line in out]


def _failures(failed: list[dict[str, Any]], tip: str | None, style: Style, width: int) -> list[str]:
    """An exercise's failures: the diagnosis once, a few example messages, or a tip."""
    lines: list[str] = []
    hints = list(dict.fromkeys(t["hint"] for t in failed if t.get("hint")))
    for hint in hints:
        lines += [style(line, fg="yellow") for line in _block(f"hint: {hint}", MESSAGE, width)]
    # Identical messages are grouped; visible tests first, since they show the call.
    groups: dict[str, int] = {}
    for test in sorted(failed, key=lambda t: t["visibility"] != "visible"):
        groups[test["message"]] = groups.get(test["message"], 0) + 1
    for message, count in list(groups.items())[:SHOWN]:
        lines += _block(f"- {message}" + (f" ({count} tests)" if count > 1 else ""), MESSAGE, width)
    rest = sum(list(groups.values())[SHOWN:])
    if rest:
        more = f"... and {rest} more failed test{'s' * (rest > 1)} in the report"
        lines += _prose(more, MESSAGE, width)
    if tip and not hints and any(t["status"] != "not_implemented" for t in failed):
        lines += [style(line, fg="cyan") for line in _block(f"Try: {tip}", MESSAGE, width)]
    return lines


def _exercise_line(exercise: Mapping[str, Any], mark: str, columns: tuple[int, int],
                   width: int) -> str:  # fmt: skip
    """'  PASS  scale                      10/10   9/9 tests', narrower when the terminal is.

    ``columns`` are the widths of the name and score columns that all exercises need.
    """
    name = exercise["name"].replace("\n", " ").replace("\t", " ")
    score = _fraction(exercise)
    counts = f"{exercise['passed']}/{exercise['tests']} tests"
    line = f"{name:<20} {score:>11}   {counts}"
    if len(line) + 8 > width:  # 8: the indent and PASS/FAIL before it
        line = f"{name:<{columns[0]}} {score:>{columns[1]}}  {counts}"
    if len(line) + 8 > width:
        line = line.removesuffix(" tests")
    return f"  {mark}  {_cut(line, width - 8)}"


def _fraction(exercise: Mapping[str, Any]) -> str:
    """An exercise's '13.89/25'."""
    return f"{_score(exercise['score'], exercise['max_score'])}/{points(exercise['max_score'])}"


def _printed(report: Mapping[str, Any], width: int, saved_to: str | None) -> list[str]:
    """The first lines the student's own code printed, and where the rest is."""
    lines: list[str] = []
    where = f"in {saved_to}" if saved_to and saved_to != "-" else "in the report"
    for stream, note in (("stdout", "Your program printed:"),
                         ("stderr", "Your program printed to stderr:")):  # fmt: skip
        text = report[stream].rstrip("\n")
        if not text.strip():
            continue
        printed = text.split("\n")
        lines.append(note)
        lines += [
            _cut("    " + line.replace("\t", "    "), width) for line in printed[:SHOWN_OUTPUT]
        ]
        rest = len(printed) - SHOWN_OUTPUT
        if rest > 0:
            more = f"... and {rest} more line{'s' * (rest > 1)}: all of it is {where} ({stream!r})"
            lines += _prose(more, "    ", width)
    return lines


def render(
    report: Mapping[str, Any],
    *,
    tips: Mapping[str, str],
    color: bool,
    width: int = WIDTH,
    saved_to: str | None = None,
) -> str:
    """The summary as text ``width`` columns wide; ANSI colours only when ``color`` is true.

    ``saved_to`` is where the report was written, named when output is cut short.
    """

    def style(text: str, **kw: Any) -> str:
        if not color:
            return text
        import click  # only for colours: a grade printed plainly never imports click

        return str(click.style(text, **kw))

    width = max(width, MIN_WIDTH)
    report, tips = _cleaned(report), _cleaned(tips)
    head = f"{report['assignment']}: ".replace("\n", " ").replace("\t", " ")
    path = report["submission"]["path"].replace("\n", " ").replace("\t", " ")
    if len(head) + len(path) > width:
        path = "..." + path[-max(width - len(head) - 3, 10) :]
    lines = [_cut(head + path, width)]
    if report["status"] != "graded":
        lines += _block(report["message"], "  ", width)
        lines += _printed(report, width, saved_to)
        lines.append(style(f"Score: 0/{points(report['max_score'])}", bold=True, fg="red"))
        return "\n".join(lines)
    columns = (
        min(max((len(e["name"]) for e in report["exercises"]), default=0), 20),
        max((len(_fraction(e)) for e in report["exercises"]), default=0),
    )
    for exercise in report["exercises"]:
        ok = exercise["passed"] == exercise["tests"]
        mark = style("PASS", fg="green", bold=True) if ok else style("FAIL", fg="red", bold=True)
        lines.append(_exercise_line(exercise, mark, columns, width))
        if ok:
            continue
        failed = [t for t in report["tests"] if t["exercise"] == exercise["name"]
                  and t["status"] != "passed"]  # fmt: skip
        lines += _failures(failed, tips.get(exercise["name"]), style, width)
    lines += _printed(report, width, saved_to)
    total = f"Score: {_score(report['score'], report['max_score'])}/{points(report['max_score'])}"
    full = report["score"] >= report["max_score"]
    lines.append(style(total, bold=True, fg="green" if full else None))
    return "\n".join(lines)
