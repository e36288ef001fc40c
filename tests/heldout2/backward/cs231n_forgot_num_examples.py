from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    # compute the gradient on scores
    probs = softmax(scores)
    dscores = probs
    dscores[range(dscores.shape[0]), labels] -= 1
    return dscores


def dense_backward(inputs, weights, grad_out):
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dout = np.asarray(grad_out, dtype=float)
    dW = np.dot(X.T, dout)
    db = np.sum(dout, axis=0)
    dX = np.dot(dout, W.T)
    return dX, dW, db


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    N = X.shape[0]
    acts = [X]
    for W, b in zip(weights[:-1], biases[:-1]):
        acts.append(np.maximum(0, np.dot(acts[-1], W) + b))
    scores = np.dot(acts[-1], weights[-1]) + biases[-1]
    dscores = softmax(scores)
    dscores[range(N), labels] -= 1
    dscores /= N
    grads_W, grads_b = [], []
    d = dscores
    for k in range(len(weights) - 1, -1, -1):
        dW = np.dot(acts[k].T, d)
        db = np.sum(d, axis=0)
        grads_W.insert(0, dW)
        grads_b.insert(0, db)
        d = np.dot(d, weights[k].T)
        d[acts[k] <= 0] = 0
    return grads_W, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return [W - learning_rate * dW for W, dW in zip(weights, grad_weights)], [
        b - learning_rate * db for b, db in zip(biases, grad_biases)
    ]
