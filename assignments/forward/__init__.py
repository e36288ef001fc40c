"""The forward-propagation assignment: exercises, points, cases and tips (mistakes: mistakes.py).

Everything the grader knows about this assignment is here; the engine in
``grader/`` only runs what this module declares. The course's worked examples
(shared/course-material) are visible cases; randomized cases, generated from
the seed, are hidden. Each randomized case exists to catch a known mistake,
named in its comment.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

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

    def fraction(self, low: int, high: int) -> float:
        """A number that is never whole: an integer part and 0.11 to 0.89."""
        return float(self.rng.integers(low, high)) + float(self.rng.integers(11, 90)) / 100

    def network(self, widths: list[int], biases: bool) -> tuple[list[np.ndarray], list | None]:
        weights = [self.normal(a, b) for a, b in itertools.pairwise(widths)]
        return weights, [self.normal(b) for b in widths[1:]] if biases else None


def random_cases(seed: int) -> list[Case]:
    """Hidden cases from the seed; each comment names the mistake the case catches.

    Probes isolate one misconception each at every seed (the trigger is built in, not
    left to chance), so that a score never depends on the seed and the diagnosis sees
    where each mistake fails and where it does not.
    """
    r = _Random(seed)
    cases: list[Case] = []

    def add(exercise: str, label: str, *args: object) -> None:
        cases.append(Case(f"{exercise}/{label}", exercise, args))

    _relu_cases(r, add)
    _node_value_cases(r, add)
    _hidden_layer_cases(r, add)
    _forward_cases(r, add)
    _softmax_cases(r, add)
    _loss_cases(r, add)
    _probes(r, add)
    _forms_and_ranges(r, add)  # last: the cases above keep their values at every seed
    # (forward's arrays show a first row used alone by their rows; a loss is one number)
    cases += first_rows_alone(cases, ("cross_entropy_loss/random_rows",))
    return cases + as_written()


def first_rows_alone(cases: list[Case], names: tuple[str, ...]) -> list[Case]:
    """Each named case cut to its first row (and the first of each per-row argument): a
    result that is this one's for the whole batch shows only the first example is used."""
    alone = []
    for case in cases:
        if case.name not in names:
            continue
        m = len(case.args[0])
        args = tuple(a[:1] if isinstance(a, np.ndarray) and a.ndim and len(a) == m else a
                     for a in case.args)  # fmt: skip
        alone.append(Case(f"{case.name}_first_row_alone", case.exercise, args))
    return alone


Add = Callable[..., None]


def _relu_cases(r: _Random, add: Add) -> None:
    """int and float scalars (plain Python), arrays of any shape (scalar-only max(0, x))."""
    add("relu", "random_int_positive", int(r.rng.integers(1, 50)))
    add("relu", "random_int_negative", int(r.rng.integers(-50, 0)))
    add("relu", "random_float_positive", r.fraction(0, 5))  # int buffers cut the fraction
    add("relu", "random_float_negative", -r.fraction(0, 5))
    vector = r.normal(7)
    vector[0] = -r.fraction(0, 3)  # a negative first element: np.vectorize makes ints
    vector[1] = r.fraction(1, 4)
    add("relu", "random_vector", vector)  # also: relu that modifies its input
    add("relu", "random_matrix", r.normal(3, 4))


def _node_value_cases(r: _Random, add: Add) -> None:
    """With a bias (bias forgotten), without one, longer vectors (no sum), many decimals."""
    for n, with_bias in ((3, True), (5, True), (6, False), (4, True)):
        extra = (float(r.normal(1)[0]) or 0.5,) if with_bias else ()
        add("node_value", f"random_{n}_inputs" + ("_bias" if with_bias else ""),
            r.normal(n), r.normal(n), *extra)  # fmt: skip
    # Values with many decimals and a positive sum: any rounding shows, ReLU inside does not.
    inputs, weights = np.abs(r.rng.normal(1.0, 1.0, 3)) + 0.1, np.abs(r.rng.normal(1.0, 1.0, 3))
    add("node_value", "probe_many_decimals", inputs, weights, float(r.rng.uniform(0.1, 1.0)))
    # A negative sum: a node with ReLU inside gives 0.
    add("node_value", "probe_negative_sum", np.abs(r.normal(3)) + 0.5, -np.abs(r.normal(3)) - 0.5,
        float(r.rng.uniform(-1.0, 1.0)))  # fmt: skip
    # The bank's first node with changed inputs: a fixed answer would still be 5.
    add("node_value", "probe_bank_top_node_changed", arr([2, 3 + r.fraction(1, 3)]), arr([1, 1]))
    add("node_value", "probe_bank_output_node_changed", arr([5 + r.fraction(1, 3), 1]),
        arr([2, -1]))  # fmt: skip


