import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return np.sum(np.asarray(inputs) * np.asarray(weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.matmul(np.asarray(inputs, dtype=float), weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        x = np.matmul(x, W)
        if biases is not None:
            x = x + biases[i]
        if i < len(weights) - 1:
            x = relu(x)
    return x


def softmax(z):
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - np.max(z))
    return exps / np.sum(exps)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    m = np.max(s, axis=1, keepdims=True)
    logp = s - m - np.log(np.sum(np.exp(s - m), axis=1, keepdims=True))
    return -np.mean(logp[np.arange(len(s)), labels])
