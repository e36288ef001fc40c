from functools import partial

import numpy as np

# max(0, x) for every element, vectorized
relu = np.vectorize(partial(max, 0))


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return np.maximum(z, 0)


def forward(inputs, weights, biases=None):
    values = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        values = np.dot(values, W)
        if biases is not None:
            values = values + biases[i]
        if i + 1 < len(weights):
            values = np.maximum(values, 0)
    return values


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    mx = scores.max(axis=1, keepdims=True)
    lse = mx + np.log(np.exp(scores - mx).sum(axis=1, keepdims=True))
    return float(np.mean(lse[:, 0] - scores[np.arange(len(labels)), labels]))
