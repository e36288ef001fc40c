from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    out = np.zeros_like(z)
    out[z > 0] = 1.0
    return out


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = len(labels)
    for i in range(m):
        probs[i, labels[i]] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    A = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dA = np.dot(dZ, W.T)
    dW = np.dot(A.T, dZ)
    db = np.sum(dZ, axis=0)
    return dA, dW, db


def backward(inputs, weights, biases, labels):
    activations = [np.asarray(inputs, dtype=float)]
    zs = []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(np.maximum(0, zs[-1]))

    grad_weights, grad_biases = [], []
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    for layer in reversed(range(len(weights))):
        d_in, dW, db = dense_backward(activations[layer], weights[layer], delta)
        grad_weights.append(dW)
        grad_biases.append(db)
        if layer > 0:
            delta = d_in * relu_grad(zs[layer - 1])
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [W - learning_rate * dW for W, dW in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_weights)]
    return new_weights, new_biases
