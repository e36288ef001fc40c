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
    if "relu.scalar_only" in on:
        return max(0, x)  # raises on arrays: "truth value ... is ambiguous"
    if "relu.in_place" in on and np.ndim(x):
        x = np.asarray(x)
        x[x < 0] = 0  # raises on the sandbox's read-only arguments
        return x
    if "relu.vectorize_int" in on:
        return np.vectorize(partial(max, 0))(x)
    if "relu.abs" in on:
        return np.abs(x)
    return np.maximum(0, x)


def node_value(inputs: Any, weights: Any, bias: float = 0.0, on: On = ()) -> Any:
    products = _f(inputs) * _f(weights)
    value: Any = products if "node_value.no_sum" in on else products.sum()
    if "node_value.no_bias" not in on:
        value = value + bias
    if "node_value.activation" in on:
        value = np.maximum(0, value)
    if "node_value.rounded" in on:
        value = np.round(value, 2)
    return value if "node_value.no_sum" in on else float(value)


def hidden_layer(inputs: Any, weights: Any, biases: Any = None, on: On = (),
                 use_relu: Callable[[Any], Any] | None = None) -> Any:  # fmt: skip
    activate = use_relu or (lambda z: np.maximum(0, z))
    w = _f(weights)
    z = _f(inputs) @ (w.T if "hidden_layer.transposed" in on else w)
    if biases is not None and "hidden_layer.bias_after_relu" not in on:
        z = z + _f(biases) * (2 if "hidden_layer.bias_twice" in on else 1)
    if "hidden_layer.no_relu" not in on:
        z = activate(z)
    if biases is not None and "hidden_layer.bias_after_relu" in on:
        z = z + _f(biases)
    return z


def forward(inputs: Any, weights: Any, biases: Any = None, on: On = (),
            use_relu: Callable[[Any], Any] | None = None) -> Any:  # fmt: skip
    activate = use_relu or (lambda z: np.maximum(0, z))
    layers = list(weights)
    bias = list(biases) if biases is not None and "forward.no_biases" not in on else None
    index = list(range(len(layers)))
    if "forward.skipped_layers" in on and len(index) > 2:
        index = [index[0], index[-1]]
    if "forward.fixed_layer_count" in on:
        index = index[:2]
    values = _f(inputs)
    if "forward.only_2d" in on:
        values = np.atleast_2d(values)
    for position, k in enumerate(index):
        values = values @ _f(layers[k])
        if bias is not None:
            values = values + _f(bias[k])
        last = position == len(index) - 1
        if "forward.no_relu" not in on and (not last or "forward.relu_on_output" in on):
            values = activate(values)
    return values.ravel() if "forward.flattened" in on else values


def softmax(z: Any, on: On = ()) -> Any:
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
    with np.errstate(all="ignore"):
        e = np.exp(z - shift)
        if "softmax.divide_by_max" in on:
            return e / e.max(axis=axis, keepdims=keep)
        return e / e.sum(axis=axis, keepdims=keep)


def cross_entropy_loss(scores: Any, labels: Any, on: On = (),
                       use_softmax: Callable[[Any], Any] | None = None) -> Any:  # fmt: skip
    s = np.atleast_2d(_f(scores))
    if "loss.one_hot_labels" in on and not {"loss.unstable_log", "loss.large_epsilon"} & set(on):
        with np.errstate(all="ignore"):  # -sum(onehot * log p): index labels broadcast badly
            shifted = s - s.max(axis=-1, keepdims=True)
            log_probs = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
            return float(-(np.asarray(labels) * log_probs).sum(axis=-1).mean())
    rows = np.arange(len(s))
    picked = np.asarray(labels, dtype=np.int64).reshape(-1)
    with np.errstate(all="ignore"):
        if "loss.math_overflow" in on:
            for value in s.ravel():
                math.exp(value)  # OverflowError on large scores
        if "loss.no_softmax_probs" in on:
            per_row = -np.log(s[rows, picked])
        elif "loss.raw_scores" in on:
            per_row = -s[rows, picked]
        elif "loss.unstable_softmax" in on:  # exp of raw scores: inf / inf on large scores
            probs = np.exp(s) / np.exp(s).sum(axis=-1, keepdims=True)
            per_row = -np.log(probs[rows, picked])
        elif use_softmax is not None or {"loss.unstable_log", "loss.large_epsilon"} & set(on):
            probs = _f(use_softmax(s) if use_softmax else softmax(s))  # a probability may be 0
            eps = 1e-3 if "loss.large_epsilon" in on else 0.0
            if "loss.one_hot_labels" in on:
                return float(-(np.asarray(labels) * np.log(probs + eps)).sum(axis=-1).mean())
            per_row = -np.log(probs[rows, picked] + eps)
        else:
            shifted = s - s.max(axis=-1, keepdims=True)
            log_probs = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
            per_row = -log_probs[rows, picked]
    if "loss.per_row" in on:
        return per_row
    return float(per_row.sum() if "loss.summed" in on else per_row.mean())


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


CALLS = {"hidden_layer": ("relu",), "forward": ("relu",), "cross_entropy_loss": ("softmax",)}
