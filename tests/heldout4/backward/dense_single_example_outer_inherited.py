"""Backpropagation exercises: fill in the five functions below.

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
    """Return ReLU's derivative at z: 1.0 where z > 0, else 0.0, with z's shape."""
    return np.array(np.asarray(z) > 0, dtype=float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros(probs.shape)
    onehot[np.arange(m), labels] = 1.0
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    # one training example x, delta (Nielsen's backprop for a single x, y)
    x = np.asarray(inputs, dtype=float)
    delta = np.asarray(grad_out, dtype=float)
    w = np.asarray(weights, dtype=float)
    nabla_w = np.outer(x[0], delta[0])
    nabla_b = delta[0]
    grad_in = delta @ w.T
    return grad_in, nabla_w, nabla_b


def backward(inputs, weights, biases, labels):
    activation = np.asarray(inputs, dtype=float)
    activations = [activation]
    zs = []
    for w, b in zip(weights, biases):
        z = activation @ w + b
        zs.append(z)
        activation = np.maximum(z, 0)
        activations.append(activation)
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(biases)
    for l in range(1, len(weights) + 1):
        grad_in, nabla_w[-l], nabla_b[-l] = dense_backward(activations[-l - 1], weights[-l], delta)
        if l < len(weights):
            delta = grad_in * relu_grad(zs[-l - 1])
    return nabla_w, nabla_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    weights = [np.asarray(w, dtype=float) - learning_rate * np.asarray(nw) for w, nw in zip(weights, grad_weights)]
    biases = [np.asarray(b, dtype=float) - learning_rate * np.asarray(nb) for b, nb in zip(biases, grad_biases)]
    return weights, biases
