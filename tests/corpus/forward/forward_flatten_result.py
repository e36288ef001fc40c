import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.matmul(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for l, W in enumerate(weights):
        b = None if biases is None else biases[l]
        if l < len(weights) - 1:
            a = hidden_layer(a, W, b)
        else:
            a = np.matmul(a, W) if b is None else np.matmul(a, W) + b
    # return the predictions as a flat vector
    return a.flatten()


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.array(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    log_sm = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -np.mean(log_sm[np.arange(len(labels)), labels])
