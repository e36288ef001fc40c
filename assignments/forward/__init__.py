"""The forward-propagation assignment: exercises, points, cases and tips (mistakes: mistakes.py).

Everything the grader knows about this assignment is here; the engine in
``grader/`` only runs what this module declares. The course's worked examples
(shared/course-material) are visible cases; randomized cases, generated from
the seed, are hidden. Each randomized case exists to catch a known mistake,
named in its comment.
"""

from __future__ import annotations

import itertools

import numpy as np

from grader.spec import Assignment, Case, Exercise, Visibility
from solutions import forward as reference

from . import deviations
from .mistakes import MISTAKES

EXERCISES = (
    Exercise("relu", 10),
    Exercise("node_value", 10),
    Exercise("hidden_layer", 20),
    Exercise("forward", 25),
    Exercise("softmax", 15),
    Exercise("cross_entropy_loss", 20),
)

TIPS = {
    "relu": "relu must work on scalars and on arrays of any shape: np.maximum(0, x) does "
    "both, and returns a new array instead of changing x.",
    "node_value": "Multiply inputs and weights elementwise, add the products up, then add "
    "the bias; return one number.",
    "hidden_layer": "Compute inputs @ weights (shape (n_in, n_out)), add the biases if "
    "given, then apply relu to the sum.",
    "forward": "Loop over the layers: every layer but the last is a hidden_layer (with "
    "ReLU); the last is inputs @ weights + biases with no ReLU.",
    "softmax": "Subtract each row's maximum before np.exp (axis=-1, keepdims=True), then "
    "divide each row by its own sum.",
    "cross_entropy_loss": "Use a stable log-softmax (subtract the row maximum), pick each "
    "row's label column, and average -log p over the rows.",
}

BANK = [[[1.0, -1.0], [1.0, 1.0]], [[2.0], [-1.0]]]
DEEP_RELU = [[[2.0, 4.0], [4.0, -5.0]], [[-1.0, 1.0], [2.0, 2.0]], [[2.0], [7.0]]]
TWO_LAYER = [[[2.0, 4.0], [4.0, -5.0]], [[2.0], [7.0]]]


def arr(values: object, dtype: type = np.float64) -> np.ndarray:
    return np.asarray(values, dtype=dtype)


def net(layers: list[list[list[float]]]) -> list[np.ndarray]:
    return [arr(w) for w in layers]


def course_cases() -> list[Case]:
    """The worked examples of the course material, shown to students in full."""
    shown: Visibility = "visible"
    return [
        Case("relu/course_positive", "relu", (3,), shown),
        Case("relu/course_negative", "relu", (-3,), shown),
        Case("relu/course_array", "relu", (arr([3, -3]),), shown),
        Case("node_value/bank_top_node", "node_value", (arr([2, 3]), arr([1, 1])), shown),
        Case("node_value/bank_bottom_node", "node_value", (arr([2, 3]), arr([-1, 1])), shown),
        Case("node_value/bank_output_node", "node_value", (arr([5, 1]), arr([2, -1])), shown),
        Case("hidden_layer/bank", "hidden_layer", (arr([2, 3]), arr(BANK[0])), shown),
        Case("hidden_layer/deep_relu_first", "hidden_layer", (arr([3, 5]), arr(DEEP_RELU[0])), shown),
        Case("forward/bank", "forward", (arr([2, 3]), net(BANK)), shown),
        Case("forward/deep_relu", "forward", (arr([3, 5]), net(DEEP_RELU)), shown),
        Case("forward/many_rows", "forward", (arr([[3, 5], [1, -1], [0, 0], [8, 4]]), net(TWO_LAYER)), shown),
        Case("softmax/equal_large", "softmax", (arr([1000, 1000]),), shown),
        Case("softmax/equal_zero", "softmax", (arr([0, 0]),), shown),
        Case("cross_entropy_loss/large_logit", "cross_entropy_loss", (arr([[1000, 0]]), arr([1], np.int64)), shown),
        Case("cross_entropy_loss/uniform", "cross_entropy_loss", (arr([[0, 0]]), arr([0], np.int64)), shown),
    ]  # fmt: skip


