from functools import reduce

import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return sum(map(lambda pair: pair[0] * pair[1], zip(inputs, weights)), bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.matmul(inputs, weights)
    return relu(z if biases is None else z + np.asarray(biases))


def forward(inputs, weights, biases=None):
    layers = list(zip(weights, biases if biases is not None else [None] * len(weights)))
    hidden = reduce(lambda a, wb: hidden_layer(a, *wb), layers[:-1], np.asarray(inputs, dtype=float))
    w_out, b_out = layers[-1]
    out = np.matmul(hidden, w_out)
    return out if b_out is None else out + np.asarray(b_out)


def softmax(z):
    def one(row):
        e = np.exp(row - row.max())
        return e / e.sum()
    return np.apply_along_axis(one, -1, np.asarray(z, dtype=float))


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    log_norm = np.logaddexp.reduce(z, axis=1)
    picked = np.array(list(map(lambda r, y: r[y], z, labels)))
    return float(np.mean(log_norm - picked))
