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
    z = np.asarray(z, dtype=float)
    return 1.0 * (z > 0)


def softmax_cross_entropy_grad(scores, labels):
    scores = np.asarray(scores, dtype=float)
    m = scores.shape[0]
    probs = softmax(scores)
    probs[np.arange(m), np.asarray(labels)] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return g @ w.T, x.T @ g, np.sum(g, axis=0)


def backward(inputs, weights, biases, labels):
    activation = np.asarray(inputs, dtype=float)
    activations = [activation]
    zs = []
    for b, w in zip(biases, weights):
        z = activation @ w + b
        zs.append(z)
        activation = np.maximum(0, z)
        activations.append(activation)
    nabla_w = [np.zeros(w.shape) for w in weights]
    nabla_b = [np.zeros(b.shape) for b in biases]
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    nabla_b[-1] = delta.sum(axis=0)
    nabla_w[-1] = activations[-2].T @ delta
    for l in range(2, len(weights) + 1):
        delta = (delta @ weights[-l + 1].T) * relu_grad(zs[-l])
        nabla_b[-l] = delta.sum(axis=0)
        nabla_w[-l] = activations[-l].T @ delta
    return nabla_w, nabla_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = list(map(lambda p: p[0] - learning_rate * p[1], zip(weights, grad_weights)))
    new_biases = list(map(lambda p: p[0] - learning_rate * p[1], zip(biases, grad_biases)))
    return new_weights, new_biases
