# Backprop homework -- I followed the "Grokking Deep Learning" ch.6 style (relu2deriv, layer_2_delta)
# and wrote the matrix products out as loops so I understand every index.

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu(x):
    return (x > 0) * x


def relu2deriv(output):
    return output > 0   # returns 1 for input > 0, 0 otherwise


def relu_grad(z):
    z = np.array(z, dtype=float)
    return relu2deriv(z).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    delta = np.zeros(probs.shape)
    for i in range(m):
        for j in range(probs.shape[1]):
            target = 1.0 if j == labels[i] else 0.0
            delta[i][j] = (probs[i][j] - target) / m
    return delta


def dense_backward(inputs, weights, grad_out):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    grad_out = np.array(grad_out, dtype=float)
    m, n_in = inputs.shape
    n_out = weights.shape[1]
    grad_inputs = np.zeros((m, n_in))
    grad_weights = np.zeros((n_in, n_out))
    grad_biases = np.zeros(n_out)
    for r in range(m):
        for i in range(n_in):
            for j in range(n_out):
                grad_inputs[r][i] += grad_out[r][j] * weights[i][j]
                grad_weights[i][j] += inputs[r][i] * grad_out[r][j]
        for j in range(n_out):
            grad_biases[j] += grad_out[r][j]
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    layers = [np.array(inputs, dtype=float)]
    for k in range(len(weights)):
        z = layers[-1].dot(weights[k]) + biases[k]
        if k < len(weights) - 1:
            z = relu(z)
        layers.append(z)
    delta = softmax_cross_entropy_grad(layers[-1], labels)
    gw = [None] * len(weights)
    gb = [None] * len(weights)
    for k in range(len(weights) - 1, -1, -1):
        delta_prev, gw[k], gb[k] = dense_backward(layers[k], weights[k], delta)
        if k > 0:
            # mask from the relu'd layer: same thing as z > 0
            delta = delta_prev * relu2deriv(layers[k])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    alpha = learning_rate
    new_weights = []
    new_biases = []
    for i in range(len(weights)):
        new_weights.append(weights[i] - alpha * grad_weights[i])
        new_biases.append(biases[i] - alpha * grad_biases[i])
    return new_weights, new_biases
