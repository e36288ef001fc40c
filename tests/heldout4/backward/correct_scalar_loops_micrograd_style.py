"""Backpropagation, no matrix tricks: I wanted to see every chain-rule term
(inspired by Karpathy's micrograd video, everything one number at a time)."""

from __future__ import annotations

import math

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    out = np.empty(z.shape)
    for idx in np.ndindex(z.shape):
        out[idx] = 1.0 if z[idx] > 0 else 0.0
    return out


def softmax_cross_entropy_grad(scores, labels):
    scores = np.asarray(scores, dtype=float)
    m, n = scores.shape
    grad = np.zeros((m, n))
    for i in range(m):
        row_max = max(scores[i])
        exps = [math.exp(s - row_max) for s in scores[i]]
        total = sum(exps)
        for j in range(n):
            p = exps[j] / total
            grad[i, j] = (p - (1.0 if j == int(labels[i]) else 0.0)) / m
    return grad


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    m, n_in = x.shape
    n_out = w.shape[1]
    dx = np.zeros((m, n_in))
    dw = np.zeros((n_in, n_out))
    db = np.zeros(n_out)
    for r in range(m):
        for j in range(n_out):
            db[j] += g[r, j]
            for i in range(n_in):
                # z[r, j] += x[r, i] * w[i, j]
                dw[i, j] += x[r, i] * g[r, j]
                dx[r, i] += w[i, j] * g[r, j]
    return dx, dw, db


def backward(inputs, weights, biases, labels):
    acts = [np.asarray(inputs, dtype=float)]
    zs = []
    for k, (w, b) in enumerate(zip(weights, biases)):
        z = acts[-1] @ np.asarray(w, dtype=float) + np.asarray(b, dtype=float)
        zs.append(z)
        acts.append(np.maximum(z, 0) if k < len(weights) - 1 else z)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    gw, gb = [], []
    for k in range(len(weights) - 1, -1, -1):
        g_in, dw, db = dense_backward(acts[k], weights[k], g)
        gw.insert(0, dw)
        gb.insert(0, db)
        g = g_in * relu_grad(zs[k - 1]) if k > 0 else g_in
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return (
        [np.asarray(w, dtype=float) - learning_rate * np.asarray(d, dtype=float) for w, d in zip(weights, grad_weights)],
        [np.asarray(b, dtype=float) - learning_rate * np.asarray(d, dtype=float) for b, d in zip(biases, grad_biases)],
    )
