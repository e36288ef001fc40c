from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


reg = 1e-3  # regularization strength from the cs231n notebook


def relu_grad(z):
    return (np.asarray(z, dtype=float) > 0).astype(np.float64)


def softmax_cross_entropy_grad(scores, labels):
    num_train = np.shape(scores)[0]
    probs = softmax(scores)
    dscores = probs.copy()
    dscores[np.arange(num_train), labels] -= 1
    return dscores / num_train


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    dout = np.asarray(grad_out, dtype=float)
    dx = dout.dot(w.T)
    dw = x.T.dot(dout)
    db = dout.sum(axis=0)
    return dx, dw, db


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    caches = []
    for W, b in zip(weights, biases):
        z = x.dot(W) + b
        caches.append((x, z))
        x = np.maximum(0, z)
    dout = softmax_cross_entropy_grad(caches[-1][1], labels)
    grads_W, grads_b = [], []
    for i in reversed(range(len(weights))):
        x_in, _ = caches[i]
        dx, dW, db = dense_backward(x_in, weights[i], dout)
        dW += reg * weights[i]
        grads_W.insert(0, dW)
        grads_b.insert(0, db)
        if i > 0:
            dout = dx * relu_grad(caches[i - 1][1])
    return grads_W, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    next_w = [W - learning_rate * dW for W, dW in zip(weights, grad_weights)]
    next_b = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return next_w, next_b
