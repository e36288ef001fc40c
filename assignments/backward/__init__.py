"""The backpropagation assignment: exercises, points, cases and tips (mistakes: mistakes.py).

The lesson after forward propagation, in the same notation: examples are rows,
weights (n_in, n_out), biases (n_out,), ReLU hidden layers, a linear output layer,
softmax and the mean cross-entropy loss over integer labels. The worked examples
of solutions/backward.py (the course's bank network, made a two-class classifier)
are visible cases; randomized cases from the seed are hidden, and each exists to
catch the mistakes named in its comment, at every seed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import numpy as np

from grader.spec import Assignment, Case, Exercise, Visibility
from solutions import backward as reference

from .mistakes import CALLS, MISTAKES, combine

EXERCISES = (
    Exercise("relu_grad", 10),
    Exercise("softmax_cross_entropy_grad", 20),
    Exercise("dense_backward", 25, parts=("grad_inputs", "grad_weights", "grad_biases")),
    Exercise("backward", 30, parts=("grad_weights", "grad_biases")),
    Exercise("sgd_step", 15, parts=("weights", "biases")),
)

TIPS = {
    "relu_grad": "ReLU's slope is 1 where z > 0 and 0 elsewhere (z == 0 included): "
    "(z > 0).astype(float) builds a new float array of z's shape.",
    "softmax_cross_entropy_grad": "Compute probs = softmax(scores), subtract 1 at each row's "
    "label (probs[np.arange(m), labels]), then divide by m = len(scores): the loss is a mean.",
    "dense_backward": "Each gradient has the shape of what it belongs to: grad_out @ "
    "weights.T (m, n_in), inputs.T @ grad_out (n_in, n_out), grad_out.sum(axis=0) (n_out,).",
    "backward": "Run the forward pass keeping each layer's input and z; start from "
    "softmax_cross_entropy_grad of the last z; walk back with dense_backward, multiplying by "
    "relu_grad of the z below each hidden layer; return the lists in the layers' order.",
    "sgd_step": "Return new lists: [w - learning_rate * g for w, g in zip(weights, "
    "grad_weights)], and the same for the biases; never w -= ..., which changes the caller's.",
}

# The bank network of the course as a two-class classifier (solutions/backward.py says why).
BANK = [[[1.0, -1.0], [1.0, 1.0]], [[2.0, 1.0], [-1.0, 4.0]]]
BANK_GRAD_WEIGHTS = [[[-1.0, 5.0], [-1.5, 7.5]], [[-2.5, 2.5], [-0.5, 0.5]]]
BANK_GRAD_BIASES = [[-0.5, 2.5], [-0.5, 0.5]]
# The course's deep-ReLU first layer (Z1 = [26, -13]) under a two-class output layer.
DEEP_RELU = [[[2.0, 4.0], [4.0, -5.0]], [[2.0, 1.0], [7.0, 9.0]]]
DEEP_RELU_BIASES = [[0.0, 0.0], [0.0, 26.0]]


def arr(values: object, dtype: type = np.float64) -> np.ndarray:
    return np.asarray(values, dtype=dtype)


def net(layers: list) -> list[np.ndarray]:
    return [arr(layer) for layer in layers]


def labels(*values: int) -> np.ndarray:
    return arr(values, np.int64)


def course_cases() -> list[Case]:
    """The worked examples of solutions/backward.py, shown to students in full."""
    shown: Visibility = "visible"
    zeros = net([[0.0, 0.0], [0.0, 0.0]])
    return [
        Case("relu_grad/course_array", "relu_grad", (arr([3, -3]),), shown),
        Case("relu_grad/deep_relu_first_layer", "relu_grad", (arr([[26, -13]]),), shown),
        Case("relu_grad/at_zero", "relu_grad", (arr([2, 0, -1]),), shown),
        Case("softmax_cross_entropy_grad/bank_undecided", "softmax_cross_entropy_grad", (arr([[9, 9]]), labels(0)), shown),
        Case("softmax_cross_entropy_grad/two_rows", "softmax_cross_entropy_grad", (arr([[0, 0], [0, 0]]), labels(0, 1)), shown),
        Case("softmax_cross_entropy_grad/large_logit", "softmax_cross_entropy_grad", (arr([[1000, 0]]), labels(1)), shown),
        Case("dense_backward/bank_output_layer", "dense_backward", (arr([[5, 1]]), arr(BANK[1]), arr([[-0.5, 0.5]])), shown),
        Case("dense_backward/bank_hidden_layer", "dense_backward", (arr([[2, 3]]), arr(BANK[0]), arr([[-0.5, 2.5]])), shown),
        Case("backward/bank", "backward", (arr([[2, 3]]), net(BANK), zeros, labels(0)), shown),
        Case("backward/deep_relu", "backward", (arr([[3, 5]]), net(DEEP_RELU), net(DEEP_RELU_BIASES), labels(1)), shown),
        Case("backward/bank_twice", "backward", (arr([[2, 3], [2, 3]]), net(BANK), zeros, labels(0, 0)), shown),
        Case("sgd_step/bank_step", "sgd_step", (net(BANK), zeros, net(BANK_GRAD_WEIGHTS), net(BANK_GRAD_BIASES), 0.1), shown),
    ]  # fmt: skip


class _Random:
    """Randomized values, rounded to two decimals so that shown inputs stay readable."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)

    def normal(self, *shape: int, scale: float = 1.0) -> np.ndarray:
        return self.rng.normal(0.0, scale, size=shape).round(2)

    def mixed(self, *shape: int) -> np.ndarray:
        """Pre-activations with a value above 1, one below 0 and an exact 0, wherever."""
        values = self.normal(*shape, scale=2.0)
        flat = values.reshape(-1)  # a view: writes go into values
        above, below, zero = self.rng.choice(flat.size, size=3, replace=False)
        flat[above] = abs(flat[above]) + 1.01
        flat[below] = -abs(flat[below]) - 0.01
        flat[zero] = 0.0
        return values.round(2)  # the shifts above leave float noise: 0.57 + 0.01 != 0.58

    def labels(self, m: int, n: int) -> np.ndarray:
        """m class indices in range(n), at least two different ones (whole columns differ)."""
        if m >= n:  # every class at least once
            values = np.concatenate([np.arange(n), self.rng.integers(0, n, size=m - n)])
            return self.rng.permutation(values).astype(np.int64)
        return self.rng.choice(n, size=m, replace=False).astype(np.int64)

    def network(self, widths: list[int]) -> tuple[list[np.ndarray], list[np.ndarray]]:
        weights = [self.normal(a, b) for a, b in itertools.pairwise(widths)]
        return weights, [self.normal(b, scale=0.5) for b in widths[1:]]


