from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    s = softmax(scores)
    idx = np.arange(s.shape[0])
    s[idx, labels] -= 1
    return s / s.shape[0]


def dense_backward(inputs, weights, grad_out):
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    G = np.asarray(grad_out, dtype=float)
    return G.dot(W.T), X.T.dot(G), G.sum(axis=0)


def backward(inputs, weights, biases, labels):
    n_layers = len(weights)
    a = [np.asarray(inputs, dtype=float)]
    z = []
    for i in range(n_layers):
        z.append(a[i].dot(weights[i]) + biases[i])
        a.append(np.maximum(z[i], 0))
    delta = softmax_cross_entropy_grad(z[-1], labels)
    dW = [None] * n_layers
    db = [None] * n_layers
    for i in range(n_layers - 1, -1, -1):
        d_prev, dW[i], db[i] = dense_backward(a[i], weights[i], delta)
        if i > 0:
            delta = d_prev * relu_grad(z[i])
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    W = [np.array(w, dtype=float) for w in weights]
    B = [np.array(b, dtype=float) for b in biases]
    return ([w - learning_rate * g for w, g in zip(W, grad_weights)],
            [b - learning_rate * g for b, g in zip(B, grad_biases)])
