from __future__ import annotations

import numpy as np


def relu(x):
    """Apply the rectified linear activation, max(0, x), elementwise.

    A Python or numpy scalar gives a scalar; an array-like gives an array of
    the same shape. The input is not modified.

    The course's examples: relu(3) == 3 and relu(-3) == 0, because ReLU
    returns a positive input unchanged and turns a negative input into 0.
    """
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias.

    inputs and weights have shape (n,); the result is a single number.

    Bank example from the course (2 children, 3 accounts): the top hidden
    node has weights [1, 1], so node_value([2, 3], [1, 1]) == 5; the bottom
    node has weights [-1, 1], so node_value([2, 3], [-1, 1]) == 1.
    """
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    """Return a hidden layer's values: relu(inputs @ weights + biases).

    inputs has shape (n_in,) for one data point or (m, n_in) for m rows;
    weights has shape (n_in, n_out); biases has shape (n_out,), or is None
    for a layer without biases. The result has shape (n_out,) or (m, n_out).

    Deep-ReLU example from the course: hidden_layer([3, 5], [[2, 4], [4, -5]])
    gives [26, 0], since 3*2 + 5*4 = 26 and relu(3*4 + 5*(-5)) = relu(-13) = 0.
    """
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    """Forward-propagate inputs through a network of L layers.

    weights is a list of L matrices, layer l's of shape (n_l, n_(l+1));
    biases is a list of L vectors, or None for a network without biases.
    Every layer but the last applies ReLU; the last (output) layer is
    linear, so a prediction can be negative. inputs of shape (n_in,) give
    (n_out,); inputs of shape (m, n_in) give (m, n_out).

    Bank example: forward([2, 3], [[[1, -1], [1, 1]], [[2], [-1]]]) == [9]
    (hidden layer [5, 1], then 5*2 + 1*(-1) = 9).
    Deep-ReLU example: with weights [[2, 4], [4, -5]], [[-1, 1], [2, 2]] and
    [[2], [7]], forward([3, 5], ...) == [182] (layers [26, 0], [0, 26]).
    """
    if biases is None:
        biases = [None] * len(weights)
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, W, b)
    out = np.dot(a, weights[-1])
    if biases[-1] is not None:
        out = out + biases[-1]
    return out


def softmax(z):
    """Turn raw scores into probabilities along the last axis.

    z has shape (n,) or (m, n); the result has the same shape, each entry
    exp(z_j) / sum_k exp(z_k) for its row, so every row sums to 1.
    Subtracting the row's maximum first gives the same result without
    overflow: softmax([1000, 1000]) == [0.5, 0.5], and softmax([0, 0]) too.
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels.

    scores has shape (m, n): one row of raw scores (logits) per example;
    labels has shape (m,): the index of each example's true class. The loss
    is the mean over rows of -log(softmax(scores)[i, labels[i]]), a number.
    Computed stably: cross_entropy_loss([[1000, 0]], [1]) == 1000.0, and
    cross_entropy_loss([[0, 0]], [0]) == log(2), about 0.693.
    """
    probs = softmax(scores)
    m = len(labels)
    return float(-np.log(probs[range(m), labels]).mean())
