"""Backprop with an NNFS-style Layer_Dense class."""

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
    dvalues = softmax(scores)
    y_true = np.array(labels)
    samples = len(dvalues)
    # If labels are one-hot encoded, turn them into discrete values
    if len(y_true.shape) == 2:
        y_true = np.argmax(y_true, axis=1)
    dinputs = dvalues.copy()
    dinputs[range(samples), y_true] -= 1
    dinputs = dinputs / samples
    return dinputs


class Layer_Dense:
    def __init__(self, weights, biases):
        self.weights = np.asarray(weights, dtype=float)
        self.biases = np.asarray(biases, dtype=float)

    def forward(self, inputs):
        self.inputs = np.asarray(inputs, dtype=float)
        self.output = np.dot(self.inputs, self.weights) + self.biases

    def backward(self, dvalues):
        # Gradients on parameters
        self.dweights = np.dot(self.inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        # Gradient on values
        self.dinputs = np.dot(dvalues, self.weights.T)


def dense_backward(inputs, weights, grad_out):
    layer = Layer_Dense(weights, np.zeros(np.shape(weights)[1]))
    layer.forward(inputs)
    layer.backward(np.asarray(grad_out, dtype=float))
    return layer.dinputs, layer.dweights, layer.dbiases


def backward(inputs, weights, biases, labels):
    layers = [Layer_Dense(w, b) for w, b in zip(weights, biases)]
    x = np.asarray(inputs, dtype=float)
    zs = []
    for i, layer in enumerate(layers):
        layer.forward(x)
        zs.append(layer.output)
        x = np.maximum(0, layer.output) if i < len(layers) - 1 else layer.output
    dvalues = softmax_cross_entropy_grad(x, labels)
    for i in reversed(range(len(layers))):
        layers[i].backward(dvalues)
        if i > 0:
            dvalues = layers[i].dinputs * relu_grad(zs[i - 1])
    return [l.dweights for l in layers], [l.dbiases for l in layers]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = [w.copy() for w in weights]
    new_b = [b.copy() for b in biases]
    for w, dw in zip(new_w, grad_weights):
        w -= learning_rate * dw
    for b, db in zip(new_b, grad_biases):
        b -= learning_rate * db
    return new_w, new_b
