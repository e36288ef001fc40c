from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


# from the "simple MNIST NN from scratch" Kaggle notebook, transposed to rows


def ReLU_deriv(Z):
    return Z > 0


def relu_grad(z):
    return ReLU_deriv(np.asarray(z, dtype=float)).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    A2 = softmax(scores)
    Y = np.asarray(labels)
    one_hot_Y = np.zeros(A2.shape)
    one_hot_Y[np.arange(Y.size), Y] = 1
    return (A2 - one_hot_Y) / Y.size


def dense_backward(inputs, weights, grad_out):
    A1 = np.asarray(inputs, dtype=float)
    W2 = np.asarray(weights, dtype=float)
    dZ2 = np.asarray(grad_out, dtype=float)
    m = A1.shape[0]
    dW2 = 1 / m * A1.T.dot(dZ2)
    db2 = 1 / m * np.sum(dZ2)
    dA1 = dZ2.dot(W2.T)
    return dA1, dW2, db2


def backward(inputs, weights, biases, labels):
    A = [np.asarray(inputs, dtype=float)]
    Z = []
    for W, b in zip(weights, biases):
        Z.append(A[-1].dot(W) + b)
        A.append(np.maximum(Z[-1], 0))
    dZ = softmax_cross_entropy_grad(Z[-1], labels)
    dW, db = [None] * len(weights), [None] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        dA, dW[i], db[i] = dense_backward(A[i], weights[i], dZ)
        if i > 0:
            dZ = dA * ReLU_deriv(Z[i - 1])
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    alpha = learning_rate
    return [W - alpha * dW for W, dW in zip(weights, grad_weights)], [b - alpha * d for b, d in zip(biases, grad_biases)]
