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
    """ReLU's slope: 1 where z > 0, else 0 (also 0 at the corner z == 0)."""
    z = np.asarray(z)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    scores = np.asarray(scores, dtype=float)
    e = np.exp(scores)
    probs = e / e.sum(axis=1, keepdims=True)
    m = scores.shape[0]
    probs[np.arange(m), labels] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


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
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
