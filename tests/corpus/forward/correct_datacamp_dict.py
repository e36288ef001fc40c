# Following the DataCamp "Introduction to Deep Learning in Python" exercises,
# with the weights stored in a dictionary like in the course.
import numpy as np


def relu(input):
    '''Define your relu activation function here'''
    # Calculate the value for the output of the relu function: output
    output = np.maximum(0, input)
    # Return the value just calculated
    return output


def node_value(inputs, weights, bias=0.0):
    input_data = np.array(inputs)
    node_weights = np.array(weights)
    return (input_data * node_weights).sum() + bias


def hidden_layer(inputs, weights, biases=None):
    input_data = np.array(inputs, dtype=float)
    weight_matrix = np.array(weights, dtype=float)
    # one entry per node, like weights['node_0'], weights['node_1'] in the course
    weights_dict = {f"node_{j}": weight_matrix[:, j] for j in range(weight_matrix.shape[1])}
    node_outputs = []
    for j in range(weight_matrix.shape[1]):
        node_input = (input_data * weights_dict[f"node_{j}"]).sum(axis=-1)
        if biases is not None:
            node_input = node_input + biases[j]
        node_outputs.append(relu(node_input))
    # stack the nodes as the last axis
    return np.stack(node_outputs, axis=-1)


def forward(inputs, weights, biases=None):
    layer_values = np.array(inputs, dtype=float)
    for n, layer_weights in enumerate(weights[:-1]):
        layer_values = hidden_layer(layer_values, layer_weights,
                                    None if biases is None else biases[n])
    output_weights = np.array(weights[-1], dtype=float)
    model_output = layer_values @ output_weights
    if biases is not None:
        model_output = model_output + biases[-1]
    return model_output


def softmax(z):
    z = np.array(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    top = scores.max(axis=1)
    log_norm = top + np.log(np.exp(scores - top[:, None]).sum(axis=1))
    correct = scores[np.arange(scores.shape[0]), labels]
    return np.mean(log_norm - correct)
