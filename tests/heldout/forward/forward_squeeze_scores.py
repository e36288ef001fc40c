"""Forward-propagation exercises: fill in the six functions below.

Conventions used throughout (the same as in solutions/forward.py):
examples are rows; a layer's weight matrix has shape (n_in, n_out) and its
column j holds the weights into node j; biases have shape (n_out,) and are
broadcast over the rows; a single data point may be given as a 1-D array.
No function may modify its arguments.

Check your work with:  grade forward.py
"""

from __future__ import annotations

from builtins import range
import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    """ReLU forward pass."""
    out = None
    ###########################################################################
    # TODO: Implement the ReLU forward pass.                                  #
    ###########################################################################
    out = np.maximum(0, x)
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return out


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias.

    inputs and weights have shape (n,); the result is a single number.

    Bank example from the course (2 children, 3 accounts): the top hidden
    node has weights [1, 1], so node_value([2, 3], [1, 1]) == 5; the bottom
    node has weights [-1, 1], so node_value([2, 3], [-1, 1]) == 1.
    """
    out = None
    out = np.asarray(inputs, dtype=np.float64).dot(np.asarray(weights, dtype=np.float64)) + bias
    return out


def hidden_layer(inputs, weights, biases=None):
    """affine - relu"""
    out = None
    ###########################################################################
    # TODO: affine forward then relu                                          #
    ###########################################################################
    X = np.asarray(inputs, dtype=np.float64)
    W = np.asarray(weights, dtype=np.float64)
    h = X.dot(W)
    if biases is not None:
        h += biases
    out = relu(h)
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return out


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
    scores = None
    h = np.asarray(inputs, dtype=np.float64)
    num_layers = len(weights)
    for i in range(num_layers):
        W = np.asarray(weights[i], dtype=np.float64)
        b = 0.0 if biases is None else np.asarray(biases[i], dtype=np.float64)
        scores = h.dot(W) + b
        if i < num_layers - 1:
            h = np.maximum(0, scores)
    return np.squeeze(scores)


def softmax(z):
    """Turn raw scores into probabilities along the last axis.

    z has shape (n,) or (m, n); the result has the same shape, each entry
    exp(z_j) / sum_k exp(z_k) for its row, so every row sums to 1.
    Subtracting the row's maximum first gives the same result without
    overflow: softmax([1000, 1000]) == [0.5, 0.5], and softmax([0, 0]) too.
    """
    probs = None
    scores = np.array(z, dtype=np.float64)      # copy, the caller's array stays intact
    scores -= np.max(scores, axis=-1, keepdims=True)
    probs = np.exp(scores)
    probs /= np.sum(probs, axis=-1, keepdims=True)
    return probs


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels.

    scores has shape (m, n): one row of raw scores (logits) per example;
    labels has shape (m,): the index of each example's true class. The loss
    is the mean over rows of -log(softmax(scores)[i, labels[i]]), a number.
    Computed stably: cross_entropy_loss([[1000, 0]], [1]) == 1000.0, and
    cross_entropy_loss([[0, 0]], [0]) == log(2), about 0.693.
    """
    loss = None
    x = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels)
    shifted_logits = x - np.max(x, axis=1, keepdims=True)
    Z = np.sum(np.exp(shifted_logits), axis=1, keepdims=True)
    log_probs = shifted_logits - np.log(Z)
    N = x.shape[0]
    loss = -np.sum(log_probs[np.arange(N), y]) / N
    return loss
