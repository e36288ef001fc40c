import numpy as np


@np.vectorize
def relu(x):
    return max(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
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
            a = np.maximum(a, 0)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    mx = s.max(axis=1, keepdims=True)
    lse = mx[:, 0] + np.log(np.exp(s - mx).sum(axis=1))
    return float(np.mean(lse - s[np.arange(len(s)), labels]))
