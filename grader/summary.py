"""The terminal summary: the student's main view of a report, readable in 80 columns."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

import click

WIDTH = 80
MAX_GROUPS = 4


def _wrap(text: str, indent: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(
            paragraph, WIDTH, initial_indent=indent, subsequent_indent=indent + "  "
        ) or [indent]
    return lines


def _points(value: float) -> str:
    return f"{value:.4g}" if value != int(value) else str(int(value))


def render(report: Mapping[str, Any], *, tips: Mapping[str, str], color: bool) -> str:
    """The summary as text; ANSI colours only when ``color`` is true."""

    def style(text: str, **kw: Any) -> str:
        return click.style(text, **kw) if color else text

    lines = [f"{report['assignment']}: {report['submission']['path']}"]
    if report["status"] != "graded":
        lines += _wrap(report["message"], "  ")
        lines.append(style(f"Score: 0/{_points(report['max_score'])}", bold=True, fg="red"))
        return "\n".join(lines)
    for exercise in report["exercises"]:
        ok = exercise["passed"] == exercise["tests"]
        mark = style("PASS", fg="green", bold=True) if ok else style("FAIL", fg="red", bold=True)
        score = f"{_points(exercise['score'])}/{_points(exercise['max_score'])}"
        counts = f"{exercise['passed']}/{exercise['tests']} tests"
        lines.append(f"  {mark}  {exercise['name']:<20} {score:>11}   {counts}")
        if ok:
            continue
        failed = [t for t in report["tests"] if t["exercise"] == exercise["name"]
                  and t["status"] != "passed"]  # fmt: skip
        # Group tests that failed the same way: one line each, with a count.
        groups: dict[tuple[str, str | None], int] = {}
        for test in failed:
            key = (test["message"], test.get("hint"))
            groups[key] = groups.get(key, 0) + 1
        for (message, hint), count in list(groups.items())[:MAX_GROUPS]:
            times = f" ({count} tests)" if count > 1 else ""
            lines += _wrap(f"- {message}{times}", "        ")
            if hint:
                lines += _wrap(style(f"hint: {hint}", fg="yellow"), "          ")
        if len(groups) > MAX_GROUPS:
            rest = sum(list(groups.values())[MAX_GROUPS:])
            lines.append(f"        ... and {rest} more failed tests: see the report")
        if exercise["name"] in tips and not any(t["status"] == "not_implemented" for t in failed):
            lines += _wrap(style(f"Try: {tips[exercise['name']]}", fg="cyan"), "        ")
    total = f"Score: {_points(report['score'])}/{_points(report['max_score'])}"
    full = report["score"] >= report["max_score"]
    lines.append(style(total, bold=True, fg="green" if full else None))
    return "\n".join(lines)
