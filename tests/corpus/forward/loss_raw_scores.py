import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights[:-1]):
        h = hidden_layer(h, W, None if biases is None else biases[i])
    out = np.dot(h, weights[-1])
    return out if biases is None else out + biases[-1]


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    m = scores.shape[0]
    return -np.mean(scores[range(m), labels])
