"""Backpropagation exercises."""

import numpy as np


def relu_grad(z):
    return np.where(np.asarray(z) > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels)
    m, n = np.shape(scores)
    grad = np.zeros((m, n))
    for i in range(m):
        row = scores[i] - max(scores[i])
        exps = np.exp(row)
        probs = exps / exps.sum()
        for j in range(n):
            grad[i, j] = (probs[j] - (1.0 if j == labels[i] else 0.0)) / m
    return grad


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    m = inputs.shape[0]
    grad_weights = np.zeros(weights.shape)
    grad_biases = np.zeros(weights.shape[1])
    for i in range(m):
        grad_weights += np.outer(inputs[i], grad_out[i])
        grad_biases += grad_out[i]
    return grad_out.dot(weights.T), grad_weights, grad_biases


def backward(inputs, weights, biases, labels):

    activations = [np.asarray(inputs, dtype=float)]
    zs = []
    for W, b in zip(weights, biases):
        z = activations[-1] @ W + b
        zs.append(z)
        activations.append(np.maximum(0, z))
    grad = softmax_cross_entropy_grad(zs[-1], labels)
    grad_weights = [None] * len(weights)
    grad_biases = [None] * len(weights)
    for layer in range(len(weights) - 1, -1, -1):
        grad_in, grad_weights[layer], grad_biases[layer] = dense_backward(activations[layer], weights[layer], grad)
        if layer > 0:
            grad = grad_in * relu_grad(zs[layer - 1])
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = []
    new_biases = []
    for i in range(len(weights)):
        new_weights.append(np.subtract(weights[i], learning_rate * grad_weights[i]))
        new_biases.append(np.subtract(biases[i], learning_rate * grad_biases[i]))
    return new_weights, new_biases
