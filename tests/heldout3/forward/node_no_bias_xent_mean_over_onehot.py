import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    # one neuron = dot product of inputs and weights
    return float(np.dot(inputs, weights))


def hidden_layer(inputs, weights, biases=None):
    out = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        out = out + np.asarray(biases, dtype=float)
    return relu(out)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    L = len(weights)
    for l in range(L):
        a = np.dot(a, np.asarray(weights[l], dtype=float)) + (0.0 if biases is None else np.asarray(biases[l], dtype=float))
        if l < L - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.atleast_2d(np.asarray(scores, dtype=float))
    m, n = scores.shape
    y = np.zeros((m, n))
    y[np.arange(m), labels] = 1  # one-hot
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-np.mean(y * log_p))
