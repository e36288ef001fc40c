# Translated from my MATLAB forward pass:
#   for l = 1:L-1,  a = relu(a * W{l} + b{l+1}); end
# (in MATLAB I stored an empty b{1} for the input layer)
import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    L = len(weights)
    a = np.asarray(inputs, dtype=float)
    for l in range(1, L):
        b = biases[l] if biases is not None else None
        a = hidden_layer(a, weights[l - 1], b)
    out = np.dot(a, np.asarray(weights[L - 1], dtype=float))
    if biases is not None and biases[L - 1] is not None:
        out = out + np.asarray(biases[L - 1], dtype=float)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    S = np.atleast_2d(np.asarray(scores, dtype=float))
    S = S - np.max(S, axis=1, keepdims=True)
    logP = S - np.log(np.sum(np.exp(S), axis=1, keepdims=True))
    m = S.shape[0]
    return float(-np.sum(logP[np.arange(m), labels]) / m)
