from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return 1.0 * (np.asarray(z) > 0)


def softmax_cross_entropy_grad(scores, labels):
    # same as cs231n neural-networks-case-study:
    #   dscores = probs; dscores[range(num_examples), y] -= 1; dscores /= num_examples
    probs = softmax(scores)
    num_examples = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
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
    hidden = [X]
    for W, b in zip(weights[:-1], biases[:-1]):
        hidden.append(np.maximum(0, np.dot(hidden[-1], W) + b))
    scores = np.dot(hidden[-1], weights[-1]) + biases[-1]

    dscores = softmax_cross_entropy_grad(scores, labels)
    grads_W = []
    grads_b = []
    dout = dscores
    for k in range(len(weights) - 1, -1, -1):
        dh, dW, db = dense_backward(hidden[k], weights[k], dout)
        grads_W.insert(0, dW)
        grads_b.insert(0, db)
        # backprop the ReLU non-linearity
        dh = dh.copy()
        dh[hidden[k] <= 0] = 0
        dout = dh
    return grads_W, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    W = [w + (-learning_rate * dw) for w, dw in zip(weights, grad_weights)]
    B = [b + (-learning_rate * db) for b, db in zip(biases, grad_biases)]
    return W, B
