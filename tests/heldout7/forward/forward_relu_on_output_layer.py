from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    """Apply the rectified linear activation, max(0, x), elementwise."""
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias."""
    return float(np.sum(np.array(inputs, dtype=float) * np.array(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    """Return a hidden layer's values: relu(inputs @ weights + biases)."""
    z = np.array(inputs, dtype=float) @ np.array(weights, dtype=float)
    if biases is not None:
        z += np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    """Forward-propagate inputs through a network of L layers."""
    values = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        layer_biases = None if biases is None else biases[i]
        values = hidden_layer(values, weights[i], layer_biases)
    return values


def softmax(z):
    """Turn raw scores into probabilities along the last axis."""
    z = np.array(z, dtype=float)
    exp_z = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exp_z / np.sum(exp_z, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels."""
    scores = np.array(scores, dtype=float)
    labels = np.array(labels, dtype=int)
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return float(-np.mean(log_probs[np.arange(len(labels)), labels]))


# quick checks from the notebook
print(forward([2, 3], [[[1, -1], [1, 1]], [[2], [-1]]]))   # [9.]
print(forward([3, 5], [[[2, 4], [4, -5]], [[-1, 1], [2, 2]], [[2], [7]]]))  # [182.]
