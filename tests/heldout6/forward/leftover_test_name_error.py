from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    # Nielsen: z = np.dot(w, a) + b, with w transposed to match the course's layout
    z = np.dot(np.asarray(weights, dtype=float).T, np.asarray(inputs, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        a = np.dot(a, np.asarray(weights[i], dtype=float))
        if biases is not None:
            a = a + np.asarray(biases[i], dtype=float)
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    m = len(labels)
    s = s - s.max(axis=1, keepdims=True)
    log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(np.sum(-log_probs[np.arange(m), labels]) / m)


# test with the course's data
model_output = forward(input_data, weights)
print(model_output)
