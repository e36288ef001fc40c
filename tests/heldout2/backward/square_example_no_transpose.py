from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return 1.0 * (np.asarray(z) > 0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    n = len(probs)
    y = np.zeros(probs.shape)
    y[range(n), labels] = 1
    return (probs - y) / n


def dense_backward(inputs, weights, grad_out):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    grad_out = np.array(grad_out, dtype=float)
    grad_inputs = grad_out @ weights
    grad_weights = inputs.T @ grad_out
    grad_biases = grad_out.sum(axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    a = np.array(inputs, dtype=float)
    a_s, z_s = [], []
    for W, b in zip(weights, biases):
        a_s.append(a)
        z = a @ W + b
        z_s.append(z)
        a = np.maximum(0, z)
    g = softmax_cross_entropy_grad(z_s[-1], labels)
    n = len(weights)
    gw, gb = [0] * n, [0] * n
    for i in range(n - 1, -1, -1):
        gw[i] = a_s[i].T @ g
        gb[i] = g.sum(axis=0)
        g = (g @ weights[i].T) * (a_s[i] > 0)
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return [W - learning_rate * dW for W, dW in zip(weights, grad_weights)], [b - learning_rate * db for b, db in zip(biases, grad_biases)]