def _hidden_layer_cases(r: _Random, add: Add) -> None:
    """Non-square weights (transposed), biases (ReLU before the bias), rows, zero biases."""
    add("hidden_layer", "random_vector_bias", r.normal(3), r.normal(3, 4), r.normal(4))
    add("hidden_layer", "random_rows_bias", r.normal(5, 3), r.normal(3, 2), r.normal(2))
    add("hidden_layer", "random_rows", r.normal(4, 2), r.normal(2, 3))
    add("hidden_layer", "random_vector", r.normal(4), r.normal(4, 2))
    # A square layer: weights.T fits, but gives other values.
    add("hidden_layer", "random_square", r.normal(2, 3), r.normal(3, 3))
    # Negative sums with a positive bias: the bias after ReLU gives the bias, not 0.
    weights = -np.abs(r.normal(3, 2)) - 0.5
    add("hidden_layer", "probe_bias_after_relu", np.abs(r.normal(3)) + 0.5, weights,
        arr([r.fraction(1, 3), r.fraction(1, 3)]))  # fmt: skip
    add("hidden_layer", "probe_zero_biases", r.normal(3, 3), r.normal(3, 2), arr([0.0, 0.0]))


def _forward_cases(r: _Random, add: Add) -> None:
    """1 to 4 layers, uneven widths, biases present and absent, 1-D and 2-D inputs.

    Only the course-sized probes have 2 inputs, 2 hidden nodes and 1 output, so a
    forward with the course's sizes written in fails everything else.
    """
    for label, rows, widths, biases in (
        ("one_layer_bias", 0, [3, 2], True),  # the only layer is the linear output layer
        ("two_layers_rows_bias", 4, [3, 5, 2], True),
        ("two_layers_bias", 0, [4, 3, 2], True),  # one data point: 1-D in, 1-D out
        ("three_layers_bias", 0, [3, 4, 3, 1], True),  # only first and last layer used
        ("three_equal_widths", 0, [3, 3, 3, 2], True),  # first and last fit: wrong values
        ("four_layers", 0, [4, 3, 5, 2, 3], False),
        ("three_layers_rows", 3, [2, 6, 2, 2], False),
        ("one_layer_rows", 2, [4, 3], True),
    ):
        weights, layer_biases = r.network(widths, biases)
        inputs = r.normal(rows, widths[0]) if rows else r.normal(widths[0])
        add("forward", f"random_{label}", inputs, weights, layer_biases)
    # An output layer with negative weights and biases: ReLU on the output gives 0 instead.
    weights, layer_biases = r.network([3, 4, 2], True)
    weights[-1], layer_biases[-1] = -abs(weights[-1]), -abs(layer_biases[-1]) - 0.5  # type: ignore[index]
    add("forward", "random_negative_outputs", r.normal(2, 3), weights, layer_biases)
    # Zero biases: a forward that ignores the biases passes here and fails elsewhere.
    weights, _ = r.network([3, 4, 2], False)
    add("forward", "probe_zero_biases", r.normal(3, 3), weights, [np.zeros(4), np.zeros(2)])
    # The course's sizes with other weights: right for written-in sizes, not fixed answers.
    weights, layer_biases = r.network([2, 2, 1], True)
    add("forward", "probe_course_sizes_rows", r.normal(3, 2), weights, layer_biases)
    add("forward", "probe_course_sizes", r.normal(2), weights, layer_biases)
    # The worked examples with one weight changed: a fixed answer would still be 9 or 182.
    bank, deep = net(BANK), net(DEEP_RELU)
    bank[1] = bank[1] + arr([[0.0], [-r.fraction(1, 3)]])
    deep[2] = deep[2] + arr([[0.0], [-r.fraction(1, 3)]])
    add("forward", "probe_bank_changed", arr([2, 3]), bank)
    add("forward", "probe_deep_relu_changed", arr([3, 5]), deep)


