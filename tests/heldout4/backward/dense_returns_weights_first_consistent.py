from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.asarray(np.asarray(z, dtype=float) > 0, dtype=float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), np.asarray(labels)] = 1
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    """returns dW, dX, db"""
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    dW = X.T @ dZ
    dX = dZ @ W.T
    db = dZ.sum(axis=0)
    return dW, dX, db


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    cache = []
    for W, b in zip(weights, biases):
        Z = X @ W + b
        cache.append((X, Z))
        X = np.maximum(0, Z)
    dZ = softmax_cross_entropy_grad(cache[-1][1], labels)
    dWs, dbs = [None] * len(weights), [None] * len(weights)
    for l in reversed(range(len(weights))):
        dWs[l], dX, dbs[l] = dense_backward(cache[l][0], weights[l], dZ)
        if l > 0:
            dZ = dX * relu_grad(cache[l - 1][1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([np.asarray(W, dtype=float) - learning_rate * np.asarray(dW) for W, dW in zip(weights, grad_weights)],
            [np.asarray(b, dtype=float) - learning_rate * np.asarray(db) for b, db in zip(biases, grad_biases)])
