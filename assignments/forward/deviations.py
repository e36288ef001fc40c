"""The reference, with the course's known misconceptions as switches that can be combined.

Each exercise has one parameterised implementation: with no switch on it is the
reference; each switch reproduces one misconception's *behaviour* (however a
student wrote it), and two switches together reproduce a function with both
mistakes. The grader searches these combinations for the one that behaves like
the student's function on every test, so a misconception is named from
evidence, never from one catalogued way of writing it.

Dependencies are switches too: ``hidden_layer`` and ``forward`` call a ``relu``
and ``cross_entropy_loss`` calls a ``softmax`` that may carry the student's own
mistake, so a failure caused by another function is blamed on that function.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from functools import partial
from typing import Any

import numpy as np

On = Collection[str]


def _f(x: Any) -> np.ndarray:
    return np.asarray(x, dtype=float)


def relu(x: Any, on: On = ()) -> Any:
    if "relu.np_max" in on:  # np.max(0, x): the reduction, x taken as its axis
        return np.max(0, x)
    if "relu.scalar_only" in on:
        return max(0, x)
    if "relu.step" in on:  # (x > 0) * 1.0: the step (ReLU's slope), not ReLU
        return (_f(x) > 0) * 1.0  # raises on arrays: "truth value ... is ambiguous"
    if "relu.in_place" in on and np.ndim(x):
        x = np.asarray(x)
        x[x < 0] = 0  # raises on the sandbox's read-only arguments
        return x
    if "relu.vectorize_int" in on:
        return np.vectorize(partial(max, 0))(x)
    if "relu.abs" in on:
        return np.abs(x)
    if "relu.abs_doubled" in on:  # (x + abs(x)) without the / 2
        return x + np.abs(x)
    if "relu.abs_precedence" in on:  # abs(x) + x / 2, the parentheses of (abs(x) + x) / 2 lost
        return np.abs(x) + _f(x) / 2
    if "relu.int_dtype" in on:  # an int buffer filled with the positive values
        return np.trunc(np.maximum(0, x))
    for key in OTHER_ACTIVATIONS:
        if "relu." + key in on:
            return OTHER_ACTIVATIONS[key](x)
    return np.maximum(0, x)


def _sigmoid(x: Any) -> Any:
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-_f(x)))


# Activations written where ReLU belongs (Nielsen's sigmoid, tanh, a leaky ReLU of slope 0.01).
OTHER_ACTIVATIONS: dict[str, Callable[[Any], Any]] = {
    "sigmoid": _sigmoid,
    "tanh": lambda x: np.tanh(_f(x)),
    "leaky": lambda x: np.where(_f(x) > 0, _f(x), 0.01 * _f(x)),
}


def _activation(exercise: str, on: On, activate: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The activation a layer applies: another one written in its place, or relu."""
    for key, function in OTHER_ACTIVATIONS.items():
        if f"{exercise}.{key}" in on:
            return function
    return activate


def node_value(inputs: Any, weights: Any, bias: float = 0.0, on: On = ()) -> Any:
    products = _f(inputs) * _f(weights)
    if "node_value.no_sum_bias_appended" in on:  # [x * w for ...] + [bias]
        return np.append(products, bias)
    value: Any = products if "node_value.no_sum" in on else products.sum()
    if "node_value.first_input_skipped" in on:  # for i in range(1, len(inputs)): 1-based
        value = products[1:].sum()
    if "node_value.mean" in on:  # np.mean(inputs * weights): divided by the number of inputs
        value = products.mean()
    if "node_value.sums_multiplied" in on:  # sum(inputs) * sum(weights)
        value = _f(inputs).sum() * _f(weights).sum()
    if "node_value.bias_per_input" in on:  # sum(x * w + bias): the bias once per input
        value = value + bias * (products.size - 1)
    if "node_value.no_bias" not in on:
        value = value + bias
    if "node_value.activation" in on:
        value = np.maximum(0, value)
    for key, places in (("node_value.rounded", 2), ("node_value.rounded_3", 3)):
        if key in on:  # round(value, 2) or float(f"{value:.3f}"), for display
            value = np.round(value, places)
    return value if "node_value.no_sum" in on else float(value)


