from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    # step function = derivative of relu (numpy has it built in!)
    return np.heaviside(np.asarray(z, dtype=float), 1.0)


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    m = p.shape[0]
    p[np.arange(m), labels] -= 1.0
    return p / m


def dense_backward(inputs, weights, grad_out):
    inputs, weights, grad_out = (np.asarray(a, dtype=float) for a in (inputs, weights, grad_out))
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    cache = []
    for w, b in zip(weights, biases):
        z = a @ w + b
        cache.append((a, z))
        a = np.maximum(z, 0)
    dz = softmax_cross_entropy_grad(cache[-1][1], labels)
    dws, dbs = [], []
    for i in range(len(weights) - 1, -1, -1):
        a_prev, _ = cache[i]
        da, dw, db = dense_backward(a_prev, weights[i], dz)
        dws.insert(0, dw)
        dbs.insert(0, db)
        if i > 0:
            dz = da * (cache[i - 1][1] > 0)
    return dws, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    nw = [np.asarray(w) - learning_rate * np.asarray(g) for w, g in zip(weights, grad_weights)]
    nb = [np.asarray(b) - learning_rate * np.asarray(g) for b, g in zip(biases, grad_biases)]
    return nw, nb
