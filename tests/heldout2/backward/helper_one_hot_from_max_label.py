from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.piecewise(np.asarray(z, dtype=float), [np.asarray(z) > 0], [1.0, 0.0])


def one_hot(Y):
    Y = np.asarray(Y, dtype=int)
    one_hot_Y = np.zeros((Y.size, Y.max() + 1))
    one_hot_Y[np.arange(Y.size), Y] = 1
    return one_hot_Y


def softmax_cross_entropy_grad(scores, labels):
    A = softmax(scores)
    return (A - one_hot(labels)) / A.shape[0]


def dense_backward(inputs, weights, grad_out):
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    return dZ.dot(W.T), X.T.dot(dZ), dZ.sum(axis=0)


def backward(inputs, weights, biases, labels):
    A = [np.asarray(inputs, dtype=float)]
    Z = []
    for W, b in zip(weights, biases):
        Z.append(A[-1].dot(W) + b)
        A.append(np.maximum(Z[-1], 0))
    m = A[0].shape[0]
    dZ = (softmax(Z[-1]) - one_hot(labels)) / m
    dW, db = [], []
    for l in reversed(range(len(weights))):
        dA, w_grad, b_grad = dense_backward(A[l], weights[l], dZ)
        dW.insert(0, w_grad)
        db.insert(0, b_grad)
        if l > 0:
            dZ = dA * relu_grad(Z[l - 1])
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w.copy() for w in weights]
    new_biases = [b.copy() for b in biases]
    for i in range(len(new_weights)):
        new_weights[i] -= learning_rate * grad_weights[i]
        new_biases[i] -= learning_rate * grad_biases[i]
    return new_weights, new_biases
