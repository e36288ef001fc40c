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

DTYPE = np.float_  # used to be np.float in the old notes




def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z, dtype=float) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    num_examples = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    return dscores


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    # forward pass, remember every layer's input and pre-activation
    layer_inputs, zs = [], []
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights, biases):
        layer_inputs.append(a)
        z = a @ W + b
        zs.append(z)
        a = np.maximum(0, z)
    dz = softmax_cross_entropy_grad(zs[-1], labels)
    dWs, dbs = [], []
    for l in range(len(weights) - 1, -1, -1):
        da, dW, db = dense_backward(layer_inputs[l], weights[l], dz)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if l > 0:
            dz = da * relu_grad(zs[l - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
