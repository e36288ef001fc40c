from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    result = np.zeros(z.shape)
    for idx in np.ndindex(z.shape):
        if z[idx] > 0:
            result[idx] = 1.0
        else:
            result[idx] = 0.0
    return result


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = len(probs)
    grad = np.zeros(probs.shape)
    for i in range(m):
        for j in range(len(probs[i])):
            if j == labels[i]:
                grad[i][j] = (probs[i][j] - 1) / m
            else:
                grad[i][j] = probs[i][j] / m
    return grad


def dense_backward(inputs, weights, grad_out):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    grad_out = np.array(grad_out, dtype=float)
    m, n_in = inputs.shape
    n_out = weights.shape[1]

    grad_inputs = np.zeros((m, n_in))
    grad_weights = np.zeros((n_in, n_out))
    grad_biases = np.zeros(n_out)
    for i in range(m):
        for j in range(n_out):
            grad_biases[j] += grad_out[i][j]
            for k in range(n_in):
                grad_inputs[i][k] += grad_out[i][j] * weights[k][j]
                grad_weights[k][j] += inputs[i][k] * grad_out[i][j]
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    # forward
    a = np.array(inputs, dtype=float)
    saved_inputs = []
    saved_z = []
    for l in range(len(weights)):
        saved_inputs.append(a)
        z = a @ weights[l] + biases[l]
        saved_z.append(z)
        a = np.maximum(z, 0)

    # backward
    grad_w = []
    grad_b = []
    for l in range(len(weights)):
        grad_w.append(None)
        grad_b.append(None)

    g = softmax_cross_entropy_grad(saved_z[-1], labels)
    l = len(weights) - 1
    while l >= 0:
        g_in, grad_w[l], grad_b[l] = dense_backward(saved_inputs[l], weights[l], g)
        if l != 0:
            g = g_in * relu_grad(saved_z[l - 1])
        l = l - 1
    return grad_w, grad_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = []
    for i in range(len(weights)):
        new_weights.append(weights[i] - learning_rate * grad_weights[i])
    new_biases = []
    for i in range(len(biases)):
        new_biases.append(biases[i] - learning_rate * grad_biases[i])
    return new_weights, new_biases
