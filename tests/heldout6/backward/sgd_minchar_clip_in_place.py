from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    return (z > 0) + 0.0


def softmax_cross_entropy_grad(scores, labels):
    ps = softmax(scores)
    n = ps.shape[0]
    dy = np.copy(ps)
    dy[np.arange(n), labels] -= 1  # backprop into y (see min-char-rnn)
    return dy / n


def dense_backward(inputs, weights, grad_out):
    h = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dy = np.array(grad_out, dtype=float)
    return np.dot(dy, W.T), np.dot(h.T, dy), np.sum(dy, axis=0)


def backward(inputs, weights, biases, labels):
    hs = {0: np.array(inputs, dtype=float)}
    zs = {}
    L = len(weights)
    for t in range(L):
        zs[t] = np.dot(hs[t], weights[t]) + biases[t]
        hs[t + 1] = np.maximum(0, zs[t])
    dy = softmax_cross_entropy_grad(zs[L - 1], labels)
    dWs, dbs = [np.zeros_like(w) for w in weights], [np.zeros_like(b) for b in biases]
    for t in reversed(range(L)):
        dh, dWs[t], dbs[t] = dense_backward(hs[t], weights[t], dy)
        if t > 0:
            dy = dh * (zs[t - 1] > 0)
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    for dparam in grad_weights + grad_biases:
        np.clip(dparam, -1, 1, out=dparam)  # mitigate exploding gradients
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
