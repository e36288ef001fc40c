from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return (z > 0) + 0.0


def softmax_cross_entropy_grad(scores, labels):
    # y is the target distribution
    y_hat = softmax(scores)
    y = np.asarray(labels, dtype=float)
    return (y_hat - y) / y_hat.shape[0]


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    dx = g @ w
    dw = x.T @ g
    db = g.sum(axis=0)
    return dx, dw, db


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    ins, zs = [], []
    for w, b in zip(weights, biases):
        ins.append(x)
        zs.append(x @ np.asarray(w, dtype=float) + np.asarray(b, dtype=float))
        x = np.maximum(zs[-1], 0)
    p = softmax(zs[-1])
    m = p.shape[0]
    p[np.arange(m), np.asarray(labels, dtype=int)] -= 1
    g = p / m
    gw, gb = [], []
    for i in reversed(range(len(weights))):
        gw.insert(0, ins[i].T @ g)
        gb.insert(0, g.sum(axis=0))
        g = (g @ np.asarray(weights[i], dtype=float).T) * (ins[i] > 0)
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([np.asarray(w, dtype=float) - learning_rate * np.asarray(g, dtype=float) for w, g in zip(weights, grad_weights)],
            [np.asarray(b, dtype=float) - learning_rate * np.asarray(g, dtype=float) for b, g in zip(biases, grad_biases)])
