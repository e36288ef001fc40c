import numpy as np


def relu(x):
    x = np.array(x)
    return np.where(x < 0, 0, x)


def node_value(inputs, weights, bias=0.0):
    total = 0
    for i in range(len(inputs)):
        total = total + inputs[i] * weights[i]
    total = total + bias
    return total


def hidden_layer(inputs, weights, biases=None):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    if inputs.ndim == 2:
        return np.array([hidden_layer(row, weights, biases) for row in inputs])
    numNodes = weights.shape[1]
    layerValues = []
    for j in range(numNodes):
        b = 0.0
        if biases is not None:
            b = biases[j]
        layerValues.append(relu(node_value(inputs, weights[:, j], b)))
    return np.array(layerValues)


def forward(inputs, weights, biases=None):
    if biases is None:
        hidden = hidden_layer(inputs, weights[0])
        output = np.dot(hidden, np.array(weights[1], dtype=float))
    else:
        hidden = hidden_layer(inputs, weights[0], biases[0])
        output = np.dot(hidden, np.array(weights[1], dtype=float)) + np.array(biases[1])
    return output


def softmax(z):
    z = np.array(z, dtype=float)
    if z.ndim == 1:
        z = z - np.max(z)
        expZ = np.exp(z)
        return expZ / np.sum(expZ)
    else:
        z = z - np.max(z, axis=1).reshape(-1, 1)
        expZ = np.exp(z)
        return expZ / np.sum(expZ, axis=1).reshape(-1, 1)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    row = scores[0]
    maxScore = np.max(row)
    logSumExp = maxScore + np.log(np.sum(np.exp(row - maxScore)))
    loss = logSumExp - row[labels[0]]
    return loss
