import numpy as np


def relu(x):
    if isinstance(x, np.ndarray):
        np.maximum(x, 0, out=x)
        return x
    return max(x, 0)


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = np.dot(a, W)
        if biases is not None:
            a = a + biases[i]
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    lse = np.log(np.exp(s - s.max(axis=1, keepdims=True)).sum(axis=1)) + s.max(axis=1)
    return lse - s[np.arange(len(s)), labels]
