# no numpy in softmax and loss: I wanted to see the formulas
import math

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return sum(x * w for x, w in zip(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = a @ W + (0 if biases is None else biases[i])
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    if np.ndim(z) == 2:
        return np.array([softmax(row) for row in z])
    exps = [math.exp(v) for v in z]
    s = sum(exps)
    return np.array([e / s for e in exps])


def cross_entropy_loss(scores, labels):
    loss = 0.0
    for i in range(len(scores)):
        exps = [math.exp(v) for v in scores[i]]
        loss -= math.log(exps[labels[i]] / sum(exps))
    return loss / len(scores)
