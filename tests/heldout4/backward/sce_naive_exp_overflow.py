from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    scores = np.array(scores, dtype=float)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    num_examples = scores.shape[0]
    dscores = probs
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    return dscores


def dense_backward(inputs, weights, grad_out):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    grad_out = np.array(grad_out, dtype=float)
    dW = np.dot(inputs.T, grad_out)
    db = np.sum(grad_out, axis=0)
    dX = np.dot(grad_out, weights.T)
    return dX, dW, db


def backward(inputs, weights, biases, labels):
    X = np.array(inputs, dtype=float)
    hidden = [X]
    pre = []
    for W, b in zip(weights, biases):
        s = np.dot(hidden[-1], W) + b
        pre.append(s)
        hidden.append(np.maximum(0, s))
    dscores = softmax_cross_entropy_grad(pre[-1], labels)
    gW = [np.zeros_like(np.asarray(W, dtype=float)) for W in weights]
    gb = [np.zeros_like(np.asarray(b, dtype=float)) for b in biases]
    d = dscores
    for i in reversed(range(len(weights))):
        dh, gW[i], gb[i] = dense_backward(hidden[i], weights[i], d)
        if i:
            dh[pre[i - 1] <= 0] = 0
            d = dh
    return gW, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    step_size = learning_rate
    W_new = [np.array(W, dtype=float) + -step_size * np.array(dW) for W, dW in zip(weights, grad_weights)]
    b_new = [np.array(b, dtype=float) + -step_size * np.array(db) for b, db in zip(biases, grad_biases)]
    return W_new, b_new
