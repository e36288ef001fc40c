from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def relu_grad(z):
    """Derivative of the activation function (sigmoid_prime in network.py)."""
    z = np.array(z, dtype=float)
    return sigmoid(z) * (1 - sigmoid(z))


def softmax_cross_entropy_grad(scores, labels):
    """Nielsen's cost_derivative for softmax + log-likelihood: a - y (averaged)."""
    a = softmax(scores)
    y = np.zeros(a.shape)
    for i, j in enumerate(labels):
        y[i, j] = 1.0
    return (a - y) / len(a)


def dense_backward(inputs, weights, grad_out):
    delta = np.asarray(grad_out, dtype=float)
    activation = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    nabla_w = np.dot(activation.transpose(), delta)
    nabla_b = np.sum(delta, axis=0)
    return np.dot(delta, w.transpose()), nabla_w, nabla_b


def backward(inputs, weights, biases, labels):
    activation = np.asarray(inputs, dtype=float)
    activations = [activation]
    zs = []
    for b, w in zip(biases, weights):
        z = np.dot(activation, w) + b
        zs.append(z)
        activation = np.maximum(z, 0)
        activations.append(activation)
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(weights)
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    nabla_b[-1] = delta.sum(axis=0)
    nabla_w[-1] = np.dot(activations[-2].transpose(), delta)
    for l in range(2, len(weights) + 1):
        delta = np.dot(delta, weights[-l + 1].transpose()) * (zs[-l] > 0)
        nabla_b[-l] = delta.sum(axis=0)
        nabla_w[-l] = np.dot(activations[-l - 1].transpose(), delta)
    return nabla_w, nabla_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    # from update_mini_batch: w - (eta/len(mini_batch))*nw
    eta = learning_rate
    n = len(grad_weights)
    new_weights = [w - (eta / n) * nw for w, nw in zip(weights, grad_weights)]
    new_biases = [b - (eta / n) * nb for b, nb in zip(biases, grad_biases)]
    return new_weights, new_biases
