from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    out = np.zeros(np.shape(z))
    out[np.asarray(z) > 0] = 1.0
    return out


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    n = len(labels)
    onehot = np.zeros_like(probs)
    onehot[np.arange(n), labels] = 1
    return (probs - onehot) / n


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    cache = []
    a = np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases):
        z = a @ w + b
        cache.append((a, z))
        a = np.maximum(z, 0)
    g = softmax_cross_entropy_grad(cache[-1][1], labels)
    gws, gbs = [None] * len(cache), [None] * len(cache)
    for i in range(len(cache) - 1, -1, -1):
        g_in, gws[i], gbs[i] = dense_backward(cache[i][0], weights[i], g)
        if i > 0:
            g = g_in * relu_grad(cache[i - 1][1])
    return gws, gbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([np.asarray(w, dtype=float) - learning_rate * g for w, g in zip(weights, grad_weights)],
            [np.asarray(b, dtype=float) - learning_rate * g for b, g in zip(biases, grad_biases)])


# ---- testing (delete before submitting) ----
W = [np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([[2.0, 1.0], [-1.0, 4.0]])]
b = [np.zeros(2), np.zeros(2)]
gW, gb = backward(X_bank, W, b, np.array([0]))
print(gW)
check_gradients(X_bank, W, b, np.array([0]))
