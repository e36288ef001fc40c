import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = a @ W + (0 if biases is None else biases[i])
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    # no extra memory: do everything in the same buffer
    np.subtract(z, np.max(z, axis=-1, keepdims=True), out=z)
    np.exp(z, out=z)
    z /= np.sum(z, axis=-1, keepdims=True)
    return z


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    mx = np.max(s, axis=1, keepdims=True)
    lse = mx + np.log(np.sum(np.exp(s - mx), axis=1, keepdims=True))
    return float(np.mean((lse - s)[np.arange(len(labels)), labels]))
