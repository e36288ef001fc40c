from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z, dtype=float) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), np.asarray(labels)] = 1.0
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


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
    return ([W - learning_rate * g for W, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
