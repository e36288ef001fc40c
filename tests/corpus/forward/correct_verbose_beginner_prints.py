# =============================================
#  Homework 3 - forward propagation
#  (my first time with numpy, sorry for all the comments)
# =============================================
import numpy as np

DEBUG = False  # set to True to see what is happening


def relu(x):
    """ReLU: keep positive numbers, turn negative ones into 0."""
    if DEBUG:
        print("relu got", x)
    # np.where works for one number and for arrays
    result = np.where(np.asarray(x) > 0, x, 0.0)
    if np.ndim(result) == 0:
        # a single number: give back a number and not a 0-d array
        return result.item()
    return result


def node_value(inputs, weights, bias=0.0):
    # multiply each input with its weight
    inputs = np.array(inputs)
    weights = np.array(weights)
    products = inputs * weights
    if DEBUG:
        print("products:", products)
    # then add them all up, and add the bias
    value = products.sum() + bias
    return value


def hidden_layer(inputs, weights, biases=None):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    # matrix multiplication does all the nodes at once!
    z = np.matmul(inputs, weights)
    if biases is not None:
        z = z + np.array(biases)
    # activation
    return relu(z)


def forward(inputs, weights, biases=None):
    number_of_layers = len(weights)
    if DEBUG:
        print("network has", number_of_layers, "layers")
    current = np.array(inputs, dtype=float)
    for layer_number in range(number_of_layers):
        if biases is None:
            bias = None
        else:
            bias = biases[layer_number]
        if layer_number == number_of_layers - 1:
            # last layer = output layer, NO relu here (prediction can be negative)
            current = np.matmul(current, np.array(weights[layer_number], dtype=float))
            if bias is not None:
                current = current + bias
        else:
            current = hidden_layer(current, weights[layer_number], bias)
        if DEBUG:
            print("after layer", layer_number, ":", current)
    return current


def softmax(z):
    z = np.array(z, dtype=float)
    # subtract the biggest number so exp does not explode
    biggest = np.max(z, axis=-1, keepdims=True)
    exponentials = np.exp(z - biggest)
    totals = np.sum(exponentials, axis=-1, keepdims=True)
    return exponentials / totals


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels)
    number_of_examples = scores.shape[0]
    # log of softmax, done the safe way (log-sum-exp)
    biggest = np.max(scores, axis=1, keepdims=True)
    log_sum_exp = biggest + np.log(np.sum(np.exp(scores - biggest), axis=1, keepdims=True))
    log_probabilities = scores - log_sum_exp
    total = 0.0
    for i in range(number_of_examples):
        total = total - log_probabilities[i, labels[i]]
    return total / number_of_examples


print("relu(3) =", relu(3), " relu(-3) =", relu(-3))
print("node_value([2, 3], [1, 1]) =", node_value([2, 3], [1, 1]))
