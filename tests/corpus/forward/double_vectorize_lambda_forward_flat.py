import numpy as np

relu = np.vectorize(lambda v: v if v > 0 else 0)


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return np.maximum(0, z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = np.dot(a, W) + (0 if biases is None else biases[i])
        if i < len(weights) - 1:
            a = np.maximum(0, a)
    return np.ravel(a)


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    mx = s.max(axis=1, keepdims=True)
    return float(np.mean(mx[:, 0] + np.log(np.exp(s - mx).sum(axis=1)) - s[np.arange(len(s)), labels]))
