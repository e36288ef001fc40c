"""Submissions that cannot be graded, or that break, get a clear message and a valid report."""

from __future__ import annotations

import time

import pytest

from grader.sandbox import Limits

from .conftest import REFERENCE, STUB, full_marks_except, scores, with_replaced


def test_syntax_error_names_the_line(grade) -> None:
    source = REFERENCE.replace("def softmax(z):", "def softmax(z)")
    line = source.splitlines().index("def softmax(z)") + 1
    report = grade(source)
    assert report["status"] == "error" and report["score"] == 0
    assert "SyntaxError" in report["message"] and f"line {line} of forward.py" in report["message"]
    assert report["tests"] == []


def test_an_import_the_grader_lacks_is_left_out_with_a_note(grade) -> None:
    report = grade("import numpy as np\nimport tensorflow_is_not_here\n")
    assert report["status"] == "graded"
    assert "line 2" in report["message"] and "tensorflow_is_not_here" in report["message"]


def test_an_import_error_in_an_allowed_module_names_the_line(grade) -> None:
    report = grade("import numpy as np\nfrom numpy import not_a_numpy_name\n")
    assert report["status"] == "error"
    assert "ImportError" in report["message"] and "line 2" in report["message"]


def test_exception_at_import_shows_the_students_line(grade) -> None:
    report = grade("x = 1\ny = x / 0\n")
    assert report["status"] == "error"
    assert "ZeroDivisionError" in report["message"]
    assert 'File "forward.py", line 2, in <module>: y = x / 0' in report["message"]


@pytest.mark.parametrize(
    "data, words",
    [
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary"),
        ("def relu(x):\n    return x\n# caf\xe9\n".encode("latin-1"), "line 3 is not valid UTF-8"),
    ],
)
def test_binary_and_non_utf8_files(grade, data: bytes, words: str) -> None:
    report = grade(data)
    assert report["status"] == "error" and words in report["message"]
    assert report["submission"]["sha256"] and report["sandbox"] == "none"


def test_empty_file_scores_zero_not_implemented(grade) -> None:
    report = grade("")
    assert report["status"] == "graded" and report["score"] == 0
    assert {t["status"] for t in report["tests"]} == {"not_implemented"}
    assert "relu is not defined in the submission" in report["tests"][0]["message"]


def test_missing_functions_cost_only_themselves(grade) -> None:
    source = REFERENCE.replace("def softmax(z):", "def softmax_v2(z):")
    report = grade(source)
    assert full_marks_except(report, "softmax")
    assert {t["status"] for t in report["tests"] if t["exercise"] == "softmax"} == {
        "not_implemented"
    }


@pytest.mark.parametrize(
    "body, words",
    [
        ("return None", "returned None: is a `return` statement missing?"),
        ("return 'softmax'", "returned a str, not numbers"),
        ("return np.full(np.shape(z), np.nan)", "returned nan in"),
        ("return np.log(np.zeros(np.shape(z)))", "returned inf in"),
        ("return {'p': 1}", "returned a dict, not numbers"),
    ],
)
def test_bad_return_values(grade, body: str, words: str) -> None:
    report = grade(with_replaced(softmax=f"def softmax(z):\n    {body}\n"))
    assert full_marks_except(report, "softmax")
    messages = [t["message"] for t in report["tests"] if t["exercise"] == "softmax"]
    assert all(words in m for m in messages), messages


def test_infinite_recursion_is_an_error_for_that_exercise(grade) -> None:
    report = grade(with_replaced(relu="def relu(x):\n    return relu(x)\n"))
    assert full_marks_except(report, "relu", "hidden_layer", "forward") or full_marks_except(
        report, "relu"
    )
    relu_tests = [t for t in report["tests"] if t["exercise"] == "relu"]
    assert all(t["status"] == "error" and "RecursionError" in t["message"] for t in relu_tests)


def test_stub_messages_say_not_implemented(grade) -> None:
    report = grade(STUB)
    assert scores(report) == dict.fromkeys(scores(report), 0)
    assert all("still raises NotImplementedError" in t["message"] for t in report["tests"])


def test_total_time_is_bounded(grade) -> None:
    slow = "import time\n\ndef relu(x):\n    time.sleep(0.3)\n    return x\n"
    limits = Limits(call_timeout=0.5, load_timeout=5.0, total_timeout=1.5)
    start = time.monotonic()
    report = grade(REFERENCE + slow, limits=limits)
    assert time.monotonic() - start < 4
    relu = [t for t in report["tests"] if t["exercise"] == "relu"]
    assert relu[-1]["status"] == "timeout" and "total time of 1.5 s" in relu[-1]["message"]
    others = [t for t in report["tests"] if t["exercise"] == "softmax"]
    assert all(t["status"] == "timeout" for t in others)
