# BEGIN SOLUTION ONLY
"""Reference solutions for the backpropagation exercises, in the authoring format.

This file is the single source of exercises/backward.py and exercises/backward.ipynb
(``python -m grader.authoring build backward``): markdown cells retell the worked
examples, ``# BEGIN SOLUTION`` / ``# END SOLUTION`` enclose what students write.

Conventions (the same as forward propagation's): examples are rows, inputs have
shape (m, n_in); a layer's weights have shape (n_in, n_out) and its biases (n_out,);
hidden layers apply ReLU, the output layer is linear, softmax turns its scores into
probabilities and the loss is the MEAN cross-entropy over the m rows; labels are
class indices, shape (m,). No function modifies its arguments.
"""
# END SOLUTION ONLY
# BEGIN STUB
# """Backpropagation exercises: fill in the five functions below.
#
# Conventions (the same as forward propagation's): examples are rows, inputs have
# shape (m, n_in); a layer's weights have shape (n_in, n_out) and its biases (n_out,);
# hidden layers apply ReLU, the output layer is linear, softmax turns its scores into
# probabilities and the loss is the MEAN cross-entropy over the m rows; labels are
# class indices, shape (m,). No function may modify its arguments.
#
# Check your work with:  grade backward.py
# """
# END STUB

from __future__ import annotations

import numpy as np

# %% [markdown]
# # Backpropagation
#
# Forward propagation turns inputs into scores, softmax turns scores into
# probabilities, and the cross-entropy loss says how wrong they are. Training
# means changing every weight and bias a little in the direction that lowers
# the loss. For that we need the loss's *gradient*: for every parameter, how
# much the loss changes when that parameter grows a little. Backpropagation
# computes all of them in one pass from the output back to the inputs, using
# the chain rule one layer at a time.
#
# Notation from the generalized forward propagation: `A0` is the input (one row
# per example), and for each layer `l`
#
# ```
# Z_l = A_(l-1) @ W_l + b_l        (pre-activation, shape (m, n_l))
# A_l = relu(Z_l)                  (hidden layers only)
# P   = softmax(Z_L)               (the last layer's scores, no ReLU)
# loss = mean over rows i of -log P[i, y_i]
# ```
#
# We write `dX` for the gradient of the loss with respect to `X`; it always
# has the shape of `X`.
#
# **The worked example.** The course's bank network predicts a number of
# transactions (9) from 2 children and 3 accounts. Softmax over a single
# output would always give probability 1, so we turn the network into a
# classifier with *two* outputs: class 0 "busy customer" keeps the course's
# weights `[2, -1]`, and class 1 "quiet customer" gets weights `[1, 4]`. All
# biases are 0. For the customer with inputs `[2, 3]`, labelled busy (class 0):
#
# ```
# Z1 = [2, 3] @ [[1, -1], [1, 1]]   = [5, 1]      A1 = relu(Z1) = [5, 1]
# Z2 = [5, 1] @ [[2, 1], [-1, 4]]   = [9, 9]      (5*2 + 1*(-1), 5*1 + 1*4)
# P  = softmax([9, 9])              = [0.5, 0.5]  loss = -log 0.5 = 0.693
# ```
#
# The network cannot decide. The exercises below compute, step by step, which
# way each weight has to move so that it says "busy".


# %%
def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


# %% [markdown]
# ## 1. The slope of ReLU
#
# `relu(z) = max(0, z)` has slope 1 where `z > 0` (it passes `z` on unchanged)
# and slope 0 where `z < 0` (it is flat at 0). At `z = 0` it has a corner; we
# take the slope there to be 0, like every library does. So
# `relu_grad([3, -3]) == [1, 0]`, and in the deeper network of the course,
# whose first layer computes `Z1 = [26, -13]`, `relu_grad([[26, -13]]) ==
# [[1, 0]]`: the second node was switched off, so no change of its weights can
# change the output.


# %%
def relu_grad(z):
    """Return ReLU's derivative at z: 1.0 where z > 0, else 0.0, with z's shape.

    z is an array of pre-activations (any shape); the result is a float array
    of the same shape. At z == 0 the derivative is taken to be 0. z is not
    modified.

    Examples: relu_grad([3, -3]) == [1, 0]; relu_grad([2, 0, -1]) == [1, 0, 0];
    the deep-ReLU network's first layer, Z1 = [[26, -13]], gives [[1, 0]].
    """
    # BEGIN SOLUTION
    return (np.asarray(z, dtype=float) > 0).astype(float)
    # END SOLUTION


