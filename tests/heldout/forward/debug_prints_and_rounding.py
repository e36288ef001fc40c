import math

import numpy as np


def _is_number(x):
    return np.ndim(x) == 0


def _layer_row(row, weights, biases, activation):
    n_out = len(weights[0])
    values = []
    for j in range(n_out):
        column = [weights[i][j] for i in range(len(weights))]
        b = 0.0 if biases is None else biases[j]
        s = node_value(row, column, b)
        values.append(relu(s) if activation else s)
    return values


def relu(x):
    print("relu input:", x)
    if _is_number(x):
        return x if x > 0 else 0
    arr = np.array(x, dtype=float)
    out = np.zeros(arr.shape)
    for idx in np.ndindex(arr.shape):
        if arr[idx] > 0:
            out[idx] = arr[idx]
    print("relu output:", out)
    return out


def node_value(inputs, weights, bias=0.0):
    total = 0.0
    for x, w in zip(inputs, weights):
        total += x * w
    return total + bias


def hidden_layer(inputs, weights, biases=None):
    print("hidden layer, inputs =", inputs)
    if np.ndim(inputs) == 1:
        result = np.array(_layer_row(inputs, weights, biases, True), dtype=float)
    else:
        result = np.array([_layer_row(row, weights, biases, True) for row in inputs], dtype=float)
    print("hidden layer values:", result)
    return result


def forward(inputs, weights, biases=None):
    values = inputs
    for k in range(len(weights)):
        b = None if biases is None else biases[k]
        last = k == len(weights) - 1
        if np.ndim(values) == 1:
            values = _layer_row(values, weights[k], b, not last)
        else:
            values = [_layer_row(row, weights[k], b, not last) for row in values]
    return np.array(values, dtype=float)


def _softmax_row(row):
    biggest = max(row)
    exps = [math.exp(v - biggest) for v in row]
    total = sum(exps)
    print("exps:", exps, "total:", total)
    return [round(e / total, 4) for e in exps]


def softmax(z):
    if np.ndim(z) == 1:
        return np.array(_softmax_row(z))
    return np.array([_softmax_row(row) for row in z])


def cross_entropy_loss(scores, labels):
    probs = softmax(scores)
    print("probs:", probs)
    l = 0
    for i, j in enumerate(labels):
        l += -math.log(probs[i][j] + 1e-05)
        print("example", i, "running loss", l)
    return l / len(labels)
