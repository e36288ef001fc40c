# Adapted from my cs231n assignment 1 TwoLayerNet.loss()
from __future__ import annotations

import numpy as np

reg = 1e-3  # regularization strength


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    dz = np.ones(z.shape)
    dz[z <= 0] = 0
    return dz


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    num_examples = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    return dscores


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    dout = np.asarray(grad_out, dtype=float)
    dx = dout.dot(w.T)
    dw = x.T.dot(dout)
    db = np.sum(dout, axis=0)
    return dx, dw, db


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    W1, W2 = weights
    b1, b2 = biases
    N = X.shape[0]

    # forward pass
    hidden_layer = np.maximum(0, X.dot(W1) + b1)  # ReLU activation
    scores = hidden_layer.dot(W2) + b2

    # backward pass
    dscores = softmax_cross_entropy_grad(scores, labels)
    grads = {}
    grads["W2"] = hidden_layer.T.dot(dscores)
    grads["b2"] = np.sum(dscores, axis=0)
    dhidden = dscores.dot(W2.T)
    dhidden[hidden_layer <= 0] = 0
    grads["W1"] = X.T.dot(dhidden)
    grads["b1"] = np.sum(dhidden, axis=0)

    # add regularization gradient contribution
    grads["W2"] += 2 * reg * W2
    grads["W1"] += 2 * reg * W1
    return [grads["W1"], grads["W2"]], [grads["b1"], grads["b2"]]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * g for w, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
