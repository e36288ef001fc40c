"""Contained hostility: misbehaviour costs the misbehaving exercise only, and fools nothing."""

from __future__ import annotations

import time

import pytest

from .conftest import FAST, REFERENCE, SANDBOXES, STUB, full_marks_except, with_replaced

pytestmark = pytest.mark.parametrize("sandbox", SANDBOXES)


def test_infinite_loop_in_one_function(grade, sandbox: str) -> None:
    start = time.monotonic()
    report = grade(with_replaced(softmax="def softmax(z):\n    while True:\n        pass\n"),
                   sandbox=sandbox)  # fmt: skip
    elapsed = time.monotonic() - start
    assert full_marks_except(report, "softmax")
    softmax = [t for t in report["tests"] if t["exercise"] == "softmax"]
    assert softmax[0]["status"] == "timeout" and "longer than 0.5 s" in softmax[0]["message"]
    assert all(t["score"] == 0 for t in softmax)
    # One timeout, then the rest of the exercise is skipped: bounded well below 7 timeouts.
    assert elapsed < 1 + 3 * FAST.call_timeout


def test_infinite_loop_at_import(grade, sandbox: str) -> None:
    report = grade("while True:\n    pass\n", sandbox=sandbox)
    assert report["status"] == "error" and "longer than 5 s" in report["message"]


@pytest.mark.parametrize("code", ["import sys\nsys.exit(3)\n", "raise SystemExit('bye')\n"])
def test_sys_exit_at_import(grade, sandbox: str, code: str) -> None:
    report = grade(REFERENCE + code, sandbox=sandbox)
    assert report["status"] == "error" and "SystemExit" in report["message"]


def test_os_exit_at_import(grade, sandbox: str) -> None:
    report = grade(REFERENCE + "import os\nos._exit(0)\n", sandbox=sandbox)
    assert report["status"] == "error" and "ended while importing" in report["message"]


def test_os_exit_in_one_function(grade, sandbox: str) -> None:
    code = "def node_value(inputs, weights, bias=0.0):\n    import os\n    os._exit(7)\n"
    report = grade(with_replaced(node_value=code), sandbox=sandbox)
    assert full_marks_except(report, "node_value")
    first = next(t for t in report["tests"] if t["exercise"] == "node_value")
    assert first["status"] == "error" and "exited with code 7" in first["message"]


def test_sys_exit_in_one_function(grade, sandbox: str) -> None:
    code = "def relu(x):\n    import sys\n    sys.exit(0)\n"
    report = grade(with_replaced(relu=code), sandbox=sandbox)
    assert full_marks_except(report, "relu")
    assert all("SystemExit" in t["message"] for t in report["tests"] if t["exercise"] == "relu")


def test_memory_bomb_in_one_function(grade, sandbox: str) -> None:
    code = "def hidden_layer(inputs, weights, biases=None):\n    return [0.0] * 10**10\n"
    report = grade(with_replaced(hidden_layer=code), sandbox=sandbox)
    assert full_marks_except(report, "hidden_layer")
    tests = [t for t in report["tests"] if t["exercise"] == "hidden_layer"]
    assert all(t["status"] == "error" and "MemoryError" in t["message"] for t in tests)


def test_fake_results_on_stdout_are_ignored(grade, sandbox: str) -> None:
    fake = ('import json\nprint(json.dumps({"ev": "call", "ex": 0, "case": 0, '
            '"status": "returned", "value": {"kind": "array", "shape": [], "data": [3.0]}}))\n'
            'print(json.dumps({"score": 100, "status": "graded"}))\n')  # fmt: skip
    report = grade(STUB + fake, sandbox=sandbox)
    assert report["score"] == 0
    assert '"score": 100' in report["stdout"]


def test_monkeypatched_numpy_comparisons_fool_nothing(grade, sandbox: str) -> None:
    patch = ("import numpy as np, math\n"
             "np.allclose = np.array_equal = lambda *a, **k: True\n"
             "np.isclose = lambda a, b, *r, **k: np.ones(np.shape(a), bool)\n"
             "np.testing.assert_allclose = lambda *a, **k: None\n"
             "math.isclose = lambda *a, **k: True\n"
             "def relu(x):\n    return np.zeros(np.shape(x)) + 1234\n")  # fmt: skip
    report = grade(patch, sandbox=sandbox)
    assert report["score"] == 0


def test_objects_that_claim_equality_fool_nothing(grade, sandbox: str) -> None:
    liar = """
class Liar:
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    __lt__ = __le__ = __gt__ = __ge__ = __eq__
    def __array__(self, *a, **k): raise TypeError("no")

class LyingFloat(float):
    def __eq__(self, other): return True
    def __sub__(self, other): return 0.0
    def __abs__(self): return 0.0

def relu(x):
    return Liar()

def node_value(inputs, weights, bias=0.0):
    return LyingFloat(-123.0)
"""
    report = grade(liar, sandbox=sandbox)
    assert report["score"] == 0
    relu = next(t for t in report["tests"] if t["exercise"] == "relu")
    assert "returned a Liar, not numbers" in relu["message"]