# %% [markdown]
# ## 2. Where backpropagation starts: softmax and cross-entropy together
#
# The loss depends on the scores through softmax and then -log. Taken
# together their derivative is remarkably simple: for one row, the gradient of
# `-log softmax(z)[y]` with respect to `z` is `softmax(z) - onehot(y)`, where
# `onehot(y)` is a row of zeros with a 1 at the label's column. Because the
# loss is the *mean* over the m rows, every row's gradient is divided by m.
#
# Bank example: `P = [0.5, 0.5]` and the label is 0, so `onehot = [1, 0]` and
#
# ```
# dZ2 = ([0.5, 0.5] - [1, 0]) / 1 = [-0.5, 0.5]
# ```
#
# Negative for the busy score (raising it lowers the loss), positive for the
# quiet one. With two rows, scores `[[0, 0], [0, 0]]` and labels `[0, 1]`,
# each row's `[-0.5, 0.5]` or `[0.5, -0.5]` is divided by m = 2:
# `[[-0.25, 0.25], [0.25, -0.25]]`. Use the stable `softmax` above: for scores
# `[[1000, 0]]` and label 1 the gradient is `[[1, -1]]`, not nan.


# %%
def softmax_cross_entropy_grad(scores, labels):
    """Return the gradient of the mean cross-entropy loss with respect to the scores.

    scores has shape (m, n): one row of raw scores per example; labels has
    shape (m,): each example's class index. The result has shape (m, n):
    (softmax(scores) - onehot(labels)) / m, where onehot(labels)[i, labels[i]]
    is 1 and every other entry 0. Use the stable softmax above.

    Examples: the bank classifier's scores [[9, 9]] with label [0] give
    [[-0.5, 0.5]]; scores [[0, 0], [0, 0]] with labels [0, 1] give
    [[-0.25, 0.25], [0.25, -0.25]]; scores [[1000, 0]] with label [1] give
    [[1, -1]].
    """
    # BEGIN SOLUTION
    probs = softmax(scores)
    m = len(probs)
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), np.asarray(labels, dtype=np.int64)] = 1.0
    # The loss is a mean over the rows, so each row counts 1/m.
    return (probs - onehot) / m
    # END SOLUTION


# %% [markdown]
# ## 3. Back through one dense layer
#
# A dense layer computes `Z = inputs @ weights + biases`. Given `dZ` (called
# `grad_out`, shape `(m, n_out)`), the chain rule gives three gradients:
#
# - `grad_inputs = grad_out @ weights.T`, shape `(m, n_in)`: input `i` feeds
#   every node `j` through `weights[i, j]`, so it collects
#   `grad_out[:, j] * weights[i, j]` from all of them.
# - `grad_weights = inputs.T @ grad_out`, shape `(n_in, n_out)`: `weights[i, j]`
#   multiplies `inputs[:, i]` into node `j`, in every row; the rows' effects add up.
# - `grad_biases = grad_out.sum(axis=0)`, shape `(n_out,)`: a bias is added to
#   every row, so it collects the gradient of all of them.
#
# Check the shapes: each gradient has the shape of what it is the gradient of.
#
# The bank network's output layer: `inputs = A1 = [[5, 1]]`, `weights =
# [[2, 1], [-1, 4]]` and `grad_out = dZ2 = [[-0.5, 0.5]]`:
#
# ```
# grad_inputs  = [[-0.5*2 + 0.5*1, -0.5*(-1) + 0.5*4]] = [[-0.5, 2.5]]
# grad_weights = [[5], [1]] @ [[-0.5, 0.5]]             = [[-2.5, 2.5], [-0.5, 0.5]]
# grad_biases  = [-0.5, 0.5]
# ```
#
# So the busy node's weights should grow (their gradient is negative) and the
# quiet node's shrink, most of all those from the first hidden node, whose
# value 5 is largest.


# %%
def dense_backward(inputs, weights, grad_out):
    """Backpropagate through z = inputs @ weights + biases.

    inputs has shape (m, n_in), weights (n_in, n_out), and grad_out (m, n_out)
    is the gradient of the loss with respect to z. Returns the tuple
    (grad_inputs, grad_weights, grad_biases) = (grad_out @ weights.T,
    inputs.T @ grad_out, grad_out.sum(axis=0)), of shapes (m, n_in),
    (n_in, n_out) and (n_out,): the shapes of inputs, weights and biases.

    Bank output layer: dense_backward([[5, 1]], [[2, 1], [-1, 4]], [[-0.5, 0.5]])
    gives ([[-0.5, 2.5]], [[-2.5, 2.5], [-0.5, 0.5]], [-0.5, 0.5]).
    """
    # BEGIN SOLUTION
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = grad_out @ weights.T
    grad_weights = inputs.T @ grad_out
    # Every row adds the same bias, so its gradient collects all rows' gradients.
    grad_biases = grad_out.sum(axis=0)
    return grad_inputs, grad_weights, grad_biases
    # END SOLUTION