def random_cases(seed: int) -> list[Case]:
    """Hidden cases from the seed; each comment names the mistakes the case catches."""
    r = _Random(seed)
    cases: list[Case] = []

    def add(exercise: str, label: str, *args: object) -> None:
        cases.append(Case(f"{exercise}/{label}", exercise, args))

    # relu_grad: values above 1 (ReLU itself returned), an exact 0 (z >= 0), any shape;
    # every case is read-only (written in place).
    add("relu_grad", "random_vector", r.mixed(8))
    add("relu_grad", "random_matrix", r.mixed(3, 4))
    add("relu_grad", "random_rows", r.mixed(6, 2))
    # Without an exact 0 (and with decimals): a mistake at 0 passes here, so the diagnosis
    # sees that only the zeros are wrong.
    no_zero = r.normal(3, 4, scale=2.0)
    no_zero[no_zero == 0] = 0.5
    add("relu_grad", "random_no_zero", no_zero)

    # softmax_cross_entropy_grad: m != n (divided by n, or not at all), several labels
    # (labels as values, whole columns), large scores (unstable); any value: sign.
    for label, m, n, scale, shift in (
        ("random_rows", 5, 3, 2.0, 0.0),
        ("random_more_classes", 3, 5, 2.0, 0.0),
        ("random_two_classes", 6, 2, 3.0, 0.0),
        ("random_large_scores", 4, 3, 300.0, 1000.0),  # np.exp overflows above 709
    ):
        scores = (r.normal(m, n, scale=scale) + shift).round(2)
        add("softmax_cross_entropy_grad", label, scores, r.labels(m, n))

    # dense_backward: m, n_in and n_out all different (every transpose, wrong axis, the
    # order of the parts), several rows (averaged, not summed); square weights (grad_out @
    # weights gives values, not an error); m == n_in (inputs @ grad_out gives values).
    for label, m, n_in, n_out in (
        ("random_rows", 5, 3, 2),
        ("random_wide", 4, 2, 3),
        ("random_square_weights", 3, 4, 4),
        ("random_as_many_rows_as_inputs", 3, 3, 2),
    ):
        add("dense_backward", label, r.normal(m, n_in), r.normal(n_in, n_out),
            r.normal(m, n_out, scale=0.5))  # fmt: skip

    # backward: negative z in every hidden layer (no mask) and negative scores (mask on the
    # output); two or more layers (reversed lists); widths that differ (a mask from another
    # layer fails loudly) and widths that agree (it gives wrong values); several rows.
    for label, m, widths in (
        ("random_one_layer", 4, [3, 2]),
        ("random_two_layers", 6, [3, 5, 4]),
        ("random_three_layers", 5, [4, 3, 5, 3]),
        ("random_equal_widths", 4, [3, 3, 3, 3]),
    ):
        weights, biases = r.network(widths)
        add("backward", label, r.normal(m, widths[0]), weights, biases, r.labels(m, widths[-1]))

    # backward at a hidden pre-activation exactly 0, with a gradient flowing into it (a mask
    # written z >= 0 or not z < 0, a slope divided by z), whole numbers so that z is 0 in any
    # order of summation; and with large scores (an unstable softmax inside backward).
    add("backward", "probe_zero_pre_activation", *_zero_pre_activation(r))
    add("backward", "probe_large_scores", *_large_scores(r))
    # Zero biases on a network shaped like random_two_layers: biases left out of the forward
    # pass inside backward pass here and fail there, which the diagnosis can then say.
    weights, _ = r.network([3, 5, 4])
    add("backward", "probe_zero_biases", r.normal(6, 3), weights, [np.zeros(5), np.zeros(4)],
        r.labels(6, 4))  # fmt: skip
    # dense_backward with one row: a gradient divided by m in one place and not another.
    add("dense_backward", "random_one_row", r.normal(1, 3), r.normal(3, 2), r.normal(1, 2))

    # sgd_step: a learning rate that is not 1 (left out), every list read-only (in place),
    # biases with gradients (not updated); any gradient: the sign of the step.
    for label, widths in (
        ("random_two_layers", [3, 4, 2]),
        ("random_three_layers", [2, 3, 3, 2]),
        ("random_one_layer", [4, 3]),
    ):
        weights, biases = r.network(widths)
        grad_weights, grad_biases = r.network(widths)
        learning_rate = round(float(r.rng.uniform(0.05, 0.5)), 2)
        add("sgd_step", label, weights, biases, grad_weights, grad_biases, learning_rate)
    _forms_and_ranges(r, add)  # last: the cases above keep their values at every seed
    # Scores near 1000 in every row, close together: a softmax without a shift overflows,
    # one shifted by the whole batch's maximum does not (the two are told apart).
    weights, biases = r.network([3, 3])
    add("backward", "probe_large_close_rows", r.normal(4, 3), weights,
        [(biases[0] + np.array([1000.0, 999.0, 998.0])).round(2)], r.labels(4, 3))  # fmt: skip
    # Labels that never reach the last class: a one-hot sized by the largest label.
    weights, biases = r.network([3, 4, 3])
    add("backward", "probe_last_class_unused", r.normal(4, 3), weights, biases,
        labels(0, 1, 1, 0))  # fmt: skip
    return (
        cases
        + first_rows_alone(cases, ("dense_backward/random_rows", "backward/random_two_layers"))
        + as_written()
    )


