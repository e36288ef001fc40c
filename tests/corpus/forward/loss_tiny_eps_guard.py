import numpy as np

EPS = 1e-12  # avoid log(0)


def relu(x):
    return np.maximum(0.0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float)
    for idx, W in enumerate(weights):
        out = np.dot(out, W)
        if biases is not None:
            out = out + biases[idx]
        if idx != len(weights) - 1:
            out = relu(out)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    p = softmax(scores)
    n = p.shape[0]
    return float(-np.sum(np.log(p[np.arange(n), labels] + EPS)) / n)
