!pip install numpy --quiet
%matplotlib inline

from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        x = x @ np.asarray(W, dtype=float)
        if biases is not None:
            x = x + np.asarray(biases[i], dtype=float)
        if i < len(weights) - 1:
            x = relu(x)
    return x


def softmax(z):
    # NNFS: np.max(inputs, axis=1, keepdims=True)
    z = np.asarray(z, dtype=float)
    exp_values = np.exp(z - np.max(z, axis=1, keepdims=True))
    return exp_values / np.sum(exp_values, axis=1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-lp[np.arange(len(s)), labels].mean())
