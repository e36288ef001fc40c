# MNIST-from-scratch Kaggle notebook, exported to .py
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def ReLU(Z):
    return np.maximum(Z, 0)


def relu_grad(z):
    return (z > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    A2 = softmax(scores)
    m = np.shape(A2)[0]
    one_hot_Y = np.zeros_like(A2)
    one_hot_Y[np.arange(len(labels)), labels] = 1
    return (A2 - one_hot_Y) / m


def dense_backward(inputs, weights, grad_out):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dW = X.T.dot(dZ)
    db = np.sum(dZ, 0)
    return dZ.dot(W.T), dW, db


def backward(inputs, weights, biases, labels):
    A = [np.array(inputs, dtype=float)]
    Z = []
    for W, b in zip(weights, biases):
        Z.append(A[-1].dot(W) + b)
        A.append(ReLU(Z[-1]))
    dZ = softmax_cross_entropy_grad(Z[-1], labels)
    dWs, dbs = [], []
    for i in reversed(range(len(weights))):
        dA, dW, db = dense_backward(A[i], weights[i], dZ)
        dWs.append(dW)
        dbs.append(db)
        if i > 0:
            dZ = dA * relu_grad(Z[i - 1])
    return dWs[::-1], dbs[::-1]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    alpha = learning_rate
    W_new = [W - alpha * dW for W, dW in zip(weights, grad_weights)]
    b_new = [b - alpha * db for b, db in zip(biases, grad_biases)]
    return W_new, b_new
