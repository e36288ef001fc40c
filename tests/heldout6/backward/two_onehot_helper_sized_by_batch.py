from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def one_hot(labels):
    labels = np.asarray(labels, dtype=int)
    return np.eye(len(labels))[labels]


def relu_grad(z):
    return (np.asarray(z, dtype=float) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    return (probs - one_hot(labels)) / probs.shape[0]


def dense_backward(inputs, weights, grad_out):
    X, W, dZ = (np.asarray(t, dtype=float) for t in (inputs, weights, grad_out))
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)


def backward(inputs, weights, biases, labels):
    A = np.asarray(inputs, dtype=float)
    As, Zs = [], []
    for W, b in zip(weights, biases):
        As.append(A)
        Zs.append(A @ W + b)
        A = np.maximum(Zs[-1], 0)
    m = A.shape[0]
    dZ = (softmax(Zs[-1]) - one_hot(labels)) / m
    dWs, dbs = [None] * len(weights), [None] * len(weights)
    for l in reversed(range(len(weights))):
        dWs[l] = As[l].T @ dZ
        dbs[l] = dZ.sum(axis=0)
        if l > 0:
            dZ = (dZ @ weights[l].T) * relu_grad(Zs[l - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([W - learning_rate * dW for W, dW in zip(weights, grad_weights)],
            [b - learning_rate * db for b, db in zip(biases, grad_biases)])
