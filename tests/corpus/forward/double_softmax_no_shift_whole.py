import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return sum(np.asarray(inputs) * np.asarray(weights)) + bias


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
    return np.exp(z) / np.sum(np.exp(z))


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    m = s.max(axis=1)
    lse = m + np.log(np.exp(s - m[:, None]).sum(axis=1))
    return float(np.mean(lse - s[np.arange(len(s)), labels]))
