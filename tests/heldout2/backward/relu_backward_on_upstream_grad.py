from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.heaviside(np.asarray(z, dtype=float), 0.0)


def softmax_cross_entropy_grad(scores, labels):
    P = softmax(scores)
    labels = np.asarray(labels).astype(int)
    P[np.arange(P.shape[0]), labels] -= 1
    return P / P.shape[0]


def dense_backward(inputs, weights, grad_out):
    X, W, G = (np.asarray(a, dtype=float) for a in (inputs, weights, grad_out))
    return G @ W.T, X.T @ G, G.sum(axis=0)


def backward(inputs, weights, biases, labels):
    h = np.asarray(inputs, dtype=float)
    hs = [h]
    for W, b in zip(weights[:-1], biases[:-1]):
        h = np.maximum(0, h @ W + b)
        hs.append(h)
    scores = h @ weights[-1] + biases[-1]

    d = softmax_cross_entropy_grad(scores, labels)
    gW = [None] * len(weights)
    gb = [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        dA, gW[l], gb[l] = dense_backward(hs[l], weights[l], d)
        # relu backward: dZ = dA * relu'(...)
        d = dA * relu_grad(dA)
    return gW, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    params = {"W": list(weights), "b": list(biases)}
    grads = {"W": list(grad_weights), "b": list(grad_biases)}
    for key in params:
        params[key] = [p - learning_rate * g for p, g in zip(params[key], grads[key])]
    return params["W"], params["b"]
