"""Forward-propagation exercises: fill in the six functions below.

Conventions used throughout:
examples are rows; a layer's weight matrix has shape (n_in, n_out) and its
column j holds the weights into node j; biases have shape (n_out,) and are
broadcast over the rows; a single data point may be given as a 1-D array.
No function may modify its arguments.

Check your work with:  grade forward.py
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]


def _f(a: ArrayLike) -> Array:
    return np.asarray(a, dtype=np.float64)


def _logsumexp(z: Array) -> Array:
    m = np.max(z, axis=-1, keepdims=True)
    return m + np.log(np.sum(np.exp(z - m), axis=-1, keepdims=True))


def relu(x: ArrayLike) -> ArrayLike:
    """Apply the rectified linear activation, max(0, x), elementwise."""
    return np.maximum(0, x)


def node_value(inputs: ArrayLike, weights: ArrayLike, bias: float = 0.0) -> float:
    """Return one node's value: sum of inputs[i] * weights[i], plus bias."""
    return float(np.sum(_f(inputs) * _f(weights)) + bias)


def hidden_layer(inputs: ArrayLike, weights: ArrayLike, biases: ArrayLike | None = None) -> Array:
    """Return a hidden layer's values: relu(inputs @ weights + biases)."""
    z = _f(inputs) @ _f(weights)
    if biases is not None:
        z = z + _f(biases)
    return np.maximum(z, 0.0)


def forward(
    inputs: ArrayLike,
    weights: Sequence[ArrayLike],
    biases: Sequence[ArrayLike | None] | None = None,
) -> Array:
    """Forward-propagate inputs through a network of L layers."""
    bs: list[ArrayLike | None] = list(biases) if biases is not None else [None] * len(weights)
    a = _f(inputs)
    for w, b in zip(weights[:-1], bs[:-1]):
        a = hidden_layer(a, w, b)
    out = a @ _f(weights[-1])
    return out if bs[-1] is None else out + _f(bs[-1])


def softmax(z: ArrayLike) -> Array:
    """Turn raw scores into probabilities along the last axis."""
    zz = _f(z)
    return np.exp(zz - _logsumexp(zz))


def cross_entropy_loss(scores: ArrayLike, labels: ArrayLike) -> float:
    """Return the mean cross-entropy loss of raw scores against class labels."""
    s = np.atleast_2d(_f(scores))
    y = np.asarray(labels, dtype=np.intp).ravel()
    log_p = s - _logsumexp(s)
    return float(-np.mean(np.take_along_axis(log_p, y[:, None], axis=1)))
