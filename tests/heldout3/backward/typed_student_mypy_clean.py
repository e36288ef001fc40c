"""Backpropagation exercises."""
from __future__ import annotations

from typing import List, Sequence, Tuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z: ArrayLike) -> Array:
    z_arr = np.asarray(z, dtype=np.float64)
    return (z_arr > 0).astype(np.float64)


def softmax_cross_entropy_grad(scores: ArrayLike, labels: Sequence[int]) -> Array:
    probs = softmax(scores)
    m = probs.shape[0]
    target = np.zeros_like(probs)
    target[np.arange(m), np.asarray(labels, dtype=int)] = 1.0
    return (probs - target) / m


def dense_backward(
    inputs: ArrayLike, weights: ArrayLike, grad_out: ArrayLike
) -> Tuple[Array, Array, Array]:
    x = np.asarray(inputs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    g = np.asarray(grad_out, dtype=np.float64)
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(
    inputs: ArrayLike, weights: List[Array], biases: List[Array], labels: Sequence[int]
) -> Tuple[List[Array], List[Array]]:
    xs: List[Array] = []
    zs: List[Array] = []
    h = np.asarray(inputs, dtype=np.float64)
    for w, b in zip(weights, biases):
        xs.append(h)
        z = h @ w + b
        zs.append(z)
        h = np.maximum(z, 0.0)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    gw: List[Array] = []
    gb: List[Array] = []
    for i in range(len(weights) - 1, -1, -1):
        g_in, g_w, g_b = dense_backward(xs[i], weights[i], g)
        gw.append(g_w)
        gb.append(g_b)
        if i:
            g = g_in * relu_grad(zs[i - 1])
    gw.reverse()
    gb.reverse()
    return gw, gb


def sgd_step(
    weights: List[Array], biases: List[Array],
    grad_weights: List[Array], grad_biases: List[Array], learning_rate: float,
) -> Tuple[List[Array], List[Array]]:
    return (
        [w - learning_rate * g for w, g in zip(weights, grad_weights)],
        [b - learning_rate * g for b, g in zip(biases, grad_biases)],
    )