def first_rows_alone(cases: list[Case], names: tuple[str, ...]) -> list[Case]:
    """Each named case cut to its first row (and the first of each per-row argument): a
    result that is this one's for the whole batch shows only the first example is used."""
    alone = []
    for case in cases:
        if case.name in names:
            m = len(case.args[0])
            args = tuple(a[:1] if isinstance(a, np.ndarray) and a.ndim and len(a) == m else a
                         for a in case.args)  # fmt: skip
            alone.append(Case(f"{case.name}_first_row_alone", case.exercise, args))
    return alone


def as_written() -> list[Case]:
    """The docstrings' worked examples called as they are written there: Python lists of
    whole numbers (``relu_grad([2, 0, -1])``, ``dense_backward([[5, 1]], [[2, 1], [-1, 4]],
    [[-0.5, 0.5]])``), hidden. The visible examples pass float arrays; these catch a
    function that never converts its arguments (``z > 0``, ``labels.shape``, ``list @
    array`` raise on a list). A function the docstring calls with lists must take them:
    relu_grad, softmax_cross_entropy_grad (scores and labels) and dense_backward.
    backward and sgd_step take lists of arrays, and their docstrings give their examples
    as arrays in words, not as a call: they are not called with lists of numbers.
    """
    return [
        Case("relu_grad/at_zero_as_written", "relu_grad", ([2, 0, -1],)),
        Case("softmax_cross_entropy_grad/bank_undecided_as_written",
             "softmax_cross_entropy_grad", ([[9, 9]], [0])),
        Case("dense_backward/bank_output_layer_as_written", "dense_backward",
             ([[5, 1]], [[2, 1], [-1, 4]], [[-0.5, 0.5]])),
    ]  # fmt: skip


