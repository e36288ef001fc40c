import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    h = relu(np.dot(inputs, weights))
    if biases is not None:
        h = h + biases
    return h


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        a = np.dot(a, weights[i])
        if biases is not None:
            a += biases[i]
        if i != len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.array(z, dtype=float)
    z = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.array(scores, dtype=float)
    z = z - np.max(z, axis=1, keepdims=True)
    lp = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    return -np.sum(lp[np.arange(len(labels)), labels]) / len(labels)
