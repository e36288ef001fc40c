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
    # dL/dz = (y_hat - y) / m
    y_hat = softmax(scores)
    y = np.asarray(labels, dtype=float)
    m = y_hat.shape[0]
    return (y_hat - y) / m


def dense_backward(inputs, weights, grad_out):
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    layer_in, layer_z = [], []
    for W, b in zip(weights, biases):
        layer_in.append(X)
        Z = X @ W + b
        layer_z.append(Z)
        X = np.maximum(Z, 0)
    dZ = softmax_cross_entropy_grad(layer_z[-1], labels)
    dWs, dbs = [], []
    for W, A_prev, Z_prev in zip(reversed(weights), reversed(layer_in), reversed([None] + layer_z[:-1])):
        dA, dW, db = dense_backward(A_prev, W, dZ)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if Z_prev is not None:
            dZ = dA * relu_grad(Z_prev)
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    lr = learning_rate
    return [W - lr * dW for W, dW in zip(weights, grad_weights)], [b - lr * db for b, db in zip(biases, grad_biases)]
