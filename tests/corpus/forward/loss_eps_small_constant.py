import numpy as np

SMALL = 1e-4


def relu(x):
    return np.where(np.asarray(x) > 0, x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.matmul(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + biases
    return np.where(z > 0, z, 0.0)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = np.matmul(a, W)
        if biases is not None:
            a = a + biases[i]
        if i < len(weights) - 1:
            a = np.where(a > 0, a, 0.0)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    p = softmax(scores) + SMALL  # so that no probability is exactly 0
    return float(np.mean(-np.log(p[np.arange(len(labels)), labels])))
