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
        self.inputs = np.array(inputs, dtype=float)
        self.output = np.dot(self.inputs, self.weights) + self.biases
        return self.output

    def backward(self, dvalues):
        # Gradients on parameters
        self.dweights = np.dot(self.inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        # Gradient on values
        self.dinputs = np.dot(dvalues, self.weights.T)


def relu_grad(z):
    z = np.array(z, dtype=float)
    return (z > 0) * np.ones_like(z)


def softmax_cross_entropy_grad(scores, labels):
    dvalues = softmax(scores)
    samples = len(dvalues)
    y_true = np.array(labels)
    dinputs = dvalues.copy()
    dinputs[range(samples), y_true] -= 1
    return dinputs / samples


def dense_backward(inputs, weights, grad_out):
    n_out = np.shape(weights)[1]
    layer = Layer_Dense(weights, np.zeros((1, n_out)))
    layer.forward(inputs)
    layer.backward(np.array(grad_out, dtype=float))
    return layer.dinputs, layer.dweights, layer.dbiases


def backward(inputs, weights, biases, labels):
    x = np.array(inputs, dtype=float)
    ins, zs = [], []
    for w, b in zip(weights, biases):
        ins.append(x)
        zs.append(np.dot(x, w) + b)
        x = np.maximum(0, zs[-1])
    dvalues = softmax_cross_entropy_grad(zs[-1], labels)
    dws, dbs = [None] * len(weights), [None] * len(weights)
    for i in reversed(range(len(weights))):
        dinputs, dws[i], dbs[i] = dense_backward(ins[i], weights[i], dvalues)
        if i > 0:
            dvalues = dinputs * relu_grad(zs[i - 1])
    return dws, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * dw for w, dw in zip(weights, grad_weights)],
            [b - learning_rate * db for b, db in zip(biases, grad_biases)])
