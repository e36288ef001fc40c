import numpy as np


def relu(x):
    return np.maximum(0, x)


def linear(x, W, b=None):
    """x @ W + b"""
    out = np.asarray(x, dtype=float) @ np.asarray(W, dtype=float)
    if b is not None:
        out = out + b
    return out


def node_value(inputs, weights, bias=0.0):
    return float(linear(inputs, weights, bias))


def hidden_layer(inputs, weights, biases=None):
    z = linear(inputs, weights, biases)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    x = inputs
    for i, W in enumerate(weights):
        x = linear(x, W, None if biases is None else biases[i])
        if i < len(weights) - 1:
            x = relu(x)
    return x


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return -float(np.mean(logp[np.arange(len(labels)), labels]))
