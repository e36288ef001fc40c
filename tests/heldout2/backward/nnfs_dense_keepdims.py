from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


class Layer_Dense:
    def __init__(self, weights):
        self.weights = np.array(weights, dtype=float)

    def backward(self, inputs, dvalues):
        # Gradients on parameters
        self.dweights = np.dot(inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        # Gradient on values
        self.dinputs = np.dot(dvalues, self.weights.T)


def relu_grad(z):
    z = np.array(z, dtype=float)
    return (z > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    samples = len(scores)
    dinputs = softmax(scores)
    dinputs[range(samples), labels] -= 1
    return dinputs / samples


def dense_backward(inputs, weights, grad_out):
    layer = Layer_Dense(weights)
    layer.backward(np.array(inputs, dtype=float), np.array(grad_out, dtype=float))
    return layer.dinputs, layer.dweights, layer.dbiases


def backward(inputs, weights, biases, labels):
    x = np.array(inputs, dtype=float)
    ins, zs = [], []
    for w, b in zip(weights, biases):
        ins.append(x)
        zs.append(x @ w + b)
        x = np.maximum(0, zs[-1])
    d = softmax_cross_entropy_grad(zs[-1], labels)
    dws, dbs = [None] * len(weights), [None] * len(weights)
    for i in reversed(range(len(weights))):
        dws[i] = ins[i].T @ d
        dbs[i] = d.sum(axis=0)
        if i:
            d = (d @ weights[i].T) * relu_grad(zs[i - 1])
    return dws, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * dw for w, dw in zip(weights, grad_weights)],
            [b - learning_rate * db for b, db in zip(biases, grad_biases)])
