import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    # like node_0_value = (input_data * weights['node_0']).sum()
    node = (np.array(inputs) * np.array(weights)).sum()
    return round(float(node), 2)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, W, b)
    out = np.dot(a, weights[-1])
    return out if biases[-1] is None else out + biases[-1]


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(len(s)), labels]))