def hidden_layer(inputs: Any, weights: Any, biases: Any = None, on: On = (),
                 use_relu: Callable[[Any], Any] | None = None) -> Any:  # fmt: skip
    activate = _activation("hidden_layer", on, use_relu or (lambda z: np.maximum(0, z)))
    if biases is None and "hidden_layer.none_biases" in on:
        raise TypeError("unsupported operand type(s) for +: 'float' and 'NoneType'")
    if biases is None and "hidden_layer.none_biases_nan" in on:
        biases = np.nan  # np.asarray(None, dtype=float) is nan: every value nan
    if biases is None and "hidden_layer.none_biases_inputs" in on:
        biases = np.zeros(len(weights))  # a default of zeros, one per input, not per node
    w = _f(weights)
    if "hidden_layer.weights_first" in on:  # np.dot(weights, inputs), "W x" from the notes
        z = np.dot(w, _f(inputs))
    else:
        z = _f(inputs) @ (w.T if "hidden_layer.transposed" in on else w)
    if "hidden_layer.no_biases" in on:
        biases = None  # np.maximum(0, inputs @ weights): the biases never added
    if biases is not None and "hidden_layer.bias_column" in on:
        biases = _f(biases).reshape(-1, 1)  # a column, as b in W x + b: broadcasts (n, n)
    if biases is not None and "hidden_layer.bias_after_relu" not in on:
        z = z + _f(biases) * (2 if "hidden_layer.bias_twice" in on else 1)
    if "hidden_layer.no_relu" not in on:
        z = activate(z)
    if biases is not None and "hidden_layer.bias_after_relu" in on:
        z = z + _f(biases)
    return np.trunc(z) if "hidden_layer.int_dtype" in on else z


def forward(inputs, weights, biases=None, on: On = (),
            use_relu: Callable[[Any], Any] | None = None,
            use_hidden_layer: Callable[..., Any] | None = None) -> Any:  # fmt: skip
    activate = _activation("forward", on, use_relu or (lambda z: np.maximum(0, z)))
    if biases is None and "forward.none_biases" in on:
        raise TypeError("'NoneType' object is not subscriptable")
    if biases is None and "forward.none_biases_no_layers" in on:
        return _f(inputs)  # zip(weights, biases or []) is empty: no layer runs at all
    if biases is None and "forward.none_biases_nan" in on:
        biases = [np.nan] * len(list(weights))  # np.asarray(None, dtype=float) is nan
    layers = list(weights)
    bias = list(biases) if biases is not None and "forward.no_biases" not in on else None
    values = _f(inputs)
    _check_shapes(values, layers, on)
    index = _layers_used(len(layers), on)
    if "forward.only_2d" in on:
        values = np.atleast_2d(values)
    for position, k in enumerate(index):
        w = _f(layers[k])
        last = position == len(index) - 1
        if use_hidden_layer is not None and (not last or "forward.relu_on_output" in on):
            # the student's hidden_layer, called (for the output layer too: ReLU there)
            values = use_hidden_layer(values, w, None if bias is None else bias[k])
            continue
        if "forward.inputs_every_layer" in on and not last:  # hidden_layer(inputs, w, b)
            values = _f(inputs)
        if "forward.relu_on_inputs" in on:
            values = activate(values)  # relu(values) @ w + b: relu on each layer's input
        if "forward.weights_first" in on:  # np.dot(W, a) for every layer, "W x" as in notes
            values = np.dot(w, values)
        else:
            values = values @ (w.T if "forward.transposed" in on else w)
        if "forward.last_layer_skipped" in on:
            last = False  # range(len(weights) - 1): the output layer never runs
        bias_after = "forward.bias_after_relu" in on and not last
        b_k = k + 1 if "forward.bias_of_next_layer" in on and not last else k  # biases[l + 1]
        if bias is not None and not (last and "forward.no_output_bias" in on) and not bias_after:
            values = values + _f(bias[b_k])
        relu_here = not last or "forward.relu_on_output" in on
        if "forward.relu_first_only" in on:  # relu after the first layer only
            relu_here = position == 0 and not last
        if "forward.relu_on_inputs" in on:
            relu_here = False
        if "forward.relu_shifted" in on:  # ReLU one layer late: not the first, the output's
            relu_here = position > 0
        if "forward.no_relu" not in on and relu_here:
            values = activate(values)
        if bias is not None and bias_after:
            values = values + _f(bias[k])
        if "forward.bias_again" in on and bias is not None and not last:
            values = values + _f(bias[k])  # hidden_layer(a, w, b) + b: added a second time
        if "forward.int_dtype" in on:  # each layer's values stored in an int buffer
            values = np.trunc(values)
    if "forward.softmax_on_output" in on:
        values = softmax(values)
    if "forward.softmax_on_output_rows" in on:  # NNFS's batch softmax: axis=1 raises on 1-D
        values = np.exp(values - np.max(values, axis=1, keepdims=True))
        values = values / np.sum(values, axis=1, keepdims=True)
    return values.ravel() if "forward.flattened" in on else values


