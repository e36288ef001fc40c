from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(Z):
    Z = np.array(Z, dtype=float)
    return (Z > 0) * 1.0


def softmax_cross_entropy_grad(scores, labels):
    AL = softmax(scores)
    m = AL.shape[0]
    Y = np.zeros(AL.shape)
    Y[np.arange(m), labels] = 1
    return (1.0 / m) * (AL - Y)


def dense_backward(inputs, weights, grad_out):
    A_prev = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dW = np.dot(A_prev.T, dZ)
    db = np.sum(dZ, axis=0)
    dA_prev = np.dot(dZ, W.T)
    return dA_prev, dW, db


def backward(inputs, weights, biases, labels):
    L = len(weights)
    A = [np.asarray(inputs, dtype=float)]  # A[0] = X
    Z = [None]  # Z[l] belongs to layer l, layers numbered 1..L
    for l in range(1, L + 1):
        Z.append(A[l - 1] @ weights[l - 1] + biases[l - 1])
        A.append(np.maximum(0, Z[l]))

    dW = [None] * L
    db = [None] * L
    dZ = softmax_cross_entropy_grad(Z[L], labels)
    for l in range(L, 0, -1):
        dA_prev, dW[l - 1], db[l - 1] = dense_backward(A[l - 1], weights[l - 1], dZ)
        if l > 1:
            dZ = dA_prev * relu_grad(Z[l])
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    # gradient descent: step against the gradient
    updated_weights = []
    updated_biases = []
    for layer in range(len(weights)):
        updated_weights.append(weights[layer] - learning_rate * grad_weights[layer])
        updated_biases.append(biases[layer] - learning_rate * grad_biases[layer])
    return updated_weights, updated_biases
