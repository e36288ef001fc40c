from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights)) + float(bias)


def hidden_layer(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    z = x.dot(np.array(weights, dtype=float))
    if biases is not None:
        z = z + np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        W = np.array(weights[i], dtype=float)
        x = x.dot(W)
        if biases is not None:
            x = x + np.array(biases[i], dtype=float)
        if i < len(weights) - 1:
            x = relu(x)
    return x


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    y = np.array(labels, dtype=int)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(s.shape[0]), y].mean())


if __name__ == "__main__":
    print(softmax([1000, 1000]), softmax([0, 0]))
