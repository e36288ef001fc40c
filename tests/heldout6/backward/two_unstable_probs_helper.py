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


def probabilities(scores):
    exp_scores = np.exp(scores)
    return exp_scores / np.sum(exp_scores, axis=1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return (z > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = probabilities(np.asarray(scores, dtype=float))
    num_examples = probs.shape[0]
    dscores = probs
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    return dscores


def dense_backward(inputs, weights, grad_out):
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dscores = np.asarray(grad_out, dtype=float)
    dW = np.dot(X.T, dscores)
    db = np.sum(dscores, axis=0)
    dX = np.dot(dscores, W.T)
    return dX, dW, db


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    layer_inputs, zs = [], []
    for W, b in zip(weights, biases):
        layer_inputs.append(X)
        zs.append(np.dot(X, W) + b)
        X = np.maximum(0, zs[-1])
    num_examples = X.shape[0]
    dscores = probabilities(zs[-1])
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    dWs, dbs = [], []
    for l in reversed(range(len(weights))):
        dX, dW, db = dense_backward(layer_inputs[l], weights[l], dscores)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if l > 0:
            dX[zs[l - 1] <= 0] = 0
            dscores = dX
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    step_size = learning_rate
    return ([W + -step_size * dW for W, dW in zip(weights, grad_weights)],
            [b + -step_size * db for b, db in zip(biases, grad_biases)])
