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


def _step(value: float) -> float:
    return 1.0 if value > 0 else 0.0


def relu_grad(z):
    return np.vectorize(_step, otypes=[float])(z)


def softmax_cross_entropy_grad(scores, labels):
    dvalues = softmax(scores)
    y_true = np.array(labels)
    samples = len(dvalues)
    # If labels are one-hot encoded, turn them into discrete values
    if len(y_true.shape) == 2:
        y_true = np.argmax(y_true, axis=1)
    dinputs = dvalues.copy()
    dinputs[range(samples), y_true] -= 1
    dinputs = dinputs / samples
    return dinputs


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    grad_inputs = np.einsum("mj,ij->mi", g, w)
    grad_weights = np.einsum("mi,mj->ij", x, g)
    grad_biases = np.einsum("mj->j", g)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    def go(a, k):
        # returns (dA for this layer's input, list of dWs, list of dbs) from layer k on
        z = a @ np.asarray(weights[k], dtype=float) + np.asarray(biases[k], dtype=float)
        if k == len(weights) - 1:
            dz = softmax_cross_entropy_grad(z, labels)
            dws, dbs = [], []
        else:
            da_next, dws, dbs = go(np.maximum(z, 0), k + 1)
            dz = da_next * relu_grad(z)
        da, dw, db = dense_backward(a, weights[k], dz)
        return da, [dw] + dws, [db] + dbs
    _, grad_weights, grad_biases = go(np.asarray(inputs, dtype=float), 0)
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = [w.copy() for w in weights]
    new_b = [b.copy() for b in biases]
    for w, dw in zip(new_w, grad_weights):
        w -= learning_rate * dw
    for b, db in zip(new_b, grad_biases):
        b -= learning_rate * db
    return new_w, new_b


# quick test
grads_w, grads_b = backward(X_train[:5], params["W"], params["b"], y_train[:5])
print([g.shape for g in grads_w])
