import numpy as np

# ---------------------------------------------------------------
# Step 1: activation
# ---------------------------------------------------------------
def relu(x):
    x = np.array(x, dtype=float) if np.ndim(x) else x
    return np.maximum(x, 0)

# ---------------------------------------------------------------
# Step 2: a single node
# ---------------------------------------------------------------
def node_value(inputs, weights, bias=0.0):
    value = 0.0
    for i in range(len(inputs)):
        value += inputs[i] * weights[i]
    value += bias
    return value

# ---------------------------------------------------------------
# Step 3: a hidden layer
#   weighted sums -> activation -> shift by the bias of each node
# ---------------------------------------------------------------
def hidden_layer(inputs, weights, biases=None):
    weighted_sums = np.matmul(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    activated = relu(weighted_sums)
    if biases is None:
        return activated
    return activated + np.array(biases, dtype=float)

# ---------------------------------------------------------------
# Step 4: the whole network
# ---------------------------------------------------------------
def forward(inputs, weights, biases=None):
    current = np.array(inputs, dtype=float)
    for number, w in enumerate(weights):
        current = np.matmul(current, w)
        if biases is not None:
            current = current + biases[number]
        is_output = number == len(weights) - 1
        if not is_output:
            current = relu(current)
    return current

# ---------------------------------------------------------------
# Step 5: softmax and loss
# ---------------------------------------------------------------
def softmax(z):
    z = np.array(z, dtype=float)
    top = np.max(z, axis=-1, keepdims=True)
    e = np.exp(z - top)
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    top = np.max(scores, axis=1, keepdims=True)
    log_sum = top + np.log(np.sum(np.exp(scores - top), axis=1, keepdims=True))
    log_probs = scores - log_sum
    picked = [log_probs[i, labels[i]] for i in range(len(labels))]
    return -np.mean(picked)