# %% [markdown]
# ## 4. The whole network
#
# Backpropagation runs the forward pass first, keeping each layer's input
# `A_(l-1)` and pre-activation `Z_l`, then walks back from the last layer:
#
# 1. `dZ_L = softmax_cross_entropy_grad(Z_L, labels)`.
# 2. For `l = L, ..., 1`: `dense_backward(A_(l-1), W_l, dZ_l)` gives `dA_(l-1)`,
#    `dW_l` and `db_l`.
# 3. Below a hidden layer, ReLU's slope switches the gradient on or off:
#    `dZ_(l-1) = dA_(l-1) * relu_grad(Z_(l-1))`, elementwise. The output layer
#    has no ReLU, so step 1 needs no mask.
#
# Bank example, continued. The output layer gave `dA1 = [[-0.5, 2.5]]`; both
# hidden nodes were positive (`Z1 = [5, 1]`), so `dZ1 = [[-0.5, 2.5]]` and
#
# ```
# dW1 = [[2], [3]] @ [[-0.5, 2.5]] = [[-1, 5], [-1.5, 7.5]]      db1 = [-0.5, 2.5]
# ```
#
# `backward` returns `([dW1, dW2], [db1, db2])`, in the layers' order.
#
# Where ReLU switches a node off, its gradient stops there. The deep-ReLU
# network's first layer `[[2, 4], [4, -5]]` turns inputs `[3, 5]` into
# `Z1 = [26, -13]`, `A1 = [26, 0]`. With output weights `[[2, 1], [7, 9]]` and
# output biases `[0, 26]` the scores are `[52, 52]`; with label 1,
# `dZ2 = [0.5, -0.5]`, `dA1 = [0.5*2 - 0.5*1, 0.5*7 - 0.5*9] = [0.5, -1]`, and
# the mask `[1, 0]` gives `dZ1 = [0.5, 0]`: the switched-off node's weights get
# gradient 0 (`dW1 = [[1.5, 0], [2.5, 0]]`).
#
# The mask can come from `Z` (`Z > 0`) or from `A = relu(Z)` (`A > 0`): the
# two are the same. And since the loss is a mean, a batch of the same customer
# twice has exactly the same gradients as the customer once.


# %%
def backward(inputs, weights, biases, labels):
    """Return the gradients of the mean cross-entropy loss for every parameter.

    inputs has shape (m, n_0); weights is a list of L matrices, layer l's of
    shape (n_l, n_(l+1)); biases a list of L vectors of shape (n_(l+1),);
    labels has shape (m,), class indices. The network is forward's: ReLU after
    every layer but the last, whose scores go into softmax and the mean
    cross-entropy loss. Returns the tuple (grad_weights, grad_biases): two
    lists, in the layers' order, each gradient of its parameter's shape.

    Bank classifier: inputs [[2, 3]], weights [[1, -1], [1, 1]] and
    [[2, 1], [-1, 4]], zero biases, labels [0] give grad_weights
    [[[-1, 5], [-1.5, 7.5]], [[-2.5, 2.5], [-0.5, 0.5]]] and grad_biases
    [[-0.5, 2.5], [-0.5, 0.5]].
    """
    # BEGIN SOLUTION
    # Forward pass, keeping what the backward pass needs: each layer's input and z.
    layer_inputs, pre_activations = [], []
    values = np.asarray(inputs, dtype=float)
    for layer_weights, layer_biases in zip(weights, biases, strict=True):
        layer_inputs.append(values)
        z = values @ np.asarray(layer_weights, dtype=float) + np.asarray(layer_biases, dtype=float)
        pre_activations.append(z)
        values = np.maximum(0, z)  # unused after the output layer, which is linear
    grad = softmax_cross_entropy_grad(pre_activations[-1], labels)
    grad_weights, grad_biases = [None] * len(weights), [None] * len(weights)
    for layer in reversed(range(len(weights))):
        grad_in, grad_weights[layer], grad_biases[layer] = dense_backward(
            layer_inputs[layer], weights[layer], grad
        )
        if layer > 0:
            # Below us is a hidden layer: its ReLU passes the gradient only where z > 0.
            grad = grad_in * relu_grad(pre_activations[layer - 1])
    return grad_weights, grad_biases
    # END SOLUTION


