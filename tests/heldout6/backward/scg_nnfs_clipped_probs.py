"""Backpropagation exercises: fill in the five functions below.

Conventions (the same as forward propagation's): examples are rows, inputs have
shape (m, n_in); a layer's weights have shape (n_in, n_out) and its biases (n_out,);
hidden layers apply ReLU, the output layer is linear, softmax turns its scores into
probabilities and the loss is the MEAN cross-entropy over the m rows; labels are
class indices, shape (m,). No function may modify its arguments.

Check your work with:  grade backward.py
"""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


# NNFS chapter 5/9: clip the predictions so log never sees 0 -> did the same here


def relu_grad(z):
    z = np.array(z, dtype=float)
    dinputs = np.ones_like(z)
    dinputs[z <= 0] = 0
    return dinputs


def softmax_cross_entropy_grad(scores, labels):
    samples = len(scores)
    y_pred = softmax(scores)
    y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
    dinputs = y_pred_clipped.copy()
    dinputs[range(samples), labels] -= 1
    dinputs = dinputs / samples
    return dinputs


def dense_backward(inputs, weights, grad_out):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    dvalues = np.array(grad_out, dtype=float)
    dweights = np.dot(inputs.T, dvalues)
    dbiases = np.sum(dvalues, axis=0)
    dinputs = np.dot(dvalues, weights.T)
    return dinputs, dweights, dbiases


def backward(inputs, weights, biases, labels):
    outputs = [np.array(inputs, dtype=float)]
    pre = []
    for i, (w, b) in enumerate(zip(weights, biases)):
        pre.append(np.dot(outputs[-1], w) + b)
        outputs.append(np.maximum(0, pre[-1]))
    dvalues = softmax_cross_entropy_grad(pre[-1], labels)
    dweights, dbiases = [], []
    for i in reversed(range(len(weights))):
        dinputs, dw, db = dense_backward(outputs[i], weights[i], dvalues)
        dweights.insert(0, dw)
        dbiases.insert(0, db)
        if i > 0:
            dvalues = dinputs * relu_grad(pre[i - 1])
    return dweights, dbiases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    current_learning_rate = learning_rate
    new_weights = [w + -current_learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b + -current_learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
