import numpy as np


# Relu activation fuction (from the course notebook)
def relu(input):
    '''Define your relu activation function here'''
    # Calculate the value for the output of the relu function: output
    output = max(0, input)
    # Return the value just calculated
    return(output)


def node_value(inputs, weights, bias=0.0):
    input_data = np.array(inputs)
    return (input_data * np.array(weights)).sum() + bias


def hidden_layer(inputs, weights, biases=None):
    node_inputs = np.dot(inputs, weights)
    if biases is not None:
        node_inputs = node_inputs + biases
    return np.maximum(node_inputs, 0)


def forward(inputs, weights, biases=None):
    layer = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        layer = np.dot(layer, weights[i])
        if biases is not None:
            layer = layer + biases[i]
        if i != len(weights) - 1:
            layer = np.maximum(layer, 0)
    return layer


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return -np.mean(log_probs[np.arange(len(labels)), labels])


output = relu(-3)
print(output)
output = relu(3)
print(output)