def _softmax_cases(r: _Random, add: Add) -> None:
    """Rows must normalise on their own (wrong axis, whole array), large logits."""
    add("softmax", "random_vector", r.normal(5))
    add("softmax", "random_rows", r.normal(4, 3))
    add("softmax", "random_square", r.normal(3, 3))
    add("softmax", "random_large_rows", r.normal(2, 5, scale=300.0) + 700.0)  # overflow
    add("softmax", "random_large_negative", r.normal(4, scale=5.0) - 1000.0)  # 0 / 0


def _loss_cases(r: _Random, add: Add) -> None:
    """Several rows (summed, not averaged), large logits (unstable), m != n, positive scores."""
    for label, m, n, scale in (
        ("random_rows", 5, 3, 2.0),
        ("random_large_logits", 4, 4, 400.0),
        ("random_one_row", 1, 3, 2.0),
        ("random_two_classes", 6, 2, 3.0),
    ):
        labels = r.rng.integers(0, n, size=m).astype(np.int64)
        add("cross_entropy_loss", label, r.normal(m, n, scale=scale), labels)
    # Scores between 0 and 1: -log(score) is finite, so taking scores for probabilities
    # gives wrong values rather than nan (or a math domain error).
    labels = r.rng.integers(0, 4, size=3).astype(np.int64)
    add("cross_entropy_loss", "probe_positive_scores", r.rng.uniform(0.05, 0.95, (3, 4)), labels)
    # A large logit on the label and a row of equal scores: capped or clipped logs show.
    add("cross_entropy_loss", "probe_large_logit_rows",
        arr([[0.0, 800.0 + r.fraction(0, 50), 0.0], [1.0, 1.0, 1.0]]), arr([0, 2], np.int64))  # fmt: skip


def _probes(r: _Random, add: Add) -> None:
    """Probes that hold the structure and vary the values, so the diagnosis can tell a
    property (the number of inputs, a bias) from a value (decimals, a negative first node)."""
    # Two inputs (the course's count) with decimals, with and without a bias: a mistake that
    # depends on the values (rounding) fails here too, so it is not "right for 2 inputs".
    add("node_value", "probe_two_inputs_decimals", r.rng.uniform(0.1, 1.0, 2),
        r.rng.uniform(0.1, 1.0, 2), float(r.rng.uniform(0.1, 0.5)))  # fmt: skip
    add("node_value", "probe_no_bias_decimals", r.rng.uniform(0.1, 1.0, 3),
        r.rng.uniform(0.1, 1.0, 3))  # fmt: skip
    # A layer whose first node is negative and the others positive with decimals: a relu that
    # takes its type from the first element (np.vectorize) cuts the others to integers.
    inputs = np.abs(r.normal(3)) + 0.5
    weights = np.abs(r.normal(3, 3)) + 0.1
    weights[:, 0] = -weights[:, 0]
    add("hidden_layer", "probe_first_node_negative", inputs, weights.round(2),
        arr([0.0, r.fraction(0, 2), r.fraction(0, 2)]))  # fmt: skip


def as_written() -> list[Case]:
    """The docstrings' worked examples called as they are written there: Python lists of
    whole numbers (``node_value([2, 3], [1, 1]) == 5``), hidden, at every seed.

    The visible examples pass float arrays; these catch a function that never converts
    its arguments (``list * list``, ``.shape`` or ``@`` of a list raise).
    """
    return [
        Case("node_value/bank_top_node_as_written", "node_value", ([2, 3], [1, 1])),
        Case("hidden_layer/deep_relu_first_as_written", "hidden_layer", ([3, 5], [[2, 4], [4, -5]])),
        Case("forward/bank_as_written", "forward", ([2, 3], [[[1, -1], [1, 1]], [[2], [-1]]])),
        Case("cross_entropy_loss/large_logit_as_written", "cross_entropy_loss", ([[1000, 0]], [1])),
    ]  # fmt: skip


