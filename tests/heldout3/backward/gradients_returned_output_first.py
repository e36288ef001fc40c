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
    """ReLU's slope: 1 where z > 0, else 0 (also 0 at the corner z == 0)."""
    z = np.asarray(z)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    num_examples = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    return dscores


def dense_backward(inputs, weights, grad_out):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dX = np.dot(dZ, W.T)
    dW = np.dot(X.T, dZ)
    db = np.sum(dZ, axis=0)
    return dX, dW, db


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    cache = []
    for W, b in zip(weights, biases):
        z = a @ W + b
        cache.append((a, z))
        a = np.maximum(0, z)
    grad = softmax_cross_entropy_grad(cache[-1][1], labels)
    grad_weights, grad_biases = [], []
    for i in reversed(range(len(weights))):
        a_prev, _ = cache[i]
        grad_a, dW, db = dense_backward(a_prev, weights[i], grad)
        grad_weights.append(dW)
        grad_biases.append(db)
        if i > 0:
            grad = grad_a * relu_grad(cache[i - 1][1])
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = []
    new_b = []
    for i in range(len(weights)):
        new_w.append(np.asarray(weights[i], dtype=float) - learning_rate * np.asarray(grad_weights[i]))
        new_b.append(np.asarray(biases[i], dtype=float) - learning_rate * np.asarray(grad_biases[i]))
    return new_w, new_b
