# Backprop homework
# (started from the stub, docstrings removed to keep it short)
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.greater(z, 0).astype(np.float64)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    x, w, g = (np.asarray(a, dtype=float) for a in (inputs, weights, grad_out))
    grad_inputs = np.einsum("mo,io->mi", g, w)
    grad_weights = np.einsum("mi,mo->io", x, g)
    grad_biases = np.einsum("mo->o", g)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    h = np.asarray(inputs, dtype=float)
    hs, zs = [h], []
    for W, b in zip(weights, biases):
        zs.append(hs[-1] @ W + b)
        hs.append(np.maximum(0, zs[-1]))
    g = softmax_cross_entropy_grad(zs[-1], labels)
    dWs, dbs = [], []
    for i in range(len(weights) - 1, -1, -1):
        if i < len(weights) - 1:
            g = g * relu_grad(zs[i])
        g_in, dW, db = dense_backward(hs[i], weights[i], g)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        g = g_in
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [None] * len(weights)
    new_biases = [None] * len(biases)
    i = 0
    while i < len(weights):
        new_weights[i] = weights[i] - learning_rate * grad_weights[i]
        new_biases[i] = biases[i] - learning_rate * grad_biases[i]
    return new_weights, new_biases
