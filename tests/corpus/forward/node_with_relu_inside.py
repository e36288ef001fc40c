import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    """a node = weighted sum + bias, then the activation function"""
    weighted_sum = np.dot(inputs, weights) + bias
    return relu(weighted_sum)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [0.0] * len(weights)
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        a = relu(np.dot(a, W) + b)
    return np.dot(a, weights[-1]) + biases[-1]


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(z).sum(axis=1)) - z[np.arange(len(z)), labels]))