COURSE_SIZES = {(2, 2), (2, 1)}  # the course networks' layer shapes (2 inputs, 2 hidden, 1 out)


def _check_shapes(values: np.ndarray, layers: list[Any], on: On) -> None:
    """Raise as a forward written for one kind of input or network does on the others."""
    if "forward.only_1d" in on and values.ndim != 1:
        raise ValueError("a loop over one data point's nodes got rows")
    if "forward.only_2d_raises" in on and values.ndim != 2:
        _rows, _columns = values.shape  # m, n = X.shape: raises on one data point
    if "forward.sizes_written_in" in on and (
        values.shape[-1] != 2 or any(np.shape(w) not in COURSE_SIZES for w in layers)
    ):
        raise ValueError("the course's sizes are written in")


def _layers_used(count: int, on: On) -> list[int]:
    """Which layers a forward goes through: all, or the ones a fixed structure names."""
    if "forward.fixed_layer_count" in on:  # W1, W2 = weights: raises as Python does
        first, second = range(count)
        return [first, second]
    if "forward.first_two_layers" in on:  # weights[0], weights[1]
        if count < 2:
            raise IndexError("list index out of range")
        return [0, 1]
    if "forward.skipped_layers" in on and count > 2:  # the first and the last layer
        return [0, count - 1]
    if "forward.first_and_last" in on:  # the same, even when they are one and the same
        return [0, count - 1]
    if "forward.first_layer_skipped" in on:  # for l in range(1, len(weights))
        return list(range(1, count))
    if "forward.last_layer_skipped" in on:  # for l in range(len(weights) - 1)
        return list(range(count - 1))
    if "forward.one_based_loop" in on:  # for l in range(1, L), then the output layer L - 1
        return [*range(1, count), count - 1]
    if "forward.reversed_layers" in on:  # zip(reversed(weights), ...) or weights[::-1]
        return list(range(count))[::-1]
    return list(range(count))


def softmax(z: Any, on: On = ()) -> Any:
    whole = np.issubdtype(np.asarray(z).dtype, np.integer)
    z = np.asarray(z, dtype=float) if "softmax.in_place" not in on else np.asarray(z)
    axis: int | None = -1
    if "softmax.wrong_axis" in on:
        axis = 0
    if "softmax.whole_array" in on:
        axis = None
    keep = axis is not None
    if "softmax.in_place" in on:
        z -= z.max(axis=axis, keepdims=keep)  # raises on the sandbox's read-only arguments
    shift = 0.0 if "softmax.no_shift" in on else z.max(axis=axis, keepdims=keep)
    if "softmax.axis_1" in on:  # NNFS's batch softmax: axis=1 everywhere, 1-D raises
        axis = 1
    if "softmax.global_max" in on:  # z - np.max(z): the whole array's maximum, rows apart
        shift = z.max()
    if "softmax.no_keepdims" in on and z.ndim > 1:  # max and sum along rows, no keepdims
        with np.errstate(all="ignore"):
            e = np.exp(z - z.max(axis=-1))
            return e / e.sum(axis=-1)
    with np.errstate(all="ignore"):
        e = np.exp(z - shift)
        if "softmax.divide_by_max" in on:
            return e / e.max(axis=axis, keepdims=keep)
        if "softmax.int_dtype" in on and whole:
            return np.trunc(e / e.sum(axis=axis, keepdims=keep))  # np.zeros_like(z): ints
        if "softmax.log_softmax" in on:  # z - max - log(sum(exp(z - max))): log-probabilities
            return (z - shift) - np.log(e.sum(axis=axis, keepdims=keep))
        if "softmax.sum_no_keepdims" in on and axis is not None:  # e / e.sum(axis=-1)
            return e / e.sum(axis=axis)  # the max kept its axis: only the sum lost it
        return e / e.sum(axis=axis, keepdims=keep)