def _forms_and_ranges(r: _Random, add: Add) -> None:
    """Argument forms the spec allows and the ranges of each definition, at every seed.

    relu takes any array-like: a Python list (``x * (x > 0)`` raises on one) and an array
    of three axes (loops written for 1-D or 2-D). Rows far apart (one near +1000, one
    near -1000): a shift by the whole batch's maximum instead of each row's leaves the low
    row 0 / 0. A batch of one row: the result keeps both axes (not squeezed to 1-D).
    Whole numbers in: a result built in a buffer made like its input (``np.zeros_like(z)``
    of integers is an int array) cuts every fraction.
    """
    add("relu", "probe_list", [int(r.rng.integers(1, 9)), -int(r.rng.integers(1, 9)), 0,
                                r.fraction(0, 3), -r.fraction(0, 3)])  # fmt: skip
    add("relu", "random_3d", r.normal(2, 3, 2))
    far = np.concatenate([r.normal(1, 3) + 1000.0, r.normal(1, 3) - 1000.0]).round(2)
    add("softmax", "probe_rows_far_apart", far)
    far = np.concatenate([r.normal(1, 3) - 1000.0, r.normal(1, 3) + 1000.0]).round(2)
    add("cross_entropy_loss", "probe_rows_far_apart", far, arr(r.rng.permutation(3)[:2], np.int64))
    add("hidden_layer", "probe_one_row", r.normal(1, 3), r.normal(3, 2), r.normal(2))
    weights, layer_biases = r.network([3, 4, 2], True)
    add("forward", "probe_one_row", r.normal(1, 3), weights, layer_biases)
    # Square layers (every width 3): layers skipped, repeated, reversed or transposed give
    # values here instead of a shape error, so those mistakes are told apart by their values.
    weights, layer_biases = r.network([3, 3, 3, 3], True)
    add("forward", "probe_square_layers", r.normal(2, 3), weights, layer_biases)
    # A pre-activation exactly 0 (ReLU's boundary), in whole numbers so that it is 0 in any
    # order of summation: a ReLU written with a division by the value (x / abs(x)) gives nan.
    add("hidden_layer", "probe_zero_pre_activation", *_zero_pre_activation(r, [3, 3]))
    add("forward", "probe_zero_pre_activation", *_zero_pre_activation(r, [3, 4, 2]))
    # softmax of whole numbers, as softmax([0, 0]) is written: ints in, probabilities out;
    # one class above 1/2, so a result kept in an int array (cut) is not one rounded.
    add("softmax", "probe_whole_numbers", [int(r.rng.integers(3, 7)), 0,
                                           int(r.rng.integers(-2, 2))])  # fmt: skip
    # The same in rows (an int array, as np.array([[1, 2, 3], [3, 2, 1]]) is): a loop over
    # the rows into a buffer made like the batch cuts every row, where a 1-D input may take
    # another path. The loss takes whole-number scores too.
    add("softmax", "probe_whole_number_rows", _whole_number_rows(r))
    add("cross_entropy_loss", "probe_whole_number_rows", _whole_number_rows(r),
        arr([0, int(r.rng.integers(0, 3))], np.int64))  # fmt: skip


def _whole_number_rows(r: _Random) -> np.ndarray:
    """Two rows of three whole numbers, an int array; each row has one class above 1/2."""
    first = [int(r.rng.integers(3, 7)), 0, int(r.rng.integers(-2, 2))]
    second = [int(r.rng.integers(-2, 2)), int(r.rng.integers(3, 7)), 0]
    return np.array([first, second], dtype=np.int64)


def _zero_pre_activation(r: _Random, widths: list[int]) -> tuple[object, ...]:
    """Whole-number rows, weights and biases; the first unit of the first layer is exactly 0
    on the first row. One layer: hidden_layer's arguments; more: forward's."""
    inputs = r.rng.integers(-3, 4, size=(2, widths[0])).astype(float)
    weights = [r.rng.integers(-2, 3, size=(a, b)).astype(float)
               for a, b in itertools.pairwise(widths)]  # fmt: skip
    biases = [r.rng.integers(-2, 3, size=b).astype(float) for b in widths[1:]]
    inputs[0, 0], weights[0][0, 0] = 1.0, 2.0  # a nonzero term, so the 0 is a sum's
    biases[0][0] = -float(inputs[0] @ weights[0][:, 0])
    if len(widths) == 2:
        return inputs, weights[0], biases[0]
    return inputs, weights, biases


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
