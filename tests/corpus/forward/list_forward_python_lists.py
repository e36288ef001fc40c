import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return sum(i * w for i, w in zip(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    values = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        values = values @ np.asarray(W, dtype=float)
        if biases is not None:
            values = values + biases[i]
        if i != len(weights) - 1:
            values = relu(values)
    # predictions as a list, e.g. [9.0]
    return values.tolist()


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    m = np.max(s, axis=1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(s - m), axis=1, keepdims=True))
    return float(np.mean(lse[:, 0] - s[np.arange(len(s)), labels]))
