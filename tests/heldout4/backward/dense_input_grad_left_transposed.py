from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    return np.clip(np.ceil(z), 0, 1)  # ceil of positive is >=1, clip to 1


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    k = probs.shape[1]
    onehot = np.array([[1.0 if c == lab else 0.0 for c in range(k)] for lab in labels])
    return (probs - onehot) / probs.shape[0]


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    dz = np.asarray(grad_out, dtype=float)
    dx = np.dot(w, dz.T)          # W^T-style product, (n_in, m)
    dw = np.dot(x.T, dz)
    db = dz.sum(axis=0)
    return dx, dw, db


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    xs, zs = [], []
    for w, b in zip(weights, biases):
        xs.append(x)
        zs.append(x @ w + b)
        x = np.maximum(zs[-1], 0)
    dz = softmax_cross_entropy_grad(zs[-1], labels)
    gws, gbs = [], []
    for i in reversed(range(len(weights))):
        gws.append(xs[i].T @ dz)
        gbs.append(dz.sum(axis=0))
        if i > 0:
            dz = (dz @ np.asarray(weights[i], dtype=float).T) * relu_grad(zs[i - 1])
    return gws[::-1], gbs[::-1]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return (
        [np.asarray(w, dtype=float) - learning_rate * np.asarray(gw, dtype=float) for w, gw in zip(weights, grad_weights)],
        [np.asarray(b, dtype=float) - learning_rate * np.asarray(gb, dtype=float) for b, gb in zip(biases, grad_biases)],
    )
