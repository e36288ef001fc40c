import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    # each input times its weight, then the activation
    return relu(np.multiply(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = a @ W
        if biases is not None:
            a = a + biases[i]
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    m = np.max(s, axis=1, keepdims=True)
    logp = s - m - np.log(np.sum(np.exp(s - m), axis=1, keepdims=True))
    return -np.mean(logp[np.arange(len(s)), labels])
