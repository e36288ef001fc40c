from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    inputs = np.array(z, dtype=float)
    dinputs = np.ones_like(inputs)
    dinputs[inputs <= 0] = 0
    return dinputs


def softmax_cross_entropy_grad(scores, labels):
    dvalues = softmax(scores)
    y_true = labels
    # Number of samples
    samples = len(dvalues)
    # If labels are one-hot encoded, turn them into discrete values
    if len(y_true.shape) == 2:
        y_true = np.argmax(y_true, axis=1)
    # Copy so we can safely modify
    dinputs = dvalues.copy()
    # Calculate gradient
    dinputs[range(samples), y_true] -= 1
    # Normalize gradient
    dinputs = dinputs / samples
    return dinputs


def dense_backward(inputs, weights, grad_out):
    dvalues = np.array(grad_out, dtype=float)
    dweights = np.dot(np.array(inputs, dtype=float).T, dvalues)
    dbiases = np.sum(dvalues, axis=0)
    dinputs = np.dot(dvalues, np.array(weights, dtype=float).T)
    return dinputs, dweights, dbiases


def backward(inputs, weights, biases, labels):
    layer_inputs, layer_z = [], []
    out = np.array(inputs, dtype=float)
    for w, b in zip(weights, biases):
        layer_inputs.append(out)
        out = np.dot(out, w) + b
        layer_z.append(out)
        out = np.maximum(0, out)
    dvalues = softmax_cross_entropy_grad(layer_z[-1], labels)
    dweights, dbiases = [], []
    for i in range(len(weights) - 1, -1, -1):
        dinputs, dw, db = dense_backward(layer_inputs[i], weights[i], dvalues)
        dweights.append(dw)
        dbiases.append(db)
        if i > 0:
            dvalues = dinputs * relu_grad(layer_z[i - 1])
    return list(reversed(dweights)), list(reversed(dbiases))


class Optimizer_SGD:
    def __init__(self, learning_rate=1.0, decay=1e-3):
        self.learning_rate = learning_rate
        self.current_learning_rate = learning_rate
        self.decay = decay
        self.iterations = 0

    # Call once before any parameter updates
    def pre_update_params(self):
        if self.decay:
            self.current_learning_rate = self.learning_rate * (1.0 / (1.0 + self.decay * self.iterations))

    def post_update_params(self):
        self.iterations += 1


_optimizer = Optimizer_SGD()


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    _optimizer.learning_rate = learning_rate
    _optimizer.pre_update_params()
    learning_rate = _optimizer.current_learning_rate
    _optimizer.post_update_params()
    new_weights = [w + -learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b + -learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
