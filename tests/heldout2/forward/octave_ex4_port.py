# Forward propagation -- ported from my Octave code for Andrew Ng's ML course (ex4).
# In Octave y(i) is 1..K, so I keep that in the loss.

from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return np.sum(np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)) + bias


def hidden_layer(inputs, weights, biases=None):
    a1 = np.asarray(inputs, dtype=float)
    Theta1 = np.asarray(weights, dtype=float)
    z2 = a1 @ Theta1
    if biases is not None:
        z2 = z2 + np.asarray(biases, dtype=float)
    a2 = relu(z2)
    return a2


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    num_layers = len(weights)
    for l in range(num_layers):
        z = a @ np.asarray(weights[l], dtype=float)
        if biases is not None:
            z = z + np.asarray(biases[l], dtype=float)
        a = relu(z) if l < num_layers - 1 else z
    h = a
    return h


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    y = np.asarray(labels)
    m = scores.shape[0]
    z = scores - np.max(scores, axis=1, keepdims=True)
    log_h = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    J = 0.0
    for i in range(m):
        J = J - log_h[i, y[i] - 1]      # y(i) - 1: Octave indices start at 1
    J = J / m
    return J
