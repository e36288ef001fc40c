from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray


def relu(x: ArrayLike):
    return np.where(np.asarray(x) > 0, x, 0)


def node_value(inputs: ArrayLike, weights: ArrayLike, bias: float = 0.0) -> float:
    x = np.asarray(inputs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    return float(np.einsum("i,i->", x, w) + bias)


def _affine(x: NDArray, W: ArrayLike, b: Optional[ArrayLike]) -> NDArray:
    z = x @ np.asarray(W, dtype=np.float64)
    return z if b is None else z + np.asarray(b, dtype=np.float64)


def hidden_layer(inputs: ArrayLike, weights: ArrayLike, biases: Optional[ArrayLike] = None) -> NDArray:
    return relu(_affine(np.asarray(inputs, dtype=np.float64), weights, biases))


def forward(inputs: ArrayLike, weights: Sequence[ArrayLike],
            biases: Optional[Sequence[ArrayLike]] = None) -> NDArray:
    bs = list(biases) if biases is not None else [None] * len(weights)
    a = np.asarray(inputs, dtype=np.float64)
    *hidden, last = list(zip(weights, bs))
    for W, b in hidden:
        a = hidden_layer(a, W, b)
    return _affine(a, *last)


def softmax(z: ArrayLike) -> NDArray:
    z = np.asarray(z, dtype=np.float64)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores: ArrayLike, labels: ArrayLike) -> float:
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=int)
    lse = np.logaddexp.reduce(s, axis=1)
    return float(np.mean(lse - s[np.arange(s.shape[0]), y]))
