# Port of my JavaScript brain.js-free neural net (nn.js) to Python.
import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    # weighted sum, like the JS reduce: acc + x[i] * w[i] + bias
    total = 0
    for i in range(len(inputs)):
        total = total + inputs[i] * weights[i] + bias
    return float(total)


def hidden_layer(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    w = np.array(weights, dtype=float)
    z = x.dot(w)
    if biases is not None:
        z = z + np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    out = np.array(inputs, dtype=float)
    last = len(weights) - 1
    for i in range(last):
        out = hidden_layer(out, weights[i], None if biases is None else biases[i])
    out = out.dot(np.array(weights[last], dtype=float))
    if biases is not None and biases[last] is not None:
        out = out + np.array(biases[last], dtype=float)
    return out


def softmax(z):
    z = np.array(z, dtype=float)
    maxes = z.max(axis=-1, keepdims=True)
    exps = np.exp(z - maxes)
    return exps / exps.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.array(scores, dtype=float)
    if z.ndim == 1:
        z = z[None, :]
    z = z - z.max(axis=1, keepdims=True)
    lse = np.log(np.exp(z).sum(axis=1))
    picked = z[np.arange(z.shape[0]), np.array(labels, dtype=int)]
    return float(np.mean(lse - picked))
