# ex4-style: for t = 1:m ... accumulate Delta ... (Octave port)
from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    g = np.zeros(np.shape(z))
    g[np.asarray(z) > 0] = 1
    return g


def softmax_cross_entropy_grad(scores, labels):
    scores = np.asarray(scores, dtype=float)
    m = scores.shape[0]
    h = softmax(scores)
    y_matrix = np.eye(scores.shape[1])[np.asarray(labels, dtype=int)]
    return (h - y_matrix) / m


def dense_backward(inputs, weights, grad_out):
    a = np.asarray(inputs, dtype=float)
    Theta = np.asarray(weights, dtype=float)
    delta = np.asarray(grad_out, dtype=float)
    return delta @ Theta.T, a.T @ delta, delta.sum(axis=0)


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    m = X.shape[0]
    L = len(weights)
    Delta_w = [np.zeros(np.shape(w)) for w in weights]
    Delta_b = [np.zeros(np.shape(b)) for b in biases]
    for t in range(m):
        a = [X[t:t + 1]]
        z = []
        for l in range(L):
            z.append(a[l] @ weights[l] + biases[l])
            a.append(np.maximum(z[l], 0))
        delta = softmax_cross_entropy_grad(z[-1], labels[t:t + 1])
        for l in range(L - 1, -1, -1):
            d_prev, dw, db = dense_backward(a[l], weights[l], delta)
            Delta_w[l] = Delta_w[l] + dw
            Delta_b[l] = db
            if l > 0:
                delta = d_prev * relu_grad(z[l - 1])
    return Delta_w, Delta_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    alpha = learning_rate
    return ([np.asarray(w, dtype=float) - alpha * np.asarray(g) for w, g in zip(weights, grad_weights)],
            [np.asarray(b, dtype=float) - alpha * np.asarray(g) for b, g in zip(biases, grad_biases)])
