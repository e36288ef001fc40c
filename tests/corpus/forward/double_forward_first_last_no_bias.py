import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    # slides: hidden_layer_values, then output = (hidden * weights['output']).sum()
    hidden_layer_values = relu(np.dot(inputs, weights[0]))
    output = np.dot(hidden_layer_values, weights[-1])
    return output


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    mx = s.max(axis=1, keepdims=True)
    logp = s - mx - np.log(np.exp(s - mx).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())
