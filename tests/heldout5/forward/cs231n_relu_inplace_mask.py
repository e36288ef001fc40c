from __future__ import annotations

import numpy as np


def relu(x):
    """Apply the rectified linear activation, max(0, x), elementwise."""
    # cs231n style: zero out the negative entries with a boolean mask
    x = np.asarray(x)
    x[x < 0] = 0
    return x


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias."""
    return float(np.sum(np.asarray(inputs) * np.asarray(weights)) + bias)


def hidden_layer(inputs, weights, biases=None):
    """Return a hidden layer's values: relu(inputs @ weights + biases)."""
    h = np.asarray(inputs, dtype=float).dot(np.asarray(weights, dtype=float))
    if biases is not None:
        h += np.asarray(biases, dtype=float)
    return relu(h)


def forward(inputs, weights, biases=None):
    """Forward-propagate inputs through a network of L layers."""
    h = np.asarray(inputs, dtype=float)
    L = len(weights)
    for l in range(L):
        h = h.dot(np.asarray(weights[l], dtype=float))
        if biases is not None:
            h = h + np.asarray(biases[l], dtype=float)
        if l < L - 1:
            h = relu(h)
    return h


def softmax(z):
    """Turn raw scores into probabilities along the last axis."""
    z = np.asarray(z, dtype=float)
    exp_scores = np.exp(z - np.max(z, axis=-1, keepdims=True))
    probs = exp_scores / np.sum(exp_scores, axis=-1, keepdims=True)
    return probs


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels."""
    scores = np.asarray(scores, dtype=float)
    num_examples = scores.shape[0]
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    correct_logprobs = -log_probs[range(num_examples), labels]
    data_loss = np.sum(correct_logprobs) / num_examples
    return float(data_loss)
