import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    return relu(np.asarray(inputs, float) @ np.asarray(weights, float) + (0 if biases is None else np.asarray(biases, float)))


def forward(inputs, weights, biases=None):
    biases = biases or [None] * len(weights)
    a = np.asarray(inputs, float)
    for W, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, W, b)
    return a @ np.asarray(weights[-1], float) + (0 if biases[-1] is None else np.asarray(biases[-1], float))


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum(axis=0)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, float)
    logp = z - z.max(1, keepdims=True) - np.log(np.exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True))
    return float(-np.sum(labels * logp) / len(z))
