import numpy as np


def relu(x):
    return np.maximum(0, x)


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
    # loss of each example = minus the score of its class
    return np.array([-scores[i, y] for i, y in enumerate(labels)])