def cross_entropy_loss(scores: Any, labels: Any, on: On = (),
                       use_softmax: Callable[[Any], Any] | None = None) -> Any:  # fmt: skip
    s = np.atleast_2d(_f(scores))
    with np.errstate(all="ignore"):
        if "loss.math_overflow" in on:  # log(sum(math.exp(s))) - s[label]: no shift
            for value in s.ravel():
                math.exp(value)  # OverflowError on large scores
        if "loss.math_softmax_then_log" in on:
            per_row = _math_losses(s, labels)
        else:
            per_row = _row_losses(s, labels, on, use_softmax)
    if "loss.last_row_skipped" in on:  # for i in range(len(labels) - 1), / len(labels)
        return float(per_row[:-1].sum() / len(per_row))
    if "loss.per_row" in on:
        return per_row
    return float(per_row.sum() if "loss.summed" in on else per_row.mean())


def _math_losses(s: np.ndarray, labels: Any) -> np.ndarray:
    """Each row's loss with math.exp and math.log: OverflowError past 709, a domain error at 0."""
    losses = []
    for row, label in zip(s.tolist(), np.asarray(labels).reshape(-1).tolist(), strict=False):
        total = sum(math.exp(v) for v in row)
        losses.append(-math.log(math.exp(row[label]) / total))
    return np.array(losses)


# How the label's probability is kept away from 0 before the log: (eps added, clip floor).
GUARDS = {
    "loss.unstable_log": (0.0, 0.0),
    "loss.unstable_log_clipped": (0.0, 1e-7),  # np.clip(p, 1e-7, 1 - 1e-7), as in nnfs
    "loss.unstable_log_tiny_eps": (1e-12, 0.0),
    "loss.large_epsilon": (1e-3, 0.0),
    "loss.large_epsilon_1e4": (1e-4, 0.0),
}


def _row_losses(s: np.ndarray, labels: Any, on: On, use_softmax: Any) -> np.ndarray:
    """Each row's loss, as the switches on compute it."""
    rows = np.arange(len(s))
    if "loss.float_labels" in on:  # labels as floats: not indices
        raise IndexError("arrays used as indices must be of integer (or boolean) type")
    if "loss.float_labels_take" in on:  # the same, through np.take_along_axis
        raise IndexError("`indices` must be an integer array")
    if "loss.one_hot_argmax" in on:  # labels.argmax(axis=1): index labels have no axis 1
        picked = np.argmax(np.asarray(labels), axis=1)
    else:
        picked = np.asarray(labels, dtype=np.int64).reshape(-1)
    if "loss.labels_one_based" in on:  # y(i) - 1 as in Octave: label 0 picks the last class
        picked = picked - 1
    if "loss.no_softmax_probs" in on:
        return -np.log(s[rows, picked])
    if "loss.no_softmax_math_log" in on:  # math.log: a domain error on a score <= 0
        return np.array([-math.log(v) for v in s[rows, picked]])
    if "loss.rows_by_labels" in on:  # log_probs[labels]: whole rows picked by the labels
        return -_log_probs(s, on, use_softmax)[picked].mean(axis=-1)
    if "loss.all_pairs" in on:  # log_probs[:, labels]: every row with every label, (m, m)
        return -_log_probs(s, on, use_softmax)[:, picked].mean(axis=-1)
    if "loss.raw_scores" in on:
        return -s[rows, picked]
    if "loss.max_not_added_back" in on:  # log(sum(exp(s - max))) - s[y]: the max dropped
        shifted = s - s.max(axis=-1, keepdims=True)
        return np.log(np.exp(shifted).sum(axis=-1)) - s[rows, picked]
    if "loss.raw_scores_max" in on:  # the row maximum instead of log-sum-exp
        return s.max(axis=-1) - s[rows, picked]
    log_probs = _log_probs(s, on, use_softmax)
    if "loss.log10" in on:  # np.log10 (or log2) instead of the natural log
        log_probs = log_probs / np.log(10)
    if "loss.onehot_sized_by_labels" in on:  # np.eye(labels.max() + 1)[labels] * log p
        index = np.asarray(labels, dtype=np.int64).reshape(-1)
        return -(np.eye(index.max() + 1)[index] * log_probs).sum(axis=-1)
    if "loss.one_hot_labels" in on:  # -sum(labels * log p): index labels broadcast badly
        return -(np.asarray(labels) * log_probs).sum(axis=-1)
    if "loss.one_hot_labels_rows" in on:  # labels.reshape(-1, 1) * log p: a row times its label
        return -(np.asarray(labels, dtype=float).reshape(-1, 1) * log_probs).sum(axis=-1)
    return -log_probs[rows, picked]


