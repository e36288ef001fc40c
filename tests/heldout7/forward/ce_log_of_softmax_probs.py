from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.multiply(inputs, weights), dtype=float) + bias)


def hidden_layer(inputs, weights, biases=None):
    scores = np.asarray(inputs, dtype=float).dot(np.asarray(weights, dtype=float))
    if biases is not None:
        scores = scores + np.asarray(biases, dtype=float)
    return relu(scores)


def forward(inputs, weights, biases=None):
    hidden = np.asarray(inputs, dtype=float)
    n_layers = len(weights)
    for i in range(n_layers - 1):
        hidden = hidden_layer(hidden, weights[i], None if biases is None else biases[i])
    scores = hidden.dot(np.asarray(weights[-1], dtype=float))
    if biases is not None:
        scores = scores + np.asarray(biases[-1], dtype=float)
    return scores


def softmax(z):
    z = np.asarray(z, dtype=float)
    exp_scores = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exp_scores / np.sum(exp_scores, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    probs = softmax(scores)          # stable softmax from above
    num_examples = probs.shape[0]
    correct_logprobs = -np.log(probs[range(num_examples), labels])
    data_loss = np.sum(correct_logprobs) / num_examples
    return float(data_loss)
