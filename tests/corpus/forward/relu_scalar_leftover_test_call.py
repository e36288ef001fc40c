import numpy as np


def relu(x):
    return max(0, x)


# quick check
print(relu(3), relu(-3))
print(relu(np.array([-1.0, 2.0])))


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return np.maximum(0, z)


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    for k, W in enumerate(weights):
        h = np.dot(h, W) + (biases[k] if biases is not None else 0)
        if k < len(weights) - 1:
            h = np.maximum(0, h)
    return h


def softmax(z):
    z = np.asarray(z, dtype=float)
    ez = np.exp(z - z.max(axis=-1, keepdims=True))
    return ez / ez.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-lp[np.arange(z.shape[0]), labels].mean())
