from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


# MNIST from scratch (Kaggle notebook) adapted to rows-as-examples


def ReLU(Z):
    return np.maximum(Z, 0)


def ReLU_deriv(Z):
    return Z > 0


def relu_grad(z):
    return ReLU_deriv(np.array(z)).astype(float)


def one_hot(Y, num_classes):
    one_hot_Y = np.zeros((Y.size, num_classes))
    one_hot_Y[np.arange(Y.size), Y] = 1
    return one_hot_Y


def softmax_cross_entropy_grad(scores, labels):
    A2 = softmax(scores)
    Y = np.array(labels)
    m = Y.size
    dZ2 = A2 - one_hot(Y, A2.shape[1])
    return dZ2 / m


def dense_backward(inputs, weights, grad_out):
    A_prev = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dW = A_prev.T.dot(dZ)
    db = np.sum(dZ, axis=0)
    dA_prev = dZ.dot(W.T)
    return dA_prev, dW, db


def backward(inputs, weights, biases, labels):
    A = [np.array(inputs, dtype=float)]
    Z = []
    for i in range(len(weights)):
        Z.append(A[-1].dot(weights[i]) + biases[i])
        A.append(ReLU(Z[-1]))
    dZ = softmax_cross_entropy_grad(Z[-1], labels)
    dWs = [None] * len(weights)
    dbs = [None] * len(weights)
    for i in reversed(range(len(weights))):
        dA_prev, dWs[i], dbs[i] = dense_backward(A[i], weights[i], dZ)
        if i != 0:
            dZ = dA_prev * ReLU_deriv(Z[i - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    alpha = learning_rate
    W_new = []
    b_new = []
    for i in range(len(weights)):
        W_new.append(weights[i] - alpha * grad_weights[i])
        b_new.append(biases[i] - alpha * grad_biases[i])
    return W_new, b_new
