from __future__ import annotations

import numpy as np

DTYPE = np.float  # same dtype everywhere


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=DTYPE)
    return (z > 0).astype(DTYPE)


def softmax_cross_entropy_grad(scores, labels):
    scores = np.asarray(scores, dtype=DTYPE)
    labels = np.asarray(labels, dtype=int)
    m = scores.shape[0]
    probs = softmax(scores)
    probs[np.arange(m), labels] -= 1.0
    return probs / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=DTYPE)
    weights = np.asarray(weights, dtype=DTYPE)
    grad_out = np.asarray(grad_out, dtype=DTYPE)
    return grad_out.dot(weights.T), inputs.T.dot(grad_out), grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    acts = [np.asarray(inputs, dtype=DTYPE)]
    pre = []
    for w, b in zip(weights, biases):
        pre.append(acts[-1].dot(w) + b)
        acts.append(np.maximum(pre[-1], 0))
    delta = softmax_cross_entropy_grad(pre[-1], labels)
    dW = [None] * len(weights)
    dB = [None] * len(weights)
    for k in range(len(weights) - 1, -1, -1):
        dA, dW[k], dB[k] = dense_backward(acts[k], weights[k], delta)
        if k > 0:
            delta = dA * relu_grad(pre[k - 1])
    return dW, dB


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = [np.asarray(w, dtype=DTYPE) - learning_rate * gw for w, gw in zip(weights, grad_weights)]
    new_b = [np.asarray(b, dtype=DTYPE) - learning_rate * gb for b, gb in zip(biases, grad_biases)]
    return new_w, new_b
