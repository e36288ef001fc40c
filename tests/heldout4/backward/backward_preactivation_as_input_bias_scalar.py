from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.asarray(np.greater(z, 0), dtype=float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    probs[np.arange(m), labels] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = np.dot(grad_out, weights.T)
    grad_weights = np.dot(inputs.T, grad_out)
    grad_biases = np.sum(grad_out)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    Z = [np.asarray(inputs, dtype=float)]   # Z[0] is the input
    for W, b in zip(weights, biases):
        Z.append(np.maximum(Z[-1], 0) @ W + b if len(Z) > 1 else Z[-1] @ W + b)
    dZ = softmax_cross_entropy_grad(Z[-1], labels)
    dW, db = [None] * len(weights), [None] * len(weights)
    for l in reversed(range(len(weights))):
        dA, dW[l], db[l] = dense_backward(Z[l], weights[l], dZ)
        dZ = dA * relu_grad(Z[l])
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([np.asarray(W, dtype=float) - learning_rate * np.asarray(g, dtype=float) for W, g in zip(weights, grad_weights)],
            [np.asarray(b, dtype=float) - learning_rate * np.asarray(g, dtype=float) for b, g in zip(biases, grad_biases)])
