import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.asarray(inputs) @ np.asarray(weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        h = h + biases
    return relu(h)


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    for k, W in enumerate(weights):
        h = h @ W
        if biases is not None:
            h = h + biases[k]
        if k != len(weights) - 1:
            h = relu(h)
    return h


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-np.mean(logp[np.arange(s.shape[0]), labels]))
