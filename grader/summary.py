"""The terminal summary: the student's main view of a report, readable in 80 columns.

Text is cleaned again here, at the point of printing: a report may come from
disk, and a file name may hold escapes, so nothing but our own colours ever
reaches the terminal as a control character.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from typing import Any

import click

from .text import clean

WIDTH = 80
SHOWN = 2  # failure messages shown per exercise; the report has them all
SHOWN_TEXT = 10_000  # characters of any one string of a report; a message is ~2000


def _cleaned(value: Any) -> Any:
    """A report (or part of one) with every string cleaned for the terminal."""
    if isinstance(value, str):
        return clean(value, SHOWN_TEXT)
    if isinstance(value, Mapping):
        return {k: _cleaned(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    return value


def _wrap(text: str, indent: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(
            paragraph, WIDTH, initial_indent=indent, subsequent_indent=indent + "  "
        ) or [indent]
    return lines


def _one_line(text: str) -> str:
    """A name or path shown on a line of its own: a newline in it must not start another."""
    return text.replace("\n", " ").replace("\t", " ")


def _points(value: float) -> str:
    if not math.isfinite(value):  # only from a tampered report, but int(inf) would raise
        return str(value)
    return f"{value:.4g}" if value != int(value) else str(int(value))


def _failures(failed: list[dict[str, Any]], tip: str | None, style: Any) -> list[str]:
    """An exercise's failures: the diagnosis once, a few example messages, or a tip."""
    lines: list[str] = []
    hints = list(dict.fromkeys(t["hint"] for t in failed if t.get("hint")))
    for hint in hints:
        lines += _wrap(style(f"hint: {hint}", fg="yellow"), "        ")
    # Identical messages are grouped; visible tests first, since they show the call.
    groups: dict[str, int] = {}
    for test in sorted(failed, key=lambda t: t["visibility"] != "visible"):
        groups[test["message"]] = groups.get(test["message"], 0) + 1
    for message, count in list(groups.items())[:SHOWN]:
        lines += _wrap(f"- {message}" + (f" ({count} tests)" if count > 1 else ""), "        ")
    rest = sum(list(groups.values())[SHOWN:])
    if rest:
        lines.append(f"        ... and {rest} more failed test{'s' * (rest > 1)} in the report")
    if tip and not hints and any(t["status"] != "not_implemented" for t in failed):
        lines += _wrap(style(f"Try: {tip}", fg="cyan"), "        ")
    return lines


def render(report: Mapping[str, Any], *, tips: Mapping[str, str], color: bool) -> str:
    """The summary as text; ANSI colours only when ``color`` is true."""

    def style(text: str, **kw: Any) -> str:
        return click.style(text, **kw) if color else text

    report, tips = _cleaned(report), _cleaned(tips)
    head = f"{_one_line(report['assignment'])}: "
    path = _one_line(report["submission"]["path"])
    if len(head) + len(path) > WIDTH:
        path = "..." + path[-(WIDTH - len(head) - 3) :]
    lines = [head + path]
    if report["status"] != "graded":
        lines += _wrap(report["message"], "  ")
        lines.append(style(f"Score: 0/{_points(report['max_score'])}", bold=True, fg="red"))
        return "\n".join(lines)
    for exercise in report["exercises"]:
        ok = exercise["passed"] == exercise["tests"]
        mark = style("PASS", fg="green", bold=True) if ok else style("FAIL", fg="red", bold=True)
        score = f"{_points(exercise['score'])}/{_points(exercise['max_score'])}"
        counts = f"{exercise['passed']}/{exercise['tests']} tests"
        lines.append(f"  {mark}  {_one_line(exercise['name']):<20} {score:>11}   {counts}")
        if ok:
            continue
        failed = [t for t in report["tests"] if t["exercise"] == exercise["name"]
                  and t["status"] != "passed"]  # fmt: skip
        lines += _failures(failed, tips.get(exercise["name"]), style)
    total = f"Score: {_points(report['score'])}/{_points(report['max_score'])}"
    full = report["score"] >= report["max_score"]
    lines.append(style(total, bold=True, fg="green" if full else None))
    return "\n".join(lines)
