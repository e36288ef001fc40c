import numpy as np


def relu(x):
    return np.maximum(x, 0.0)


def node_value(inputs, weights, bias=0.0):
    return float(np.inner(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    # W x + b, as in the lecture notes
    z = np.dot(weights, inputs)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    h = np.array(inputs, dtype=float)
    n = len(weights)
    for k in range(n):
        h = h @ np.array(weights[k], dtype=float)
        if biases is not None:
            h = h + np.array(biases[k], dtype=float)
        if k < n - 1:
            h = relu(h)
    return h


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(len(s)), labels]))
