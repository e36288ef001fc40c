from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]


def _log_softmax(z: Array) -> Array:
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))


def relu(x: ArrayLike) -> Array | float:
    return np.maximum(x, 0.0)


def node_value(inputs: ArrayLike, weights: ArrayLike, bias: float = 0.0) -> float:
    x = np.asarray(inputs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    return float(np.einsum("i,i->", x, w) + bias)


def hidden_layer(inputs: ArrayLike, weights: ArrayLike, biases: ArrayLike | None = None) -> Array:
    x = np.asarray(inputs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    z = np.einsum("...i,ij->...j", x, w)
    if biases is not None:
        z = z + np.asarray(biases, dtype=np.float64)
    return relu(z)


def forward(inputs: ArrayLike, weights: list[ArrayLike], biases: list[ArrayLike] | None = None) -> Array:
    bs = list(biases) if biases is not None else [None] * len(weights)
    *hidden, (w_last, b_last) = zip(weights, bs)
    a = np.asarray(inputs, dtype=np.float64)
    for w, b in hidden:
        a = hidden_layer(a, w, b)
    out = a @ np.asarray(w_last, dtype=np.float64)
    return out if b_last is None else out + np.asarray(b_last, dtype=np.float64)


def softmax(z: ArrayLike) -> Array:
    return np.exp(_log_softmax(np.asarray(z, dtype=np.float64)))


def cross_entropy_loss(scores: ArrayLike, labels: ArrayLike) -> float:
    logp = _log_softmax(np.asarray(scores, dtype=np.float64))
    y = np.asarray(labels, dtype=np.intp)
    return float(-logp[:, y].mean())
