from __future__ import annotations

import numpy as np

NUM_CLASSES = 10  # digits 0-9


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.where(np.array(z) > 0, 1.0, 0.0)


def one_hot(Y):
    one_hot_Y = np.zeros((Y.size, NUM_CLASSES))
    one_hot_Y[np.arange(Y.size), Y] = 1
    return one_hot_Y


def softmax_cross_entropy_grad(scores, labels):
    A = softmax(scores)
    m = A.shape[0]
    return (A - one_hot(np.array(labels))) / m


def dense_backward(inputs, weights, grad_out):
    A_prev = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dW = A_prev.T.dot(dZ)
    db = np.sum(dZ)
    return dZ.dot(W.T), dW, db


def backward(inputs, weights, biases, labels):
    A = [np.array(inputs, dtype=float)]
    Z = []
    for W, b in zip(weights, biases):
        Z.append(A[-1].dot(W) + b)
        A.append(np.maximum(Z[-1], 0))
    probs = softmax(Z[-1])
    m = probs.shape[0]
    probs[np.arange(m), labels] -= 1
    dZ = probs / m
    grads_w, grads_b = [], []
    for l in range(len(weights) - 1, -1, -1):
        dA, dW, db = dense_backward(A[l], weights[l], dZ)
        grads_w = [dW] + grads_w
        grads_b = [db] + grads_b
        if l > 0:
            dZ = dA * relu_grad(Z[l - 1])
    return grads_w, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    W = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    B = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return W, B
