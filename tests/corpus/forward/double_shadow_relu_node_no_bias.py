import numpy as np


def relu(x):
    return np.maximum(0, x)


# try it out
x = np.array([-2, 0, 3])
relu = np.maximum(0, x)
print(relu)


def node_value(inputs, weights, bias=0.0):
    node_output = (np.array(inputs) * np.array(weights)).sum()
    return node_output


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return np.maximum(0, z)


def forward(inputs, weights, biases=None):
    values = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        values = np.dot(values, W)
        if biases is not None:
            values = values + biases[i]
        if i != len(weights) - 1:
            values = np.maximum(0, values)
    return values


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(len(s)), labels]))
