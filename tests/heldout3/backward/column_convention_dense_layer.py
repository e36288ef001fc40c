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
    return (np.asarray(z, dtype=float) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    A_prev = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    dW = np.dot(dZ.T, A_prev)
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(dZ, W.T)
    return dA_prev, dW, db


def backward(inputs, weights, biases, labels):
    L = len(weights)
    cache = {"A0": np.asarray(inputs, dtype=float)}
    for l in range(1, L + 1):
        cache["Z" + str(l)] = cache["A" + str(l - 1)] @ weights[l - 1] + biases[l - 1]
        cache["A" + str(l)] = np.maximum(0, cache["Z" + str(l)])
    grads = {}
    dZ = softmax_cross_entropy_grad(cache["Z" + str(L)], labels)
    for l in reversed(range(1, L + 1)):
        dA_prev, grads["dW" + str(l)], grads["db" + str(l)] = dense_backward(
            cache["A" + str(l - 1)], weights[l - 1], dZ)
        if l > 1:
            dZ = dA_prev * relu_grad(cache["Z" + str(l - 1)])
    return ([grads["dW" + str(l)] for l in range(1, L + 1)],
            [grads["db" + str(l)] for l in range(1, L + 1)])


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
