import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return sum(a * b for a, b in zip(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    n = len(weights)
    for i in range(n):
        a = a @ weights[i] + (biases[i] if biases is not None else 0.0)
        if i < n - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    true_class = np.argmax(labels, axis=1)  # labels are one-hot rows
    m = scores.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(scores - m).sum(axis=1))
    return float(np.mean(lse - scores[np.arange(len(scores)), true_class]))
