"""The terminal summary: short, grouped, 80 columns, coloured only when asked."""

from __future__ import annotations

from assignments.forward import ASSIGNMENT
from assignments.forward.mistakes import forward_relu_on_output
from grader.summary import render

from .conftest import REFERENCE, STUB
from .test_mistakes import as_submission


def text(report: dict, color: bool = False) -> str:
    return render(report, tips=ASSIGNMENT.tips, color=color)


def test_full_marks(grade) -> None:
    out = text(grade(REFERENCE))
    assert out.splitlines()[-1] == "Score: 100/100"
    assert out.count("PASS") == 6 and "FAIL" not in out


def test_a_diagnosed_mistake_reads_as_one_hint(grade) -> None:
    out = text(grade(as_submission("forward", forward_relu_on_output)))
    lines = out.splitlines()
    failing = next(i for i, line in enumerate(lines) if "FAIL  forward" in line)
    assert lines[failing + 1].strip().startswith("hint: Your output layer applies ReLU")
    assert out.count("hint:") == 1 and "Try:" not in out
    assert all(len(line) <= 80 for line in lines)
    assert "\x1b[" not in out


def test_stubs_say_not_implemented_once_per_exercise(grade) -> None:
    out = text(grade(STUB))
    assert "- relu still raises NotImplementedError (9 tests)" in out
    assert "Try:" not in out and out.splitlines()[-1] == "Score: 0/100"


def test_colour_only_when_asked(grade) -> None:
    report = grade(as_submission("forward", forward_relu_on_output))
    assert "\x1b[" in text(report, color=True) and "\x1b[" not in text(report)


def test_error_report_shows_the_message(grade) -> None:
    out = text(grade("def relu(x)\n    return x\n"))
    assert "SyntaxError" in out and "line 1 of forward.py" in out
    assert out.splitlines()[-1] == "Score: 0/100"
