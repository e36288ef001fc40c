from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z) > 0) * 1.0


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    probs[range(m), labels] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out.dot(weights.T), inputs.T.dot(grad_out), grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    activations = [np.asarray(inputs, dtype=float)]
    for W, b in zip(weights, biases):
        activations.append(np.maximum(0, activations[-1].dot(W) + b))
    # output scores: last layer without relu
    scores = activations[-2].dot(weights[-1]) + biases[-1]
    grad = softmax_cross_entropy_grad(scores, labels)
    dWs, dbs = [], []
    for i in range(len(weights) - 1, 0, -1):
        grad_in, dW, db = dense_backward(activations[i], weights[i], grad)
        dWs.append(dW)
        dbs.append(db)
        grad = grad_in
    return dWs[::-1], dbs[::-1]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    lr = float(learning_rate)
    W_new = [np.subtract(W, lr * dW) for W, dW in zip(weights, grad_weights)]
    b_new = [np.subtract(b, lr * db) for b, db in zip(biases, grad_biases)]
    return W_new, b_new
