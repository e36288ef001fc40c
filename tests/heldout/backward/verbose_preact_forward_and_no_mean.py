"""Backpropagation exercises: fill in the five functions below.

Conventions (the same as forward propagation's): examples are rows, inputs have
shape (m, n_in); a layer's weights have shape (n_in, n_out) and its biases (n_out,);
hidden layers apply ReLU, the output layer is linear, softmax turns its scores into
probabilities and the loss is the MEAN cross-entropy over the m rows; labels are
class indices, shape (m,). No function may modify its arguments.

Check your work with:  grade backward.py
"""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)

def relu_grad(z):
    """Return ReLU's derivative at z: 1.0 where z > 0, else 0.0, with z's shape.

    z is an array of pre-activations (any shape); the result is a float array
    of the same shape. At z == 0 the derivative is taken to be 0. z is not
    modified.

    Examples: relu_grad([3, -3]) == [1, 0]; relu_grad([2, 0, -1]) == [1, 0, 0];
    the deep-ReLU network's first layer, Z1 = [[26, -13]], gives [[1, 0]].
    """
    # Step 1: make sure we work on a float array (lists are allowed as input)
    z_array = np.asarray(z, dtype=float)
    # Step 2: build the mask. True where the node was "on"
    mask = z_array > 0
    # Step 3: turn True/False into 1.0/0.0 (a new array, z is untouched)
    derivative = mask.astype(float)
    return derivative


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
    # Step 1: probabilities with the stable softmax from forward propagation
    probabilities = softmax(scores)
    number_of_examples = probabilities.shape[0]
    number_of_classes = probabilities.shape[1]
    # Step 2: one-hot encode the labels
    label_array = np.asarray(labels, dtype=int)
    one_hot = np.zeros((number_of_examples, number_of_classes))
    one_hot[np.arange(number_of_examples), label_array] = 1.0
    # Step 3: the loss is a MEAN so every row is divided by m
    gradient = probabilities - one_hot
    return gradient


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
    inputs_array = np.asarray(inputs, dtype=float)
    weights_array = np.asarray(weights, dtype=float)
    grad_out_array = np.asarray(grad_out, dtype=float)
    # (m, n_out) @ (n_out, n_in) -> (m, n_in)
    grad_inputs = np.matmul(grad_out_array, weights_array.T)
    # (n_in, m) @ (m, n_out) -> (n_in, n_out)
    grad_weights = np.matmul(inputs_array.T, grad_out_array)
    # sum over the examples -> (n_out,)
    grad_biases = np.sum(grad_out_array, axis=0)
    return grad_inputs, grad_weights, grad_biases


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
    number_of_layers = len(weights)
    # ---- forward pass ----
    layer_inputs = []        # A_(l-1) for every layer
    pre_activations = []     # Z_l for every layer
    current = np.asarray(inputs, dtype=float)
    for layer_index in range(number_of_layers):
        layer_inputs.append(current)
        z = np.matmul(current, weights[layer_index]) + biases[layer_index]
        pre_activations.append(z)
        if layer_index < number_of_layers - 1:
            current = z                  # hidden layer (ReLU is only needed in the backward pass)
        else:
            current = z                  # output layer: linear
    # ---- backward pass ----
    grad_weights = [None] * number_of_layers
    grad_biases = [None] * number_of_layers
    grad_z = softmax_cross_entropy_grad(pre_activations[-1], labels)
    for layer_index in range(number_of_layers - 1, -1, -1):
        grad_a, grad_w, grad_b = dense_backward(layer_inputs[layer_index], weights[layer_index], grad_z)
        grad_weights[layer_index] = grad_w
        grad_biases[layer_index] = grad_b
        if layer_index > 0:
            grad_z = grad_a * relu_grad(pre_activations[layer_index - 1])
    return grad_weights, grad_biases


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
    new_weights = []
    new_biases = []
    for layer_index in range(len(weights)):
        updated_w = weights[layer_index] - learning_rate * grad_weights[layer_index]
        updated_b = biases[layer_index] - learning_rate * grad_biases[layer_index]
        new_weights.append(updated_w)
        new_biases.append(updated_b)
    return new_weights, new_biases
