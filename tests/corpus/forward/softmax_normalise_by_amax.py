# Forward propagation + softmax
import numpy as np


def relu(x):
    return np.where(np.asarray(x) > 0, x, 0)


def node_value(inputs, weights, bias=0.0):
    total = 0
    for k in range(len(inputs)):
        total += inputs[k] * weights[k]
    return total + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float).dot(weights)
    if biases is not None:
        z = z + biases
    return np.where(z > 0, z, 0.0)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for k, W in enumerate(weights):
        a = a.dot(W) + (0.0 if biases is None else biases[k])
        if k < len(weights) - 1:
            a = np.where(a > 0, a, 0.0)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    # exponentiate (shifted for stability) and normalise
    exps = np.exp(z - np.amax(z, axis=-1, keepdims=True))
    norm = np.amax(exps, axis=-1, keepdims=True)
    return exps / norm


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - np.amax(z, axis=1, keepdims=True)
    logp = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    return -np.mean(logp[np.arange(z.shape[0]), labels])
