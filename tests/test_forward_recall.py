"""The forward feedback names the mistakes public code makes (issue 18).

Each class below got no hint, or none that named it, on code written by people who
never saw the catalogue (NNFS, cs231n, Nielsen, deeplearning.ai, Stack Overflow): an
activation other than ReLU, node_value's mean or sums multiplied or bias per input or
loop from index 1, biases=None not handled (a TypeError, or nan from
np.asarray(None, dtype=float)), the biases as a column, forward's first or last layer
skipped, its layers reversed, the inputs fed to every layer, softmax on its output,
ReLU on each layer's input or after the first only, log-softmax returned as softmax,
a shift by the whole batch's maximum, max and sum without keepdims, NNFS's axis=1,
softmax applied twice in the loss, probs[:, labels] or probs[labels], log10, the
maximum not added back to log-sum-exp, float labels, the last row skipped, np.max(0, x),
the step for relu. Each is graded here as students wrote it in the tuned corpus
(tests/corpus/forward/), at two seeds, and must be named by its family in its own
exercise. The docstring's list calls refused, a call that never ends and numpy's
removed aliases are said as observed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assignments.forward.mistakes import misconception

from .submissions import with_replaced

CORPUS = Path(__file__).resolve().parent / "corpus" / "forward"
LABELS = json.loads((CORPUS / "labels.json").read_text())
SEEDS = (0, 5)

# The tuned-corpus files of the classes issue 18 added (one file per family).
CLASSES = sorted(
    name
    for name, label in LABELS.items()
    if label["main"]
    and label["main"].split(":")[1]
    in {
        "relu.sigmoid", "relu.tanh", "relu.leaky", "relu.step", "relu.np_max",
        "hidden_layer.sigmoid", "hidden_layer.tanh", "hidden_layer.leaky",
        "hidden_layer.none_biases", "hidden_layer.bias_column", "hidden_layer.no_biases",
        "node_value.mean", "node_value.sums_multiplied", "node_value.bias_per_input",
        "node_value.first_input_skipped", "forward.sigmoid", "forward.tanh", "forward.leaky",
        "forward.none_biases", "forward.first_layer_skipped", "forward.last_layer_skipped",
        "forward.reversed_layers", "forward.softmax_on_output", "forward.inputs_every_layer",
        "forward.relu_on_inputs", "forward.relu_first_only", "softmax.log_softmax",
        "softmax.global_max", "softmax.no_keepdims", "softmax.axis_1", "loss.softmax_twice",
        "loss.all_pairs", "loss.log10", "loss.max_not_added_back", "loss.float_labels",
        "loss.last_row_skipped", "loss.rows_by_labels",
    }
)  # fmt: skip


def families(report: dict[str, Any], exercise: str) -> set[str]:
    """The families of the ids the failed tests of ``exercise`` carry."""
    return {misconception(i) for t in report["tests"]
            if t["exercise"] == exercise and t["status"] != "passed"
            for i in t.get("hint_ids", [])}  # fmt: skip


def test_every_class_has_its_file() -> None:
    assert len(CLASSES) >= 37


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", CLASSES)
def test_class_is_named_in_its_exercise(grade, name: str, seed: int) -> None:
    exercise, family = LABELS[name]["main"].split(":")
    report = grade((CORPUS / name).read_text(), seed=seed)
    assert report["status"] == "graded"
    lost = {e["name"] for e in report["exercises"] if e["score"] < e["max_score"]}
    assert lost == {exercise}, lost
    assert family in families(report, exercise), families(report, exercise)


OBSERVED = {
    "list_relu_mask": ("relu", "def relu(x):\n    return x * (x > 0)\n", "symptom.list_refused"),
    "list_node_matmul": ("node_value", """
        def node_value(inputs, weights, bias=0.0):
            return float(inputs @ weights + bias)
    """, "symptom.list_refused"),
    "list_forward_dot": ("forward", """
        def forward(inputs, weights, biases=None):
            a = inputs
            for i in range(len(weights)):
                a = a.dot(weights[i])
                if biases is not None:
                    a = a + biases[i]
                if i < len(weights) - 1:
                    a = np.maximum(0, a)
            return a
    """, "symptom.list_refused"),
    "list_loss_shape": ("cross_entropy_loss", """
        def cross_entropy_loss(scores, labels):
            m = scores.shape[0]
            s = scores - scores.max(axis=1, keepdims=True)
            log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
            return float(-log_p[np.arange(m), labels].mean())
    """, "symptom.list_refused"),
    "numpy_alias_removed": ("relu", """
        def relu(x):
            return np.maximum(0, np.array(x, dtype=np.float))
    """, "symptom.numpy_name_missing"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(OBSERVED))
def test_observed_symptom_is_said(grade, name: str) -> None:
    exercise, code, key = OBSERVED[name]
    report = grade(with_replaced(**{exercise: code}))
    lost = {e["name"] for e in report["exercises"] if e["score"] < e["max_score"]}
    assert lost == {exercise}, lost
    assert key in families(report, exercise), families(report, exercise)


# A forward whose loop never ends where every layer has the same width (the square probe),
# and raises a shape error everywhere else: the calls that would tell 'weights transposed'
# or 'layers reversed' from it never finish, so neither is named; the timeout is said.
LOOPS_ON_SQUARE_LAYERS = """
    def forward(inputs, weights, biases=None):
        a = np.asarray(inputs, dtype=float)
        i = 0
        while i < len(weights):
            a = a @ weights[i]
            if biases is not None:
                a = a + biases[i]
            if i < len(weights) - 1:
                a = np.maximum(0, a)
                i += 1
        return a
"""


def test_shape_errors_alone_name_no_mistake_and_a_timeout_is_said(grade) -> None:
    report = grade(with_replaced(forward=LOOPS_ON_SQUARE_LAYERS))
    said = families(report, "forward")
    assert "symptom.timeout" in said
    assert not [i for i in said if not i.startswith(("symptom.", "behaviour."))], said


# deeplearning.ai's activations return (A, cache): the value is there, as the first item.
RELU_WITH_CACHE = """
    def relu(Z):
        A = np.maximum(0, Z)
        cache = Z
        return A, cache
"""


def test_value_returned_with_a_cache_is_said_as_the_first_item(grade) -> None:
    report = grade(with_replaced(relu=RELU_WITH_CACHE))
    failed = [t for t in report["tests"] if t["exercise"] == "relu" and t["status"] != "passed"]
    assert failed
    assert all("behaviour.reshaped" in t["hint_ids"] for t in failed)
    assert all("first of 2 items" in (t["hint"] or "") for t in failed)
