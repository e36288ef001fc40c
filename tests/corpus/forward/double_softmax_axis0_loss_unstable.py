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
    for i in range(len(weights)):
        a = np.dot(a, weights[i]) + (biases[i] if biases is not None else 0)
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - np.max(z, axis=0, keepdims=True))
    return exps / np.sum(exps, axis=0, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    exps = np.exp(scores - np.max(scores, axis=1, keepdims=True))
    probs = exps / np.sum(exps, axis=1, keepdims=True)
    n = scores.shape[0]
    return -np.sum(np.log(probs[np.arange(n), labels])) / n
