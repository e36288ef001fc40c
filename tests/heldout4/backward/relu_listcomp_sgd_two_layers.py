from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.array([1.0 if v > 0 else 0.0 for v in z])


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    grad = probs.copy()
    grad[np.arange(m), labels] -= 1
    return grad / m


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    xs, zs = [], []
    for w, b in zip(weights, biases):
        xs.append(x)
        zs.append(x @ w + b)
        x = np.maximum(zs[-1], 0)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    gws, gbs = [None] * len(weights), [None] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        g_in, gws[i], gbs[i] = dense_backward(xs[i], weights[i], g)
        if i > 0:
            g = g_in * (zs[i - 1] > 0)
    return gws, gbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights, new_biases = [], []
    for i in range(2):  # W1, W2
        new_weights.append(np.asarray(weights[i], dtype=float) - learning_rate * np.asarray(grad_weights[i]))
        new_biases.append(np.asarray(biases[i], dtype=float) - learning_rate * np.asarray(grad_biases[i]))
    return new_weights, new_biases
