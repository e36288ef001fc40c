"""Backpropagation exercises: fill in the five functions below.

Conventions (the same as forward propagation's): examples are rows, inputs have
shape (m, n_in); a layer's weights have shape (n_in, n_out) and its biases (n_out,);
hidden layers apply ReLU, the output layer is linear, softmax turns its scores into
probabilities and the loss is the MEAN cross-entropy over the m rows; labels are
class indices, shape (m,). No function may modify its arguments.

Check your work with:  grade backward.py
"""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    out = np.zeros(z.shape)
    out[z > 0] = 1
    return out


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    num_train = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_train), labels] -= 1
    dscores /= num_train
    return dscores


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    m, n_in = inputs.shape
    n_out = weights.shape[1]
    grad_inputs = np.zeros((m, n_in))
    grad_weights = np.zeros((n_in, n_out))
    grad_biases = np.zeros(n_out)
    for r in range(m):
        for j in range(n_out):
            grad_biases[j] += grad_out[r, j]
            for i in range(n_in):
                grad_inputs[r, i] += grad_out[r, j] * weights[i, j]
                grad_weights[i, j] += inputs[r, i] * grad_out[r, j]
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    activations = [np.asarray(inputs, dtype=float)]
    zs = []
    for W in weights:
        z = activations[-1] @ W
        zs.append(z)
        activations.append(np.maximum(0, z))
    grad = softmax_cross_entropy_grad(zs[-1], labels)
    dW, db = [None] * len(weights), [None] * len(weights)
    for l in reversed(range(len(weights))):
        dA, dW[l], db[l] = dense_backward(activations[l], weights[l], grad)
        if l > 0:
            grad = dA * relu_grad(zs[l - 1])
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    update = lambda p, g: p - learning_rate * g
    return list(map(update, weights, grad_weights)), list(map(update, biases, grad_biases))
