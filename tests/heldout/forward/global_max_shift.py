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
    numLayers = len(weights)
    current = np.array(inputs, dtype=float)
    for l in range(numLayers - 1):
        if biases is None:
            current = hidden_layer(current, weights[l])
        else:
            current = hidden_layer(current, weights[l], biases[l])
    # output layer, no relu!!
    output = np.dot(current, np.array(weights[numLayers - 1], dtype=float))
    if biases is not None:
        output = output + np.array(biases[numLayers - 1])
    #print("output", output)
    return output


def softmax(z):
    z = np.array(z, dtype=float)
    z = z - np.max(z)      # for stability
    expZ = np.exp(z)
    if z.ndim == 1:
        return expZ / np.sum(expZ)
    return expZ / np.sum(expZ, axis=1).reshape(-1, 1)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    scores = scores - np.max(scores)      # for stability
    totalLoss = 0
    for i in range(len(labels)):
        row = scores[i]
        logSumExp = np.log(np.sum(np.exp(row)))
        totalLoss = totalLoss + (logSumExp - row[labels[i]])
    return totalLoss / len(labels)
