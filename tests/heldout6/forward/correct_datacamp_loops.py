from __future__ import annotations

import numpy as np


# ReLU like in the DataCamp course, but it has to work on arrays too
def relu(x):
    if np.isscalar(x):
        return max(0, x)
    arr = np.array(x, dtype=float)   # copy so we don't touch the input
    arr[arr < 0] = 0
    return arr


def node_value(inputs, weights, bias=0.0):
    # multiply - add process
    total = 0.0
    for i in range(len(inputs)):
        total += inputs[i] * weights[i]
    return total + bias


def hidden_layer(inputs, weights, biases=None):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    n_out = weights.shape[1]
    if inputs.ndim == 1:
        values = np.zeros(n_out)
        for j in range(n_out):
            b = 0.0 if biases is None else biases[j]
            values[j] = relu(node_value(inputs, weights[:, j], b))
        return values
    # several rows: do every row on its own
    rows = [hidden_layer(row, weights, biases) for row in inputs]
    return np.array(rows).reshape(len(inputs), n_out)


def forward(inputs, weights, biases=None):
    layer_values = np.array(inputs, dtype=float)
    n_layers = len(weights)
    for l in range(n_layers):
        W = np.array(weights[l], dtype=float)
        b = 0.0 if biases is None else np.array(biases[l], dtype=float)
        layer_input = layer_values @ W + b
        if l < n_layers - 1:
            layer_values = relu(layer_input)
        else:
            layer_values = layer_input   # output layer: no relu!
    return layer_values


def softmax(z):
    z = np.array(z, dtype=float)
    if z.ndim == 1:
        exps = np.exp(z - z.max())
        return exps / exps.sum()
    result = np.zeros_like(z)
    for i in range(z.shape[0]):
        exps = np.exp(z[i] - z[i].max())
        result[i] = exps / exps.sum()
    return result


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    losses = []
    for i in range(len(labels)):
        row = scores[i]
        mx = row.max()
        log_total = mx + np.log(np.sum(np.exp(row - mx)))
        losses.append(log_total - row[labels[i]])
    return float(np.mean(losses))


# quick checks from the slides
# print(node_value([2, 3], [1, 1]))        # 5
# print(forward([2, 3], [[[1, -1], [1, 1]], [[2], [-1]]]))  # [9]
