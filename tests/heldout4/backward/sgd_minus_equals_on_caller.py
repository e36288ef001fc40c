from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z, dtype=float) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = len(probs)
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    x, w, g = (np.asarray(v, dtype=float) for v in (inputs, weights, grad_out))
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    xs, zs = [], []
    x = np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases):
        xs.append(x)
        zs.append(x @ w + b)
        x = np.maximum(zs[-1], 0)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    dws, dbs = [None] * len(weights), [None] * len(weights)
    for k in range(len(weights) - 1, -1, -1):
        g_in, dws[k], dbs[k] = dense_backward(xs[k], weights[k], g)
        if k:
            g = g_in * relu_grad(zs[k - 1])
    return dws, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    for w, dw in zip(weights, grad_weights):
        w -= learning_rate * dw
    for b, db in zip(biases, grad_biases):
        b -= learning_rate * db
    return weights, biases
