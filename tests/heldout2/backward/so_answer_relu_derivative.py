from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    # https://stackoverflow.com  "Implement Relu derivative in python numpy" (accepted answer)
    x = np.asarray(z, dtype=float)
    x[x <= 0] = 0
    x[x > 0] = 1
    return x


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    n = probs.shape[0]
    probs[range(n), labels] -= 1
    return probs / n


def dense_backward(inputs, weights, grad_out):
    inputs, weights, grad_out = np.asarray(inputs, float), np.asarray(weights, float), np.asarray(grad_out, float)
    return grad_out.dot(weights.T), inputs.T.dot(grad_out), grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    outs = [np.asarray(inputs, float)]
    pre = []
    for i, (W, b) in enumerate(zip(weights, biases)):
        pre.append(outs[-1].dot(W) + b)
        outs.append(np.maximum(pre[-1], 0))
    dW, db = [], []
    delta = softmax_cross_entropy_grad(pre[-1], labels)
    for i in range(len(weights) - 1, -1, -1):
        d_in, w_grad, b_grad = dense_backward(outs[i], weights[i], delta)
        dW.insert(0, w_grad)
        db.insert(0, b_grad)
        if i:
            delta = d_in * (pre[i - 1] > 0)
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    lr = learning_rate
    return [w - lr * g for w, g in zip(weights, grad_weights)], [b - lr * g for b, g in zip(biases, grad_biases)]
