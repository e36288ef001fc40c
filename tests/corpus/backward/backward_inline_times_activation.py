"""Backpropagation exercises (inline, dZ times the activation instead of its slope)."""

import numpy as np


def relu_grad(z):
    return (np.asarray(z) > 0).astype(float)


def _softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_cross_entropy_grad(scores, labels):
    # cs231n: dscores = probs; dscores[range(N), y] -= 1; dscores /= N
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels)
    num_examples = scores.shape[0]
    dscores = _softmax(scores)
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    return dscores


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = grad_out @ weights.T
    grad_weights = inputs.T @ grad_out
    grad_biases = grad_out.sum(axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    # deeplearning.ai style, everything inline: caches, dZ, dW, db
    m = len(labels)
    A = [np.asarray(inputs, dtype=float)]
    Z = []
    for W, b in zip(weights, biases):
        Z.append(A[-1] @ W + b)
        A.append(np.maximum(0, Z[-1]))
    probs = _softmax(Z[-1])
    Y = np.zeros_like(probs)
    Y[np.arange(m), labels] = 1
    dZ = (probs - Y) / m
    dWs, dbs = [], []
    for l in reversed(range(len(weights))):
        dWs.insert(0, A[l].T @ dZ)
        dbs.insert(0, dZ.sum(axis=0))
        if l > 0:
            dZ = (dZ @ weights[l].T) * A[l]
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = [w - learning_rate * g for w, g in zip(weights, grad_weights)]
    new_b = [b - learning_rate * g for b, g in zip(biases, grad_biases)]
    return new_w, new_b
