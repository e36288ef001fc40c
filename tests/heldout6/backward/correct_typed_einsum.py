from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)

from typing import List, Sequence, Tuple

Array = np.ndarray


def relu_grad(z) -> Array:
    z = np.asarray(z, dtype=np.float64)
    out = np.zeros_like(z)
    out[z > 0] = 1.0
    return out


def softmax_cross_entropy_grad(scores, labels) -> Array:
    p = softmax(scores)
    m, n = p.shape
    y = np.eye(n)[np.asarray(labels)]
    return (p - y) / m


def dense_backward(inputs, weights, grad_out) -> Tuple[Array, Array, Array]:
    x = np.asarray(inputs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    g = np.asarray(grad_out, dtype=np.float64)
    dx = np.einsum("mo,io->mi", g, w)
    dw = np.einsum("mi,mo->io", x, g)
    db = np.einsum("mo->o", g)
    return dx, dw, db


def backward(inputs, weights: Sequence[Array], biases: Sequence[Array], labels) -> Tuple[List[Array], List[Array]]:
    xs: List[Array] = []
    zs: List[Array] = []
    h = np.asarray(inputs, dtype=np.float64)
    for w, b in zip(weights, biases):
        xs.append(h)
        z = h @ w + b
        zs.append(z)
        h = z * (z > 0)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    L = len(weights)
    dws: List[Array] = [np.empty(0)] * L
    dbs: List[Array] = [np.empty(0)] * L
    for l in range(L - 1, -1, -1):
        g_in, dws[l], dbs[l] = dense_backward(xs[l], weights[l], g)
        if l:
            g = g_in * relu_grad(zs[l - 1])
    return dws, dbs


def sgd_step(weights: Sequence[Array], biases: Sequence[Array], grad_weights: Sequence[Array],
             grad_biases: Sequence[Array], learning_rate: float) -> Tuple[List[Array], List[Array]]:
    return ([np.subtract(w, learning_rate * dw) for w, dw in zip(weights, grad_weights)],
            [np.subtract(b, learning_rate * db) for b, db in zip(biases, grad_biases)])