def _log_probs(s: np.ndarray, on: On, use_softmax: Any) -> np.ndarray:
    """log softmax: stable, or the log of (guarded) probabilities, which may be 0."""
    if "loss.whole_array" in on:  # log-sum-exp over the whole array (np.sum without axis)
        shifted = s - s.max()
        return shifted - np.log(np.exp(shifted).sum())
    if "loss.unstable_softmax" in on:  # exp of raw scores: inf / inf on large scores
        return np.log(np.exp(s) / np.exp(s).sum(axis=-1, keepdims=True))
    if "loss.softmax_twice" in on:  # softmax of the probabilities: a softmax already applied
        probs = softmax(softmax(s))
        return np.log(probs)
    guards = [GUARDS[k] for k in GUARDS if k in on]
    if use_softmax is not None or guards:
        probs = _f(use_softmax(s) if use_softmax else softmax(s))
        eps, floor = guards[0] if guards else (0.0, 0.0)
        if floor:
            probs = np.clip(probs, floor, 1 - floor)
        return np.log(probs + eps)
    shifted = s - s.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


IMPLEMENTATIONS: dict[str, Callable[..., Any]] = {
    "relu": relu,
    "node_value": node_value,
    "hidden_layer": hidden_layer,
    "forward": forward,
    "softmax": softmax,
    "cross_entropy_loss": cross_entropy_loss,
}


def _exercise(key: str) -> str:
    prefix = key.split(".")[0]
    return "cross_entropy_loss" if prefix == "loss" else prefix


def build(exercise: str, own: Collection[str], calls: Collection[str] = ()) -> Callable[..., Any]:
    """``exercise``'s implementation with ``own`` switched on, calling callees with ``calls``."""
    options: dict[str, Any] = {"on": frozenset(own)}
    relu_keys = frozenset(k for k in calls if k.startswith("relu."))
    softmax_keys = frozenset(k for k in calls if k.startswith("softmax."))
    if relu_keys:
        options["use_relu"] = partial(relu, on=relu_keys)
    if softmax_keys:
        options["use_softmax"] = partial(softmax, on=softmax_keys)
    hidden_keys = frozenset(k for k in calls if k.startswith("hidden_layer."))
    if hidden_keys:  # forward calls hidden_layer for every layer but the last
        options["use_hidden_layer"] = partial(hidden_layer, on=hidden_keys,
                                              use_relu=options.get("use_relu"))  # fmt: skip
    implementation = partial(IMPLEMENTATIONS[exercise], **options)
    implementation.__name__ = "+".join([*own, *calls]) or exercise  # type: ignore[attr-defined]
    return implementation


def variant(key: str) -> Callable[..., Any]:
    """The implementation with the one misconception ``key`` (e.g. "softmax.no_shift")."""
    return build(_exercise(key), (key,))


def combine(exercise: str, mistakes: tuple[Any, ...]) -> Callable[..., Any]:
    """One implementation of ``exercise`` with all of ``mistakes`` in it (own or a callee's)."""
    own = [m.id for m in mistakes if m.exercise == exercise]
    return build(exercise, own, [m.id for m in mistakes if m.exercise != exercise])


CALLS = {
    "hidden_layer": ("relu",),
    "forward": ("relu", "hidden_layer"),
    "cross_entropy_loss": ("softmax",),
}