class _Random:
    """Randomized values, rounded to two decimals so that shown inputs stay readable."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)

    def normal(self, *shape: int, scale: float = 2.0) -> np.ndarray:
        return self.rng.normal(0.0, scale, size=shape).round(2)

    def network(self, widths: list[int], biases: bool) -> tuple[list[np.ndarray], list | None]:
        weights = [self.normal(a, b) for a, b in itertools.pairwise(widths)]
        return weights, [self.normal(b) for b in widths[1:]] if biases else None


def random_cases(seed: int) -> list[Case]:
    """Hidden cases from the seed; each comment names the mistake the case catches."""
    r = _Random(seed)
    cases: list[Case] = []

    def add(exercise: str, label: str, *args: object) -> None:
        cases.append(Case(f"{exercise}/{label}", exercise, args))

    # relu: int and float scalars (plain Python), arrays of any shape (scalar-only max(0, x)).
    add("relu", "random_int_positive", int(r.rng.integers(1, 50)))
    add("relu", "random_int_negative", int(r.rng.integers(-50, 0)))
    add("relu", "random_float_positive", float(abs(r.normal(1)[0]) + 0.01))
    add("relu", "random_float_negative", float(-abs(r.normal(1)[0]) - 0.01))
    add("relu", "random_vector", r.normal(7))  # also: relu that modifies its input
    add("relu", "random_matrix", r.normal(3, 4))

    # node_value: with a bias (bias forgotten), without one, longer vectors (no sum).
    for n, with_bias in ((3, True), (5, True), (6, False), (4, True)):
        extra = (float(r.normal(1)[0]),) if with_bias else ()
        add("node_value", f"random_{n}_inputs" + ("_bias" if with_bias else ""),
            r.normal(n), r.normal(n), *extra)  # fmt: skip

    # hidden_layer: non-square weights (transposed), biases (ReLU before the bias), rows.
    add("hidden_layer", "random_vector_bias", r.normal(3), r.normal(3, 4), r.normal(4))
    add("hidden_layer", "random_rows_bias", r.normal(5, 3), r.normal(3, 2), r.normal(2))
    add("hidden_layer", "random_rows", r.normal(4, 2), r.normal(2, 3))
    add("hidden_layer", "random_vector", r.normal(4), r.normal(4, 2))

    # forward: 1 to 4 layers, uneven widths, biases present and absent, 1-D and 2-D inputs.
    for label, rows, widths, biases in (
        ("one_layer_bias", 0, [3, 2], True),  # the only layer is the linear output layer
        ("two_layers_rows_bias", 4, [3, 5, 2], True),
        ("three_layers_bias", 0, [2, 4, 3, 1], True),  # only first and last layer used
        ("four_layers", 0, [4, 3, 5, 2, 3], False),
        ("three_layers_rows", 3, [2, 6, 2, 2], False),
    ):
        weights, layer_biases = r.network(widths, biases)
        inputs = r.normal(rows, widths[0]) if rows else r.normal(widths[0])
        add("forward", f"random_{label}", inputs, weights, layer_biases)
    # An output layer with negative weights and biases: ReLU on the output gives 0 instead.
    weights, layer_biases = r.network([3, 4, 2], True)
    weights[-1], layer_biases[-1] = -abs(weights[-1]), -abs(layer_biases[-1]) - 0.5  # type: ignore[index]
    add("forward", "random_negative_outputs", r.normal(2, 3), weights, layer_biases)

    # softmax: rows must normalise on their own (wrong axis, whole array), large logits.
    add("softmax", "random_vector", r.normal(5))
    add("softmax", "random_rows", r.normal(4, 3))
    add("softmax", "random_square", r.normal(3, 3))
    add("softmax", "random_large_rows", r.normal(2, 5, scale=300.0) + 700.0)  # overflow
    add("softmax", "random_large_negative", r.normal(4, scale=5.0) - 1000.0)  # 0 / 0

    # cross_entropy_loss: several rows (summed, not averaged), large logits (unstable).
    for label, m, n, scale in (
        ("random_rows", 5, 3, 2.0),
        ("random_large_logits", 4, 4, 400.0),
        ("random_one_row", 1, 3, 2.0),
        ("random_two_classes", 6, 2, 3.0),
    ):
        labels = r.rng.integers(0, n, size=m).astype(np.int64)
        add("cross_entropy_loss", label, r.normal(m, n, scale=scale), labels)
    return cases


def make_cases(seed: int) -> list[Case]:
    return course_cases() + random_cases(seed)


ASSIGNMENT = Assignment(
    name="forward",
    title="Forward propagation",
    exercises=EXERCISES,
    reference={e.name: getattr(reference, e.name) for e in EXERCISES},
    make_cases=make_cases,
    tips=TIPS,
    mistakes=MISTAKES,
    combine=deviations.combine,
    calls=deviations.CALLS,
)
