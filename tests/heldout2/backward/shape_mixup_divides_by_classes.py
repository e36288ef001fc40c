from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    a = np.array(z, dtype=float)
    return (a > 0) * 1.0


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    y = np.zeros(p.shape)
    y[np.arange(p.shape[0]), labels] = 1
    # mean of the loss -> divide by the size
    return (p - y) / p.shape[1]


def dense_backward(inputs, weights, grad_out):
    a = np.array(inputs, dtype=float)
    w = np.array(weights, dtype=float)
    g = np.array(grad_out, dtype=float)
    return g.dot(w.T), a.T.dot(g), g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    n = len(weights)
    a_list = [np.array(inputs, dtype=float)]
    z_list = []
    for i in range(n):
        z_list.append(a_list[i].dot(weights[i]) + biases[i])
        a_list.append(np.maximum(0, z_list[i]))
    labels = np.asarray(labels)
    p = softmax(z_list[-1])
    p[np.arange(len(labels)), labels] -= 1
    g = p / len(labels)
    dws = [None] * n
    dbs = [None] * n
    for i in range(n - 1, -1, -1):
        dws[i] = a_list[i].T.dot(g)
        dbs[i] = g.sum(axis=0)
        if i > 0:
            g = g.dot(weights[i].T) * relu_grad(z_list[i - 1])
    return dws, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    ws = []
    bs = []
    for w, dw, b, db in zip(weights, grad_weights, biases, grad_biases):
        ws.append(w - learning_rate * dw)
        bs.append(b - learning_rate * db)
    return ws, bs
