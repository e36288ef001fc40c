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


# --- layer objects, the way the NNFS book builds them -----------------------

class Layer_Dense:
    def __init__(self, weights, biases):
        self.weights = np.array(weights, dtype=float)
        self.biases = np.array(biases, dtype=float)

    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.dot(inputs, self.weights) + self.biases

    def backward(self, dvalues):
        # Gradients on parameters
        self.dweights = np.dot(self.inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        # Gradient on values
        self.dinputs = np.dot(dvalues, self.weights.T)


class Activation_ReLU:
    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.maximum(0, inputs)

    def backward(self, dvalues):
        # copy first, we modify it below
        self.dinputs = dvalues.copy()
        self.dinputs[self.inputs <= 0] = 0


class Activation_Softmax_Loss_CategoricalCrossentropy:
    def backward(self, dvalues, y_true):
        samples = len(dvalues)
        self.dinputs = softmax(dvalues)
        self.dinputs[range(samples), y_true] -= 1
        self.dinputs = self.dinputs / samples


def relu_grad(z):
    z = np.array(z, dtype=float)
    act = Activation_ReLU()
    act.forward(z)
    act.backward(np.ones_like(z))
    return act.dinputs


def softmax_cross_entropy_grad(scores, labels):
    scores = np.array(scores, dtype=float)
    loss_activation = Activation_Softmax_Loss_CategoricalCrossentropy()
    loss_activation.backward(scores, np.array(labels, dtype=int))
    return loss_activation.dinputs


def dense_backward(inputs, weights, grad_out):
    layer = Layer_Dense(weights, np.zeros(np.shape(weights)[1]))
    layer.forward(np.array(inputs, dtype=float))
    layer.backward(np.array(grad_out, dtype=float))
    return layer.dinputs, layer.dweights, layer.dbiases[0]


def backward(inputs, weights, biases, labels):
    layers = [Layer_Dense(w, b) for w, b in zip(weights, biases)]
    activations = [Activation_ReLU() for _ in layers[:-1]]
    x = np.array(inputs, dtype=float)
    for i, layer in enumerate(layers):
        layer.forward(x)
        x = layer.output
        if i < len(activations):
            activations[i].forward(x)
            x = activations[i].output
    loss_activation = Activation_Softmax_Loss_CategoricalCrossentropy()
    loss_activation.backward(x, np.array(labels, dtype=int))
    d = loss_activation.dinputs
    for i in reversed(range(len(layers))):
        layers[i].backward(d)
        d = layers[i].dinputs
        if i > 0:
            activations[i - 1].backward(d)
            d = activations[i - 1].dinputs
    return [l.dweights for l in layers], [l.dbiases[0] for l in layers]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = [w + -learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_b = [b + -learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_w, new_b
