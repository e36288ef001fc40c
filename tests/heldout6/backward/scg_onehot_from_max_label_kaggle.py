from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.array(z) > 0) * 1.0


def one_hot(Y):
    one_hot_Y = np.zeros((Y.size, Y.max() + 1))
    one_hot_Y[np.arange(Y.size), Y] = 1
    return one_hot_Y


def softmax_cross_entropy_grad(scores, labels):
    A2 = softmax(scores)
    Y = np.array(labels)
    m = Y.size
    dZ2 = A2 - one_hot(Y)
    return dZ2 / m


def dense_backward(inputs, weights, grad_out):
    A1 = np.array(inputs, dtype=float)
    W2 = np.array(weights, dtype=float)
    dZ2 = np.array(grad_out, dtype=float)
    dW2 = A1.T.dot(dZ2)
    db2 = np.sum(dZ2, axis=0)
    dA1 = dZ2.dot(W2.T)
    return dA1, dW2, db2


def backward(inputs, weights, biases, labels):
    A = [np.array(inputs, dtype=float)]
    Z = []
    for W, b in zip(weights, biases):
        Z.append(A[-1].dot(W) + b)
        A.append(np.maximum(Z[-1], 0))
    P = softmax(Z[-1])
    P[np.arange(len(P)), labels] -= 1
    dZ = P / len(P)
    dWs, dbs = [], []
    for i in range(len(weights) - 1, -1, -1):
        dWs.append(A[i].T.dot(dZ))
        dbs.append(np.sum(dZ, axis=0))
        if i > 0:
            dZ = dZ.dot(weights[i].T) * (Z[i - 1] > 0)
    return dWs[::-1], dbs[::-1]


def update_params(W, b, dW, db, alpha):
    return W - alpha * dW, b - alpha * db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_W, new_b = [], []
    for W, b, dW, db in zip(weights, biases, grad_weights, grad_biases):
        W2, b2 = update_params(W, b, dW, db, learning_rate)
        new_W.append(W2)
        new_b.append(b2)
    return new_W, new_b
