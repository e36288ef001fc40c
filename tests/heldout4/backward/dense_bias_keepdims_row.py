from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z, dtype=float) > 0) * 1.0


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    n_samples = probs.shape[0]
    y_true = np.zeros_like(probs)
    y_true[range(n_samples), labels] = 1
    return (probs - y_true) / n_samples


def dense_backward(inputs, weights, grad_out):
    # NNFS Layer_Dense.backward
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    dvalues = np.asarray(grad_out, dtype=float)
    dweights = np.dot(inputs.T, dvalues)
    dbiases = np.sum(dvalues, axis=0, keepdims=True)
    dinputs = np.dot(dvalues, weights.T)
    return dinputs, dweights, dbiases


def backward(inputs, weights, biases, labels):
    layer_inputs = []
    layer_outputs = []
    x = np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases):
        layer_inputs.append(x)
        out = np.dot(x, w) + b
        layer_outputs.append(out)
        x = np.maximum(0, out)
    dvalues = softmax_cross_entropy_grad(layer_outputs[-1], labels)
    dweights_all = []
    dbiases_all = []
    for i in range(len(weights) - 1, -1, -1):
        dweights_all.insert(0, np.dot(layer_inputs[i].T, dvalues))
        dbiases_all.insert(0, np.sum(dvalues, axis=0))
        dinputs = np.dot(dvalues, np.asarray(weights[i], dtype=float).T)
        if i > 0:
            dinputs = dinputs.copy()
            dinputs[layer_outputs[i - 1] <= 0] = 0
        dvalues = dinputs
    return dweights_all, dbiases_all


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([np.asarray(w, dtype=float) + -learning_rate * np.asarray(dw) for w, dw in zip(weights, grad_weights)],
            [np.asarray(b, dtype=float) + -learning_rate * np.asarray(db) for b, db in zip(biases, grad_biases)])
