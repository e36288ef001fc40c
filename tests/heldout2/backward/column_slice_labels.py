from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.where(np.asarray(z) > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    grad = softmax(scores)
    m = grad.shape[0]
    grad[:, labels] -= 1
    return grad / m


def dense_backward(inputs, weights, grad_out):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dY = np.array(grad_out, dtype=float)
    dX = dY.dot(W.T)
    dW = X.T.dot(dY)
    db = dY.sum(axis=0)
    return (dX, dW, db)


def backward(inputs, weights, biases, labels):
    acts, zs = [np.asarray(inputs, dtype=float)], []
    for i, (w, b) in enumerate(zip(weights, biases)):
        z = acts[-1] @ w + b
        zs.append(z)
        acts.append(np.maximum(z, 0.0))
    probs = softmax(zs[-1])
    m = probs.shape[0]
    probs[np.arange(m), labels] -= 1
    delta = probs / m
    gws, gbs = [None] * len(weights), [None] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        gws[i] = acts[i].T @ delta
        gbs[i] = delta.sum(axis=0)
        delta = (delta @ weights[i].T) * (zs[i - 1] > 0) if i > 0 else None
    return gws, gbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights, new_biases = [], []
    for w, gw in zip(weights, grad_weights):
        new_weights.append(w - learning_rate * gw)
    for b, gb in zip(biases, grad_biases):
        new_biases.append(b - learning_rate * gb)
    return new_weights, new_biases
