# %% [markdown]
# # Forward propagation
#
# A neural network turns inputs into a prediction by *forward propagation*:
# each node multiplies its inputs by weights, adds them up (and a bias), and
# passes the sum through an activation function. You will write the six
# functions below, then run each check cell. `grade forward.ipynb` in a
# terminal gives the full grade, with hidden tests.
#
# Conventions: examples are rows; a layer's weight matrix has shape
# `(n_in, n_out)` and its column `j` holds the weights into node `j`; biases
# have shape `(n_out,)`.


# %% active="py"
# BEGIN SOLUTION ONLY
"""Reference solutions for the forward-propagation exercises.

Conventions used throughout (the same as in exercises/forward.py):
examples are rows; a layer's weight matrix has shape (n_in, n_out) and its
column j holds the weights into node j; biases have shape (n_out,) and are
broadcast over the rows; a single data point may be given as a 1-D array.
No function modifies its arguments.
"""
# END SOLUTION ONLY
# BEGIN STUB
# """Forward-propagation exercises: fill in the six functions below.
#
# Conventions used throughout:
# examples are rows; a layer's weight matrix has shape (n_in, n_out) and its
# column j holds the weights into node j; biases have shape (n_out,) and are
# broadcast over the rows; a single data point may be given as a 1-D array.
# No function may modify its arguments.
#
# Check your work with:  grade forward.py
# """
# END STUB

from __future__ import annotations

# BEGIN STUB
# import numpy as np  # noqa: F401  (you will need it)
# END STUB
# BEGIN SOLUTION ONLY
# ruff: noqa: RUF100 (the noqa above is for the stub, which imports numpy but does not use it)
import numpy as np

# END SOLUTION ONLY


# %% active="ipynb"
# import numpy as np


# %% [markdown]
# ## 1. ReLU
#
# The rectified linear activation returns a positive input unchanged and turns
# a negative input into 0: `relu(3) = 3`, `relu(-3) = 0`. Your version must
# also work elementwise on arrays.


# %%
def relu(x):
    """Apply the rectified linear activation, max(0, x), elementwise.

    A Python or numpy scalar gives a scalar; an array-like gives an array of
    the same shape. The input is not modified.

    The course's examples: relu(3) == 3 and relu(-3) == 0, because ReLU
    returns a positive input unchanged and turns a negative input into 0.
    """
    # BEGIN SOLUTION
    return np.maximum(0, x)
    # END SOLUTION


# %% [markdown]
# ## 2. One node
#
# The bank example predicts transactions from 2 children and 3 accounts. The
# top hidden node has weights `[1, 1]`: `2*1 + 3*1 = 5`. The bottom node has
# weights `[-1, 1]`: `2*(-1) + 3*1 = 1`. Multiply, then add up.


# %%
def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias.

    inputs and weights have shape (n,); the result is a single number.

    Bank example from the course (2 children, 3 accounts): the top hidden
    node has weights [1, 1], so node_value([2, 3], [1, 1]) == 5; the bottom
    node has weights [-1, 1], so node_value([2, 3], [-1, 1]) == 1.
    """
    # BEGIN SOLUTION
    products = np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)
    return float(products.sum() + bias)
    # END SOLUTION


# %% [markdown]
# ## 3. A hidden layer
#
# All nodes of a layer at once: `inputs @ weights` gives every node's sum,
# then add the biases and apply ReLU. In the deeper network, inputs `[3, 5]`
# and weights `[[2, 4], [4, -5]]` give `[26, -13]`, so the layer is `[26, 0]`.


# %%
def hidden_layer(inputs, weights, biases=None):
    """Return a hidden layer's values: relu(inputs @ weights + biases).

    inputs has shape (n_in,) for one data point or (m, n_in) for m rows;
    weights has shape (n_in, n_out); biases has shape (n_out,), or is None
    for a layer without biases. The result has shape (n_out,) or (m, n_out).

    Deep-ReLU example from the course: hidden_layer([3, 5], [[2, 4], [4, -5]])
    gives [26, 0], since 3*2 + 5*4 = 26 and relu(3*4 + 5*(-5)) = relu(-13) = 0.
    """
    # BEGIN SOLUTION
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)
    # END SOLUTION


# %% [markdown]
# ## 4. The whole network
#
# Repeat the layer for every hidden layer, then compute the output layer
# *without* ReLU: predictions may be negative. The bank network predicts
# `[9]`; the deeper network with inputs 3 and 5 predicts `[182]`.


# %%
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
    # BEGIN SOLUTION
    if biases is None:
        biases = [None] * len(weights)
    values = np.asarray(inputs, dtype=float)
    for layer_weights, layer_biases in zip(weights[:-1], biases[:-1], strict=True):
        values = hidden_layer(values, layer_weights, layer_biases)
    # The output layer is linear: no ReLU, so negative predictions survive.
    output = values @ np.asarray(weights[-1], dtype=float)
    if biases[-1] is not None:
        output = output + np.asarray(biases[-1], dtype=float)
    return output
    # END SOLUTION


# %% [markdown]
# ## 5. Softmax
#
# Softmax turns each row of raw scores into probabilities that sum to 1:
# `exp(z_j) / sum_k exp(z_k)`. Subtract the row maximum first, so that
# `softmax([1000, 1000])` is `[0.5, 0.5]` instead of `nan`.


# %%
def softmax(z):
    """Turn raw scores into probabilities along the last axis.

    z has shape (n,) or (m, n); the result has the same shape, each entry
    exp(z_j) / sum_k exp(z_k) for its row, so every row sums to 1.
    Subtracting the row's maximum first gives the same result without
    overflow: softmax([1000, 1000]) == [0.5, 0.5], and softmax([0, 0]) too.
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    shifted = z - z.max(axis=-1, keepdims=True)
    exps = np.exp(shifted)
    return exps / exps.sum(axis=-1, keepdims=True)
    # END SOLUTION


# %% [markdown]
# ## 6. Cross-entropy loss
#
# The loss of one example is `-log` of the probability softmax gives its true
# class; the loss of a batch is the mean over its rows. Computed stably,
# `cross_entropy_loss([[1000, 0]], [1])` is `1000.0`.


# %%
def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels.

    scores has shape (m, n): one row of raw scores (logits) per example;
    labels has shape (m,): the index of each example's true class. The loss
    is the mean over rows of -log(softmax(scores)[i, labels[i]]), a number.
    Computed stably: cross_entropy_loss([[1000, 0]], [1]) == 1000.0, and
    cross_entropy_loss([[0, 0]], [0]) == log(2), about 0.693.
    """
    # BEGIN SOLUTION
    scores = np.atleast_2d(np.asarray(scores, dtype=float))
    labels = np.asarray(labels, dtype=np.int64).reshape(-1)
    shifted = scores - scores.max(axis=-1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    return float(-log_probs[np.arange(len(labels)), labels].mean())
    # END SOLUTION
