import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs) * np.asarray(weights))) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights[:-1]):
        h = hidden_layer(h, W, None if biases is None else biases[i])
    out = h @ weights[-1]
    return out if biases is None else out + biases[-1]


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


softmax = softmax(np.array([1.0, 2.0]))
print("softmax check:", softmax, softmax.sum())


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    m = s.max(axis=1, keepdims=True)
    log_probs = s - m - np.log(np.exp(s - m).sum(axis=1, keepdims=True))
    return -np.mean(log_probs[np.arange(len(s)), labels])
