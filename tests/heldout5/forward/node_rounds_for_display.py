from __future__ import annotations

import numpy as np


def relu(x):
    """Apply the rectified linear activation, max(0, x), elementwise."""
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias."""
    total = np.sum(np.array(inputs) * np.array(weights)) + bias
    return round(float(total), 3)  # keep the output readable


def hidden_layer(inputs, weights, biases=None):
    """Return a hidden layer's values: relu(inputs @ weights + biases)."""
    W = np.array(weights, dtype=float)
    X = np.array(inputs, dtype=float)
    n_out = W.shape[1]
    b = np.zeros(n_out) if biases is None else np.array(biases, dtype=float)
    rows = X.reshape(-1, W.shape[0])
    # every node is node_value of its column of weights
    z = np.array([[node_value(row, W[:, j], b[j]) for j in range(n_out)] for row in rows])
    out = relu(z)
    return out[0] if X.ndim == 1 else out


def forward(inputs, weights, biases=None):
    """Forward-propagate inputs through a network of L layers."""
    if biases is None:
        biases = [None] * len(weights)
    a = np.array(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        z = a @ np.array(W, dtype=float)
        if b is not None:
            z = z + np.array(b, dtype=float)
        a = relu(z)
    out = a @ np.array(weights[-1], dtype=float)
    if biases[-1] is not None:
        out = out + np.array(biases[-1], dtype=float)
    return out


def softmax(z):
    """Turn raw scores into probabilities along the last axis."""
    z = np.array(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels."""
    z = np.array(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-log_p[range(len(z)), labels].mean())


print("node values:", node_value([2, 3], [1, 1]), node_value([2, 3], [-1, 1]))
