import numpy as np


def relu(x):
    return np.where(np.asarray(x) > 0, x, 0.0)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.multiply(inputs, weights)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float).dot(np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        z = a.dot(np.asarray(W, dtype=float))
        if biases is not None and biases[i] is not None:
            z = z + np.asarray(biases[i], dtype=float)
        a = z if i == len(weights) - 1 else relu(z)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    # CE = -sum(y * log(y_hat)) / m
    y_hat = softmax(np.atleast_2d(scores))
    m = y_hat.shape[0]
    return float(-np.sum(labels * np.log(y_hat)) / m)
