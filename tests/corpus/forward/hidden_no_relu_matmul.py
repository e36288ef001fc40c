import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    # the layer: inputs times weights plus biases
    out = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        out = out + biases
    return out


def forward(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        x = x @ W
        if biases is not None:
            x = x + biases[i]
        if i < len(weights) - 1:
            x = relu(x)
    return x


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    lsm = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-lsm[np.arange(len(labels)), labels].mean())
