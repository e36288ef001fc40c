"""Forward propagation -- my solutions."""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
from numpy.typing import ArrayLike


def relu(x: ArrayLike):
    """ReLU elementwise; scalars stay scalars."""
    return np.maximum(x, 0)


def node_value(inputs: ArrayLike, weights: ArrayLike, bias: float = 0.0) -> float:
    x = np.asarray(inputs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    return float(x @ w + bias)


def hidden_layer(inputs: ArrayLike, weights: ArrayLike, biases: Optional[ArrayLike] = None) -> np.ndarray:
    x = np.asarray(inputs, dtype=np.float64)
    W = np.asarray(weights, dtype=np.float64)
    z = x @ W
    if biases is not None:
        z = z + np.asarray(biases, dtype=np.float64)
    return np.where(z > 0, z, 0.0)


def forward(inputs: ArrayLike, weights: Sequence[ArrayLike], biases: Optional[Sequence[ArrayLike]] = None) -> np.ndarray:
    a = np.asarray(inputs, dtype=np.float64)
    n = len(weights)
    for l in range(n):
        b = None if biases is None else biases[l]
        if l < n - 1:
            a = hidden_layer(a, weights[l], b)
        else:
            a = a @ np.asarray(weights[l], dtype=np.float64)
            if b is not None:
                a = a + np.asarray(b, dtype=np.float64)
    return a


def softmax(z: ArrayLike) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores: ArrayLike, labels: ArrayLike) -> float:
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels).astype(int)
    m = s.max(axis=1)
    lse = m + np.log(np.exp(s - m[:, None]).sum(axis=1))
    return float(np.mean(lse - s[np.arange(len(y)), y]))
