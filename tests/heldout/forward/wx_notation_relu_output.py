import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    # z = W x + b, a = relu(z)
    return relu(np.dot(weights, inputs) + (0 if biases is None else np.asarray(biases, float)))


def forward(inputs, weights, biases=None):
    biases = biases or [None] * len(weights)
    a = np.asarray(inputs, float)
    for W, b in zip(weights, biases):
        a = hidden_layer(a, W, b)
    return a


def softmax(z):
    e = np.exp((z := np.asarray(z, float)) - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, float)
    lse = np.log(np.exp(z - z.max(1, keepdims=True)).sum(1)) + z.max(1)
    return float(np.mean(lse - z[np.arange(len(z)), labels]))
