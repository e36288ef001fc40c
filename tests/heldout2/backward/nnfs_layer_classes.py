# Backprop assignment -- I reused my classes from the NNFS book (ch. 9-10)
# and wrapped them in the functions the grader wants.
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


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
        self.dbiases = np.sum(dvalues, axis=0)
        # Gradient on values
        self.dinputs = np.dot(dvalues, self.weights.T)


class Activation_ReLU:
    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.maximum(0, inputs)

    def backward(self, dvalues):
        # Since we need to modify the original variable,
        # let's make a copy of the values first
        self.dinputs = dvalues.copy()
        # Zero gradient where input values were negative
        self.dinputs[self.inputs <= 0] = 0


class Activation_Softmax_Loss_CategoricalCrossentropy:
    def backward(self, dvalues, y_true):
        samples = len(dvalues)
        # If labels are one-hot encoded, turn them into discrete values
        if len(y_true.shape) == 2:
            y_true = np.argmax(y_true, axis=1)
        self.dinputs = softmax(dvalues)
        self.dinputs[range(samples), y_true] -= 1
        self.dinputs = self.dinputs / samples


def relu_grad(z):
    z = np.array(z, dtype=float)
    out = np.ones_like(z)
    out[z <= 0] = 0
    return out


def softmax_cross_entropy_grad(scores, labels):
    loss_activation = Activation_Softmax_Loss_CategoricalCrossentropy()
    loss_activation.backward(np.array(scores, dtype=float), np.array(labels))
    return loss_activation.dinputs


def dense_backward(inputs, weights, grad_out):
    layer = Layer_Dense(weights, np.zeros(np.shape(weights)[1]))
    layer.inputs = np.array(inputs, dtype=float)
    layer.backward(np.array(grad_out, dtype=float))
    return layer.dinputs, layer.dweights, layer.dbiases


def backward(inputs, weights, biases, labels):
    layers = [Layer_Dense(w, b) for w, b in zip(weights, biases)]
    activations = [Activation_ReLU() for _ in layers[:-1]]

    # forward
    x = np.array(inputs, dtype=float)
    for i, layer in enumerate(layers):
        layer.forward(x)
        x = layer.output
        if i < len(activations):
            activations[i].forward(x)
            x = activations[i].output

    # backward
    loss_activation = Activation_Softmax_Loss_CategoricalCrossentropy()
    loss_activation.backward(layers[-1].output, np.array(labels))
    dvalues = loss_activation.dinputs
    for i in reversed(range(len(layers))):
        layers[i].backward(dvalues)
        dvalues = layers[i].dinputs
        if i > 0:
            activations[i - 1].backward(dvalues)
            dvalues = activations[i - 1].dinputs

    return [l.dweights for l in layers], [l.dbiases for l in layers]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    # NOT layer.weights += -lr * dweights like the book: the grader says don't modify the arguments
    new_weights = []
    new_biases = []
    for w, dw in zip(weights, grad_weights):
        new_weights.append(w + -learning_rate * dw)
    for b, db in zip(biases, grad_biases):
        new_biases.append(b + -learning_rate * db)
    return new_weights, new_biases
