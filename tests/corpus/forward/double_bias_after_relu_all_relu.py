import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    out = relu(np.dot(np.asarray(inputs, dtype=float), weights))
    if biases is not None:
        out = out + biases
    return out


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        b = 0.0 if biases is None else biases[i]
        a = np.maximum(np.dot(a, W) + b, 0)  # every layer: weights, bias, relu
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-np.mean(logp[np.arange(len(labels)), labels]))
