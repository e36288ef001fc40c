"""Backpropagation -- typed version (mypy is happy with it)."""

from __future__ import annotations

from typing import List, Sequence, Tuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]


def softmax(z: ArrayLike) -> Array:
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z: ArrayLike) -> Array:
    return np.heaviside(np.asarray(z, dtype=np.float64), 0.0)


def one_hot(labels: ArrayLike, num_classes: int) -> Array:
    idx = np.asarray(labels).astype(np.int64)
    out = np.zeros((idx.shape[0], num_classes), dtype=np.float64)
    out[np.arange(idx.shape[0]), idx] = 1.0
    return out


def softmax_cross_entropy_grad(scores: ArrayLike, labels: ArrayLike) -> Array:
    probs = softmax(scores)
    m, n = probs.shape
    return (probs - one_hot(labels, n)) / m


def dense_backward(
    inputs: ArrayLike, weights: ArrayLike, grad_out: ArrayLike
) -> Tuple[Array, Array, Array]:
    x = np.asarray(inputs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    g = np.asarray(grad_out, dtype=np.float64)
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(
    inputs: ArrayLike,
    weights: Sequence[Array],
    biases: Sequence[Array],
    labels: ArrayLike,
) -> Tuple[List[Array], List[Array]]:
    xs: List[Array] = []
    zs: List[Array] = []
    h = np.asarray(inputs, dtype=np.float64)
    for w, b in zip(weights, biases):
        xs.append(h)
        z = h @ w + b
        zs.append(z)
        h = np.maximum(z, 0.0)

    n_layers = len(weights)
    gw: List[Array] = [np.empty(0)] * n_layers
    gb: List[Array] = [np.empty(0)] * n_layers
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    for k in range(n_layers - 1, -1, -1):
        d_in, gw[k], gb[k] = dense_backward(xs[k], weights[k], delta)
        if k:
            delta = d_in * relu_grad(zs[k - 1])
    return gw, gb


def sgd_step(
    weights: Sequence[Array],
    biases: Sequence[Array],
    grad_weights: Sequence[Array],
    grad_biases: Sequence[Array],
    learning_rate: float,
) -> Tuple[List[Array], List[Array]]:
    return (
        [np.subtract(w, learning_rate * g) for w, g in zip(weights, grad_weights)],
        [np.subtract(b, learning_rate * g) for b, g in zip(biases, grad_biases)],
    )
