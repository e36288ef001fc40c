from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return np.inner(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias


def hidden_layer(inputs, weights, biases=None):
    X = np.atleast_2d(np.asarray(inputs, dtype=float))   # make everything a batch
    Z = X @ np.asarray(weights, dtype=float)
    if biases is not None:
        Z += np.asarray(biases, dtype=float)
    return relu(Z)


def forward(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        out = out @ np.asarray(weights[i], dtype=float)
        if biases is not None:
            out = out + np.asarray(biases[i], dtype=float)
        if i != len(weights) - 1:
            out = np.clip(out, 0, None)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -np.mean(log_probs[np.arange(len(labels)), labels])


if __name__ == "__main__":
    X = np.array([[3.0, 5.0], [1.0, -1.0]])
    print(hidden_layer(X, [[2, 4], [4, -5]]))
