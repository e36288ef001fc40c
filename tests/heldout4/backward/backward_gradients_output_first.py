from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.asarray(z, dtype=float).__gt__(0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    probs[np.arange(m), np.asarray(labels, dtype=int)] -= 1.0
    return probs / m


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    cache = []
    a = np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases):
        z = a @ np.asarray(w, dtype=float) + np.asarray(b, dtype=float)
        cache.append((a, z))
        a = np.maximum(z, 0)
    grad = softmax_cross_entropy_grad(cache[-1][1], labels)
    grad_weights, grad_biases = [], []
    for i in reversed(range(len(cache))):
        a_prev, _ = cache[i]
        grad_in, gw, gb = dense_backward(a_prev, weights[i], grad)
        grad_weights.append(gw)
        grad_biases.append(gb)
        if i > 0:
            grad = grad_in * relu_grad(cache[i - 1][1])
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([np.subtract(w, learning_rate * np.asarray(g), dtype=float) for w, g in zip(weights, grad_weights)],
            [np.subtract(b, learning_rate * np.asarray(g), dtype=float) for b, g in zip(biases, grad_biases)])
