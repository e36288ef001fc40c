from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    arr = np.array(z, dtype=float)
    return np.vectorize(lambda v: 1.0 if v > 0 else 0.0, otypes=[float])(arr)


def softmax_cross_entropy_grad(scores, labels):
    probabilities = softmax(scores)
    n_examples = probabilities.shape[0]
    indicator = np.zeros(probabilities.shape)
    for row, label in enumerate(labels):
        indicator[row][label] = 1.0
    return (probabilities - indicator) / n_examples


def dense_backward(inputs, weights, grad_out):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    grad_out = np.array(grad_out, dtype=float)
    grad_inputs = grad_out.dot(weights.transpose())
    grad_weights = inputs.transpose().dot(grad_out)
    grad_biases = grad_out.sum(axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    inputs_per_layer = []
    z_per_layer = []
    for W, b in zip(weights, biases):
        inputs_per_layer.append(a)
        z = a @ W + b
        z_per_layer.append(z)
        a = np.maximum(z, 0)

    # walk the layers from the output back to the input
    weights.reverse()
    inputs_per_layer.reverse()
    z_per_layer.reverse()
    grad = softmax_cross_entropy_grad(z_per_layer[0], labels)
    gw, gb = [], []
    for i, W in enumerate(weights):
        g_in, dW, db = dense_backward(inputs_per_layer[i], W, grad)
        gw.insert(0, dW)
        gb.insert(0, db)
        if i + 1 < len(weights):
            grad = g_in * relu_grad(z_per_layer[i + 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return (
        list(map(lambda pair: pair[0] - learning_rate * pair[1], zip(weights, grad_weights))),
        list(map(lambda pair: pair[0] - learning_rate * pair[1], zip(biases, grad_biases))),
    )
