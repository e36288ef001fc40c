import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, W, b)
    a = a @ np.asarray(weights[-1], dtype=float)
    if biases[-1] is not None:
        a = a + np.asarray(biases[-1], dtype=float)
    return a


def softmax(z):
    x = np.asarray(z)
    if x.ndim == 1:
        e = np.exp(x - np.max(x))
        result = np.zeros_like(x)
        result[:] = e / np.sum(e)
        return result
    result = np.zeros_like(x)
    M, N = x.shape
    for m in range(M):
        e = np.exp(x[m, :] - np.max(x[m, :]))
        result[m, :] = e / np.sum(e)
    return result


def cross_entropy_loss(scores, labels):
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(s)), labels].mean())
