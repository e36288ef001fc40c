from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


class Activation_ReLU:
    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.maximum(0, inputs)

    def backward(self, dvalues):
        self.dinputs = dvalues.copy()
        self.dinputs[self.inputs <= 0] = 0


def relu_grad(z):
    relu = Activation_ReLU()
    relu.forward(np.array(z, dtype=float))
    relu.backward(np.ones_like(relu.inputs))
    return relu.dinputs


def softmax_cross_entropy_grad(scores, labels):
    dvalues = softmax(scores)
    samples = len(dvalues)
    dinputs = dvalues.copy()
    dinputs[range(samples), labels] -= 1
    return dinputs / samples


def dense_backward(inputs, weights, grad_out):
    dvalues = np.array(grad_out, dtype=float)
    dweights = np.dot(np.array(inputs, dtype=float).T, dvalues)
    dbiases = np.sum(dvalues, axis=0)
    dinputs = np.dot(dvalues, np.array(weights, dtype=float).T)
    return dinputs, dweights, dbiases


def backward(inputs, weights, biases, labels):
    layer_inputs, layer_outputs = [], []
    x = np.array(inputs, dtype=float)
    for w, b in zip(weights, biases):
        layer_inputs.append(x)
        layer_outputs.append(np.dot(x, w) + b)
        x = np.maximum(0, layer_outputs[-1])
    dvalues = softmax_cross_entropy_grad(layer_outputs[-1], labels)
    dweights, dbiases = [None] * len(weights), [None] * len(weights)
    for i in reversed(range(len(weights))):
        dinputs, dweights[i], dbiases[i] = dense_backward(layer_inputs[i], weights[i], dvalues)
        if i > 0:
            dvalues = dinputs * relu_grad(layer_outputs[i - 1])
    return dweights, dbiases


class Optimizer_SGD:
    # Initialize optimizer - set settings, learning rate of 1. is default for this optimizer
    def __init__(self, learning_rate=1.0):
        self.learning_rate = learning_rate

    def update_params(self, weights, biases, dweights, dbiases):
        weights += -self.learning_rate * dweights
        biases += -self.learning_rate * dbiases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    optimizer = Optimizer_SGD(learning_rate)
    for w, b, dw, db in zip(weights, biases, grad_weights, grad_biases):
        optimizer.update_params(w, b, dw, db)
    return list(weights), list(biases)
