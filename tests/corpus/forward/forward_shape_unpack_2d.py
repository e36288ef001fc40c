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
    X = np.asarray(inputs, dtype=float)
    n_examples, n_features = X.shape
    assert n_features == np.shape(weights[0])[0]
    A = X
    for l in range(len(weights)):
        Z = A @ weights[l]
        if biases is not None:
            Z = Z + biases[l]
        A = relu(Z) if l < len(weights) - 1 else Z
    assert A.shape[0] == n_examples
    return A


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-np.mean(lp[np.arange(z.shape[0]), labels]))
