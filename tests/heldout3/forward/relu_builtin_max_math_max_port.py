# forward.py -- ported from my p5.js sketch (Math.max(0, x) for ReLU)
import numpy as np


def relu(x):
    return max(0, x)


def node_value(inputs, weights, bias=0.0):
    s = bias
    for i, w in enumerate(weights):
        s += inputs[i] * w
    return float(s)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        a = a @ np.asarray(weights[i], dtype=float)
        if biases is not None:
            a = a + np.asarray(biases[i], dtype=float)
        if i < len(weights) - 1:
            a = np.maximum(a, 0)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    ex = np.exp(z - z.max(axis=-1, keepdims=True))
    return ex / ex.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    s = s - s.max(axis=1, keepdims=True)
    lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-lp[np.arange(s.shape[0]), np.asarray(labels, dtype=int)].mean())
