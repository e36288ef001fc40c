from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return (z > 0).astype(z.dtype)


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    labels = np.asarray(labels, dtype=int)
    p[np.arange(labels.size), labels] -= 1
    return p / labels.size


def dense_backward(inputs, weights, grad_out):
    # dW = dZ . A_prev^T   (from the slides)
    A_prev = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    dW = dZ.T @ A_prev
    db = dZ.sum(axis=0)
    dA_prev = dZ @ W.T
    return dA_prev, dW, db


def backward(inputs, weights, biases, labels):
    a = [np.asarray(inputs, dtype=float)]
    z = []
    for W, b in zip(weights, biases):
        z.append(a[-1] @ W + b)
        a.append(np.maximum(z[-1], 0))
    dZ = softmax_cross_entropy_grad(z[-1], labels)
    dWs = [None] * len(weights)
    dbs = [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        dWs[l] = a[l].T @ dZ
        dbs[l] = dZ.sum(axis=0)
        if l:
            dZ = dZ @ np.asarray(weights[l], dtype=float).T * relu_grad(z[l - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    lr = learning_rate
    return [np.asarray(w) - lr * g for w, g in zip(weights, grad_weights)], [np.asarray(b) - lr * g for b, g in zip(biases, grad_biases)]
