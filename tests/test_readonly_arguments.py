"""Read-only arguments refuse writes only: every way of reading or copying them works.

A correct ``sgd_step`` may copy its arguments however it likes before it computes
``p - lr * g``; each variant below must score full marks, under every sandbox, while a
function that writes into its input still fails (tests/attacks/readonly_*).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.grade import grade

from .conftest import ROOT, SANDBOXES

BACKWARD = (ROOT / "solutions" / "backward.py").read_text()

# Each: how the arguments are copied, then the update on the copies.
COPIES = {
    "deepcopy": "ws, bs = copy.deepcopy(weights), copy.deepcopy(biases)",
    "copy": "ws, bs = copy.copy(weights), copy.copy(biases)",
    "list": "ws, bs = list(weights), list(biases)",
    "np_array": "ws, bs = [np.array(w) for w in weights], [np.array(b) for b in biases]",
    "slicing": "ws, bs = weights[:], biases[::1]",
    "iteration": "ws, bs = [w for w in weights], [b for b in iter(biases)]",
    "pickle": "ws, bs = pickle.loads(pickle.dumps(weights)), pickle.loads(pickle.dumps(biases))",
    "copy_then_mutate_copy": (
        "ws, bs = copy.deepcopy(weights), copy.deepcopy(biases)\n"
        "    ws.append(None); ws.pop(); ws[0] = ws[0] + 0"
    ),
}

SGD = """

import copy
import pickle


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    COPY
    new_weights = [p - learning_rate * g for p, g in zip(ws, grad_weights)]
    new_biases = [p - learning_rate * g for p, g in zip(bs, grad_biases)]
    return new_weights, new_biases
"""


@pytest.mark.parametrize("sandbox", SANDBOXES)
@pytest.mark.parametrize("how", sorted(COPIES))
def test_a_correct_sgd_step_may_copy_its_arguments_any_way(
    tmp_path: Path, how: str, sandbox: str
) -> None:
    path = tmp_path / "backward.py"
    path.write_text(BACKWARD + SGD.replace("COPY", COPIES[how]))
    report = grade(path, assignment="backward", sandbox=sandbox).to_dict()
    sgd = next(e for e in report["exercises"] if e["name"] == "sgd_step")
    lost = [t["message"] for t in report["tests"] if t["status"] != "passed"]
    assert sgd["score"] == sgd["max_score"], lost[:3]
    assert report["score"] == report["max_score"], lost[:3]


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_an_error_on_a_list_argument_names_list_not_the_wrapper(
    tmp_path: Path, sandbox: str
) -> None:
    """Students read "'list' object has no attribute 'shape'", as when they run it."""
    path = tmp_path / "backward.py"
    path.write_text(BACKWARD + "\n\ndef sgd_step(weights, biases, grad_weights, grad_biases, "
                    "learning_rate):\n    return weights.shape\n")  # fmt: skip
    report = grade(path, assignment="backward", sandbox=sandbox).to_dict()
    messages = " ".join(t["message"] for t in report["tests"] if t["exercise"] == "sgd_step")
    assert "'list' object has no attribute 'shape'" in messages, messages[:500]
    assert "Argument" not in messages