# %% [markdown]
# ## 5. One step of gradient descent
#
# The gradient points uphill: the direction in which the loss grows fastest.
# Gradient descent takes a small step the other way, for every parameter:
# `new = old - learning_rate * gradient`.
#
# Bank example with learning rate 0.1:
#
# ```
# W1: [[1, -1], [1, 1]]  - 0.1 * [[-1, 5], [-1.5, 7.5]]   = [[1.1, -1.5], [1.15, 0.25]]
# W2: [[2, 1], [-1, 4]]  - 0.1 * [[-2.5, 2.5], [-0.5, 0.5]] = [[2.25, 0.75], [-0.95, 3.95]]
# b1: [0, 0] - 0.1 * [-0.5, 2.5] = [0.05, -0.25]    b2: [0, 0] - 0.1 * [-0.5, 0.5] = [0.05, -0.05]
# ```
#
# Run forward again: `Z1 = [5.7, -2.5]`, `A1 = [5.7, 0]`, scores
# `[12.875, 4.225]`. The network now says "busy" with probability 0.99982, and
# the loss fell from 0.693 to 0.00018. Return new lists; the arguments must
# not change (`w -= ...` would write into the caller's arrays).


# %%
def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """Return the parameters after one step of gradient descent.

    weights and biases are lists of arrays (a network's parameters),
    grad_weights and grad_biases lists of arrays of the same shapes, and
    learning_rate a number. Returns the tuple (new_weights, new_biases) of new
    lists, each parameter p replaced by p - learning_rate * grad_p. The
    arguments are not modified.

    Bank example, learning rate 0.1: weights [[1, -1], [1, 1]] and
    [[2, 1], [-1, 4]] with the gradients from backward become
    [[1.1, -1.5], [1.15, 0.25]] and [[2.25, 0.75], [-0.95, 3.95]]; zero
    biases become [0.05, -0.25] and [0.05, -0.05].
    """
    # BEGIN SOLUTION
    new_weights = [
        np.asarray(w, dtype=float) - learning_rate * np.asarray(g, dtype=float)
        for w, g in zip(weights, grad_weights, strict=True)
    ]
    new_biases = [
        np.asarray(b, dtype=float) - learning_rate * np.asarray(g, dtype=float)
        for b, g in zip(biases, grad_biases, strict=True)
    ]
    return new_weights, new_biases
    # END SOLUTION


# %% [markdown]
# ## Check your gradients numerically
#
# A gradient says how much the loss changes when one parameter moves a little,
# so it can be checked by moving it: `(loss(w + eps) - loss(w - eps)) / (2 eps)`
# should match your `backward` to about 6 digits. Run the cell below on the
# bank example (or any network) after you have written `backward`.

# %% active="ipynb"
# def mean_loss(inputs, weights, biases, labels):
#     values = np.asarray(inputs, dtype=float)
#     for k, (w, b) in enumerate(zip(weights, biases)):
#         values = values @ w + b
#         if k < len(weights) - 1:
#             values = np.maximum(0, values)
#     log_probs = np.log(softmax(values))
#     return -log_probs[np.arange(len(labels)), labels].mean()
#
#
# def check_gradients(inputs, weights, biases, labels, eps=1e-6):
#     grad_weights, _ = backward(inputs, weights, biases, labels)
#     for layer, w in enumerate(weights):
#         for index in np.ndindex(w.shape):
#             up, down = [v.copy() for v in weights], [v.copy() for v in weights]
#             up[layer][index] += eps
#             down[layer][index] -= eps
#             slope = (mean_loss(inputs, up, biases, labels)
#                      - mean_loss(inputs, down, biases, labels)) / (2 * eps)
#             print(f"W{layer + 1}{list(index)}: backward "
#                   f"{grad_weights[layer][index]:+.6f}, numerical {slope:+.6f}")
#
#
# # Runs here in the notebook, but not when the notebook is graded.
# if __name__ == "__main__":
#     check_gradients(
#         np.array([[2.0, 3.0]]),
#         [np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([[2.0, 1.0], [-1.0, 4.0]])],
#         [np.zeros(2), np.zeros(2)],
#         np.array([0]),
#     )
