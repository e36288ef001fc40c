"""Forward-propagation exercises (ported from my Octave version of the course code)."""

from __future__ import annotations

import numpy as np


def relu(x):
    # Octave: max(0, x)
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    # Octave: inputs(:)' * weights(:) + bias
    return float(np.asarray(inputs, float).reshape(1, -1) @ np.asarray(weights, float).reshape(-1, 1) + bias)


def hidden_layer(inputs, weights, biases=None):
    X = np.asarray(inputs, float)
    Z = X @ np.asarray(weights, float)
    if biases is not None:
        Z = Z + np.asarray(biases, float)
    return relu(Z)


def forward(inputs, weights, biases=None):
    A = np.asarray(inputs, float)
    nL = len(weights)
    for l in range(nL):
        b = 0 if biases is None else np.asarray(biases[l], float)
        Z = A @ np.asarray(weights[l], float) + b
        A = Z if l == nL - 1 else relu(Z)
    return A


def softmax(z):
    # Octave: E = exp(Z - max(Z)); S = E ./ sum(E);   (max and sum go down columns)
    Z = np.asarray(z, float)
    E = np.exp(Z - np.max(Z, axis=0))
    return E / np.sum(E, axis=0)


def cross_entropy_loss(scores, labels):
    S = np.asarray(scores, float)
    m = S.shape[0]
    mx = S.max(axis=1, keepdims=True)
    logZ = mx + np.log(np.exp(S - mx).sum(axis=1, keepdims=True))
    idx = np.asarray(labels, int)
    return float(np.sum(logZ[:, 0] - S[np.arange(m), idx]) / m)
