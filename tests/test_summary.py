"""The terminal summary: short, grouped, as wide as the terminal, coloured only when asked."""

from __future__ import annotations

import io

import pytest

from assignments.forward import ASSIGNMENT
from assignments.forward.mistakes import forward_relu_on_output
from grader.report import validate
from grader.summary import class_mean, describe_mean, render, use_color

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
    relu_tests = sum(c.exercise == "relu" for c in ASSIGNMENT.make_cases(0))  # as cases grow
    assert f"- relu still raises NotImplementedError ({relu_tests} tests)" in out
    assert "Try:" not in out and out.splitlines()[-1] == "Score: 0/100"


def test_colour_only_when_asked(grade) -> None:
    report = grade(as_submission("forward", forward_relu_on_output))
    assert "\x1b[" in text(report, color=True) and "\x1b[" not in text(report)


def test_error_report_shows_the_message(grade) -> None:
    out = text(grade("def relu(x)\n    return x\n"))
    assert "SyntaxError" in out and "line 1 of forward.py" in out
    assert out.splitlines()[-1] == "Score: 0/100"


# --- Width, code blocks, printed output, colour: on reports built from the schema ----------

ARRAY = "[[0.      , 0.333333, 0.666667],\n [1.      , 1.333333, 1.666667]]"
CALL = "forward([[3, 5], [1, -1]], [[[2, 4], [4, -5]], [[2], [7]]])"
TRACEBACK = (
    "relu(3) raised TypeError: 'int' object is not subscriptable\n"
    '  File "forward.py", line 12, in relu: return helper(x)\n'
    '  File "forward.py", line 14, in helper: return x[999] + some_long_name_that_goes_on'
    " + and_on + and_on_and_on"
)


def built(message: str = "", *, stdout: str = "", stderr: str = "", score: float = 0.0) -> dict:
    """A graded report with one failed forward test saying ``message``."""
    test = {"name": "forward/many_rows", "exercise": "forward", "status": "failed",
            "score": 0.0, "max_score": 25.0, "visibility": "visible", "message": message,
            "hint": None, "duration_s": 0.01}  # fmt: skip
    report = {
        "schema_version": "1.0", "assignment": "forward", "grader_version": "0.1.0",
        "graded_at": "2026-01-01T00:00:00Z", "duration_s": 1.0, "seed": 0, "sandbox": "process",
        "submission": {"path": "forward.py", "sha256": "0" * 64}, "status": "graded",
        "message": "", "score": score, "max_score": 100.0,
        "exercises": [{"name": "forward", "score": score, "max_score": 25.0, "passed": 0,
                       "tests": 1}],
        "stdout": stdout, "stderr": stderr, "tests": [test],
    }  # fmt: skip
    validate(report, "report")
    return report


def test_wraps_to_the_width_it_is_given() -> None:
    """Used to wrap at a fixed 80 columns, whatever the terminal."""
    tip = {"forward": "Loop over the layers: " + "every layer but the last is a hidden_layer " * 4}
    for width in (50, 80, 120):
        lines = render(built("wrong values"), tips=tip, color=False, width=width).splitlines()
        assert all(len(line) <= width for line in lines), width
        assert max(len(line) for line in lines) > width - 15  # and it uses the room


def test_a_multi_row_array_stays_a_block_aligned_under_its_bracket() -> None:
    message = f"{CALL} returned {ARRAY}, expected {ARRAY}"
    lines = render(built(message), tips={}, color=False, width=80).splitlines()
    rows = [i for i, line in enumerate(lines) if "[1.      , 1.333333, 1.666667]]" in line]
    assert len(rows) == 2  # each row whole, never re-wrapped
    for row in rows:
        first = lines[row - 1]
        assert first.endswith("[[0.      , 0.333333, 0.666667],")
        assert lines[row].index("[1.") == first.index("[[0.") + 1  # numpy's alignment, kept
    assert lines[rows[0]].endswith("]],") and lines[rows[0] + 1].lstrip().startswith("expected")
    assert any(CALL in line for line in lines)
    narrow = render(built(message), tips={}, color=False, width=50).splitlines()
    assert "        - forward([[3, 5], [1, -1]]," in narrow  # between arguments, if it must
    assert "          [[[2, 4], [4, -5]], [[2], [7]]])" in narrow


def test_traceback_lines_are_indented_and_cut_not_wrapped() -> None:
    lines = render(built(TRACEBACK), tips={}, color=False, width=70).splitlines()
    frames = [line for line in lines if "File " in line]
    assert len(frames) == 2
    assert frames[0] == '            File "forward.py", line 12, in relu: return helper(x)'
    assert frames[1].startswith('            File "forward.py", line 14, in helper: re')
    assert frames[1].endswith("...") and len(frames[1]) <= 70
    assert not any("and_on" in line for line in lines)  # no wrapped remainder of the frame


def test_what_the_program_printed_is_mentioned() -> None:
    printed = "".join(f"epoch {i} loss {1 / (i + 1):.3f}\n" for i in range(12))
    out = render(built(stdout=printed, stderr="warning: x\n"), tips={}, color=False,
                 saved_to="report.json")  # fmt: skip
    lines = out.splitlines()
    start = lines.index("Your program printed:")
    assert lines[start + 1 : start + 6] == [
        f"    epoch {i} loss {1 / (i + 1):.3f}" for i in range(5)
    ]
    assert lines[start + 6] == "    ... and 7 more lines: all of it is in report.json ('stdout')"
    assert lines[start + 7 : start + 9] == ["Your program printed to stderr:", "    warning: x"]
    assert lines[-1].startswith("Score")
    assert "printed" not in render(built(), tips={}, color=False)


def test_scores_are_rounded_for_people() -> None:
    out = render(built(score=57.777777), tips={}, color=False)
    assert out.splitlines()[-1] == "Score: 57.78/100"
    assert render(built(score=99.9999), tips={}, color=False).endswith("Score: 99.99/100")


def test_use_color_follows_no_color_force_color_and_the_stream(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tty, pipe = io.StringIO(), io.StringIO()
    tty.isatty = lambda: True  # type: ignore[method-assign]
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    assert use_color(tty) and not use_color(pipe)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color(pipe)
    monkeypatch.setenv("NO_COLOR", "1")  # NO_COLOR wins, as in CPython
    assert not use_color(tty) and not use_color(pipe)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "0")
    assert not use_color(tty)
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not use_color(tty)


def test_the_class_mean_counts_ungradable_submissions_as_zero() -> None:
    rows = [{"status": "graded", "score": 90.0}, {"status": "graded", "score": 80.0},
            {"status": "error", "score": 0.0}]  # fmt: skip
    mean = class_mean(rows)
    assert mean.overall == pytest.approx(170 / 3) and mean.graded == 85.0
    assert describe_mean(mean) == "mean 56.67 (ungradable as 0), 85 over the 2 graded"
    assert describe_mean(class_mean(rows[:2])) == "mean 85"
