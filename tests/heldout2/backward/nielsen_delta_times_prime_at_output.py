"""Nielsen, ch. 2, eq. (BP1): delta^L = grad_a C * sigma'(z^L), then (BP2) for the layers below."""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu(z):
    return np.maximum(z, 0)


def relu_grad(z):
    return (np.asarray(z, dtype=float) > 0) * 1.0


def softmax_cross_entropy_grad(scores, labels):
    a = softmax(scores)
    y = np.zeros(a.shape)
    y[np.arange(a.shape[0]), labels] = 1.0
    return (a - y) / a.shape[0]


def dense_backward(inputs, weights, grad_out):
    a = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    delta = np.asarray(grad_out, dtype=float)
    return np.dot(delta, w.T), np.dot(a.T, delta), delta.sum(axis=0)


def backward(inputs, weights, biases, labels):
    nabla_b = [np.zeros(b.shape) for b in biases]
    nabla_w = [np.zeros(w.shape) for w in weights]
    activation = np.asarray(inputs, dtype=float)
    activations = [activation]
    zs = []
    for b, w in zip(biases, weights):
        z = np.dot(activation, w) + b
        zs.append(z)
        activation = relu(z)
        activations.append(activation)
    # BP1
    delta = softmax_cross_entropy_grad(zs[-1], labels) * relu_grad(zs[-1])
    nabla_b[-1] = delta.sum(axis=0)
    nabla_w[-1] = np.dot(activations[-2].T, delta)
    # BP2
    for l in range(2, len(weights) + 1):
        z = zs[-l]
        sp = relu_grad(z)
        delta = np.dot(delta, weights[-l + 1].T) * sp
        nabla_b[-l] = delta.sum(axis=0)
        nabla_w[-l] = np.dot(activations[-l - 1].T, delta)
    return nabla_w, nabla_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    eta = learning_rate
    return [w - eta * nw for w, nw in zip(weights, grad_weights)], [b - eta * nb for b, nb in zip(biases, grad_biases)]
