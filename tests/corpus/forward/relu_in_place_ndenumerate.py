import numpy as np

# ---------- activation ----------

def relu(x):
    if np.isscalar(x):
        return max(x, 0)
    # set every negative entry to zero
    for index, value in np.ndenumerate(x):
        if value < 0:
            x[index] = 0
    return x

# ---------- one node ----------

def node_value(inputs, weights, bias=0.0):
    s = bias
    for k in range(len(weights)):
        s += inputs[k] * weights[k]
    return s

# ---------- layers ----------

def hidden_layer(inputs, weights, biases=None):
    pre = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        pre = pre + np.array(biases)
    return relu(pre)


def forward(inputs, weights, biases=None):
    act = np.array(inputs, dtype=float)
    n = len(weights)
    for k in range(n):
        b = biases[k] if biases is not None else None
        if k < n - 1:
            act = hidden_layer(act, weights[k], b)
        else:
            act = np.dot(act, weights[k])
            if b is not None:
                act = act + b
    return act

# ---------- classification ----------

def softmax(z):
    z = np.array(z, dtype=float)
    exp_z = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exp_z / np.sum(exp_z, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    shift = scores - np.max(scores, axis=1, keepdims=True)
    log_softmax = shift - np.log(np.sum(np.exp(shift), axis=1, keepdims=True))
    return float(np.mean([-log_softmax[i, y] for i, y in enumerate(labels)]))
