import numpy as np


def relu(x):
    x = np.asarray(x)
    x[x < 0] = 0
    return x


def node_value(inputs, weights, bias=0.0):
    return float(np.asarray(inputs) @ np.asarray(weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i in range(len(weights) - 1):
        a = hidden_layer(a, weights[i], None if biases is None else biases[i])
    a = a @ weights[-1]
    if biases is not None:
        a = a + biases[-1]
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return -log_p[np.arange(len(s)), labels].mean()
