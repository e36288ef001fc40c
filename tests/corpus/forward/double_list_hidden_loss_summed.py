import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + biases
    return relu(z).tolist()


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = np.dot(a, W) + (0 if biases is None else biases[i])
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    total = 0.0
    for row, label in zip(np.asarray(scores, dtype=float), labels):
        m = row.max()
        total += m + np.log(np.exp(row - m).sum()) - row[label]
    return total
