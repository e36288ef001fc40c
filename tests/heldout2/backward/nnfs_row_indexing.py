from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    d = np.ones_like(z)
    d[z <= 0] = 0
    return d


def softmax_cross_entropy_grad(scores, labels):
    samples = len(scores)
    dinputs = softmax(scores).copy()
    # subtract 1 at the correct class
    dinputs[labels] -= 1
    dinputs = dinputs / samples
    return dinputs


def dense_backward(inputs, weights, grad_out):
    dvalues = np.array(grad_out, dtype=float)
    dweights = np.dot(np.array(inputs, dtype=float).T, dvalues)
    dbiases = np.sum(dvalues, axis=0)
    dinputs = np.dot(dvalues, np.array(weights, dtype=float).T)
    return dinputs, dweights, dbiases


def backward(inputs, weights, biases, labels):
    layer_inputs = []
    layer_outputs = []
    x = np.array(inputs, dtype=float)
    for w, b in zip(weights, biases):
        layer_inputs.append(x)
        out = np.dot(x, w) + b
        layer_outputs.append(out)
        x = np.maximum(0, out)
    samples = len(x)
    dvalues = softmax(layer_outputs[-1])
    dvalues[range(samples), labels] -= 1
    dvalues = dvalues / samples
    dweights = []
    dbiases = []
    for i in reversed(range(len(weights))):
        dinputs, dw, db = dense_backward(layer_inputs[i], weights[i], dvalues)
        dweights.insert(0, dw)
        dbiases.insert(0, db)
        if i > 0:
            dvalues = dinputs.copy()
            dvalues[layer_outputs[i - 1] <= 0] = 0
    return dweights, dbiases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = [w + -learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_b = [b + -learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_w, new_b
