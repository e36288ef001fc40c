from __future__ import annotations

import nnfs
import numpy as np
from nnfs.datasets import spiral_data

nnfs.init()


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
    onehot[np.arange(m), labels] = 1.0
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    inputs_ = np.asarray(inputs, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return np.dot(g, np.asarray(weights, dtype=float).T), np.dot(inputs_.T, g), g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    ins, outs = [], []
    for W, b in zip(weights, biases):
        ins.append(X)
        outs.append(np.dot(X, W) + b)
        X = np.maximum(0, outs[-1])
    dvalues = softmax_cross_entropy_grad(outs[-1], labels)
    dW, dB = [None] * len(weights), [None] * len(weights)
    for i in reversed(range(len(weights))):
        dinputs, dW[i], dB[i] = dense_backward(ins[i], weights[i], dvalues)
        if i > 0:
            dvalues = dinputs * relu_grad(outs[i - 1])
    return dW, dB


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([W - learning_rate * g for W, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
