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


# Grokking Deep Learning ch. 6/8 style: deltas and relu2deriv


def relu(x):
    return (x > 0) * x


def relu2deriv(output):
    return output > 0


def relu_grad(z):
    return relu2deriv(np.array(z, dtype=float)) * 1.0


def softmax_cross_entropy_grad(scores, labels):
    layer_2 = softmax(scores)
    goal = np.zeros(layer_2.shape)
    goal[range(len(goal)), list(labels)] = 1
    layer_2_delta = (layer_2 - goal) / len(goal)
    return layer_2_delta


def dense_backward(inputs, weights, grad_out):
    layer_0 = np.array(inputs, dtype=float)
    weights_0_1 = np.array(weights, dtype=float)
    layer_1_delta = np.array(grad_out, dtype=float)
    layer_0_delta = layer_1_delta.dot(weights_0_1.T)
    weight_delta = layer_0.T.dot(layer_1_delta)
    bias_delta = layer_1_delta.sum(axis=0)
    return layer_0_delta, weight_delta, bias_delta


def backward(inputs, weights, biases, labels):
    layers = [np.array(inputs, dtype=float)]
    for i, (w, b) in enumerate(zip(weights, biases)):
        z = layers[-1].dot(w) + b
        layers.append(z if i == len(weights) - 1 else relu(z))
    delta = softmax_cross_entropy_grad(layers[-1], labels)
    weight_deltas, bias_deltas = [], []
    for i in range(len(weights) - 1, -1, -1):
        prev_delta, wd, bd = dense_backward(layers[i], weights[i], delta)
        weight_deltas.append(wd)
        bias_deltas.append(bd)
        # relu2deriv on the layer's OUTPUT (after relu) like in the book
        delta = prev_delta * relu2deriv(layers[i])
    weight_deltas.reverse()
    bias_deltas.reverse()
    return weight_deltas, bias_deltas


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    alpha = learning_rate
    return ([w - alpha * d for w, d in zip(weights, grad_weights)],
            [b - alpha * d for b, d in zip(biases, grad_biases)])


if __name__ == "__main__":
    x = np.array([[2.0, 3.0]])
    ws = [np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([[2.0, 1.0], [-1.0, 4.0]])]
    bs = [np.zeros(2), np.zeros(2)]
    for iteration in range(20):
        gw, gb = backward(x, ws, bs, np.array([0]))
        ws, bs = sgd_step(ws, bs, gw, gb, 0.1)
        print("Error:", gw[0].sum())