def _forms_and_ranges(r: _Random, add: Callable[..., None]) -> None:
    """Ranges and label sets of each definition, at every seed.

    Scores whose rows lie far apart (one row near +1000, one near 0 or -1000): a softmax
    shifted by the whole batch's maximum instead of each row's leaves the low row 0 / 0,
    in softmax_cross_entropy_grad and in a backward that computes its own. Labels that
    never reach the last class: a one-hot sized by the largest label
    (``np.eye(labels.max() + 1)``) has too few columns.
    """
    far = np.concatenate([r.normal(1, 3) + 1000.0, r.normal(1, 3) - 1000.0]).round(2)
    add("softmax_cross_entropy_grad", "probe_rows_far_apart", far, r.labels(2, 3))
    add("backward", "probe_rows_far_apart", *_rows_far_apart(r))
    add("softmax_cross_entropy_grad", "probe_last_class_unused",
        r.normal(4, 4, scale=2.0), labels(0, 1, 2, int(r.rng.integers(0, 3))))  # fmt: skip


def _rows_far_apart(r: _Random) -> tuple[object, ...]:
    """A two-layer network, every unit active: scores near 1000 on the first row (large
    inputs), below 1 on the second (inputs of a few hundredths, never 0)."""
    inputs = np.stack([np.abs(r.normal(3)) + 5.0, r.rng.integers(1, 10, 3) / 100.0]).round(2)
    w1 = (np.abs(r.normal(3, 4)) + 0.5).round(2)
    w2 = np.abs(r.normal(4, 3)) + 0.5
    w2 = (w2 * 1000.0 / float((inputs[0] @ w1 @ w2).max())).round(2)  # row 0's top score: ~1000
    return inputs, [w1, w2], [np.zeros(4), np.zeros(3)], r.labels(2, 3)


def _zero_pre_activation(r: _Random) -> tuple[object, ...]:
    """A two-layer network whose first hidden unit is exactly 0 on the first row."""
    inputs = r.rng.integers(-3, 4, size=(3, 3)).astype(float)
    inputs[0] = [1.0, 2.0, -1.0]
    w1 = r.rng.integers(-2, 3, size=(3, 4)).astype(float)
    w1[:, 0] = [1.0, 1.0, 2.0]  # row 0: 1 + 2 - 2 = 1
    b1 = r.rng.integers(-1, 2, size=4).astype(float)
    b1[0] = -1.0  # z[0, 0] = 0 exactly
    w2 = r.normal(4, 3)
    w2[0] = (np.abs(w2[0]) + 0.5).round(2)  # a gradient flows into the unit at 0
    b2 = r.normal(3, scale=0.5)
    return inputs, [w1, w2], [b1, b2], r.labels(3, 3)


def _large_scores(r: _Random) -> tuple[object, ...]:
    """Active hidden units and scores in the thousands, far apart: exp overflows."""
    inputs = ((np.abs(r.normal(4, 3)) + 2.0) * 100.0).round(2)
    w1 = (np.abs(r.normal(3, 4)) + 0.5).round(2)
    w2 = r.normal(4, 3)
    w2[:, 0] = (np.abs(w2[:, 0]) + 1.0).round(2)  # class 0's score grows with the hidden units
    return inputs, [w1, w2], [r.normal(4, scale=0.5), r.normal(3, scale=0.5)], r.labels(4, 3)


def make_cases(seed: int) -> list[Case]:
    return course_cases() + random_cases(seed)


ASSIGNMENT = Assignment(
    name="backward",
    title="Backpropagation",
    exercises=EXERCISES,
    reference={e.name: getattr(reference, e.name) for e in EXERCISES},
    make_cases=make_cases,
    tips=TIPS,
    mistakes=MISTAKES,
    combine=combine,
    calls=CALLS,
    filename="backward.py",
    packages=("numpy",),
    solution=Path(reference.__file__),
)
