"""Backpropagation exercises (typed, einsum everywhere)."""

from __future__ import annotations

from typing import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z: ArrayLike) -> Array:
    """1 where z > 0, else 0 (0 at the kink)."""
    return np.heaviside(np.asarray(z, dtype=float), 0.0)


def softmax_cross_entropy_grad(scores: ArrayLike, labels: ArrayLike) -> Array:
    probs = softmax(scores)
    m, n = probs.shape
    y = np.asarray(labels).astype(np.int64)
    onehot = (y[:, None] == np.arange(n)[None, :]).astype(float)
    return (probs - onehot) / m


def dense_backward(inputs: ArrayLike, weights: ArrayLike, grad_out: ArrayLike) -> tuple[Array, Array, Array]:
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    grad_inputs = np.einsum("mo,io->mi", g, w)
    grad_weights = np.einsum("mi,mo->io", x, g)
    grad_biases = np.einsum("mo->o", g)
    return grad_inputs, grad_weights, grad_biases


def backward(
    inputs: ArrayLike,
    weights: Sequence[ArrayLike],
    biases: Sequence[ArrayLike],
    labels: ArrayLike,
) -> tuple[list[Array], list[Array]]:
    n_layers = len(weights)
    xs: list[Array] = []
    zs: list[Array] = []
    a = np.asarray(inputs, dtype=float)
    for l in range(n_layers):
        xs.append(a)
        z = np.einsum("mi,io->mo", a, np.asarray(weights[l], dtype=float)) + np.asarray(biases[l], dtype=float)
        zs.append(z)
        a = np.maximum(z, 0.0)
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    dWs: list[Array] = []
    dbs: list[Array] = []
    for l in reversed(range(n_layers)):
        d_in, dW, db = dense_backward(xs[l], weights[l], delta)
        dWs.append(dW)
        dbs.append(db)
        if l:
            delta = d_in * relu_grad(zs[l - 1])
    return dWs[::-1], dbs[::-1]


def sgd_step(
    weights: Sequence[ArrayLike],
    biases: Sequence[ArrayLike],
    grad_weights: Sequence[ArrayLike],
    grad_biases: Sequence[ArrayLike],
    learning_rate: float,
) -> tuple[list[Array], list[Array]]:
    def step(ps: Sequence[ArrayLike], gs: Sequence[ArrayLike]) -> list[Array]:
        return [np.subtract(p, np.multiply(learning_rate, g), dtype=float) for p, g in zip(ps, gs)]

    return step(weights, grad_weights), step(biases, grad_biases)
