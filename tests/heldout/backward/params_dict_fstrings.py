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

def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return (np.sign(z) + 1) // 2 * (z != 0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    N, C = probs.shape
    return (probs - np.eye(C)[np.asarray(labels)]) / N


def dense_backward(inputs, weights, grad_out):
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dout = np.asarray(grad_out, dtype=float)
    return dout.dot(W.T), X.T.dot(dout), dout.sum(axis=0)


def backward(inputs, weights, biases, labels):
    L = len(weights)
    params = {}
    for l in range(1, L + 1):
        params[f"W{l}"] = np.asarray(weights[l - 1], dtype=float)
        params[f"b{l}"] = np.asarray(biases[l - 1], dtype=float)
    cache = {"A0": np.asarray(inputs, dtype=float)}
    for l in range(1, L + 1):
        cache[f"Z{l}"] = cache[f"A{l - 1}"].dot(params[f"W{l}"]) + params[f"b{l}"]
        cache[f"A{l}"] = np.maximum(0, cache[f"Z{l}"])
    grads = {}
    dZ = softmax_cross_entropy_grad(cache[f"Z{L}"], labels)
    for l in range(L, 0, -1):
        dA_prev, grads[f"W{l}"], grads[f"b{l}"] = dense_backward(cache[f"A{l - 1}"], params[f"W{l}"], dZ)
        if l > 1:
            dZ = dA_prev * relu_grad(cache[f"Z{l - 1}"])
    return [grads[f"W{l}"] for l in range(1, L + 1)], [grads[f"b{l}"] for l in range(1, L + 1)]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * dw for w, dw in zip(weights, grad_weights)],
            [b - learning_rate * db for b, db in zip(biases, grad_biases)])
