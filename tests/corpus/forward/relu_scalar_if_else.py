import numpy as np

def relu(x):
    if x > 0:
        return x
    else:
        return 0

def node_value(inputs, weights, bias=0.0):
    value = 0
    for x, w in zip(inputs, weights):
        value = value + x * w
    return value + bias

def hidden_layer(inputs, weights, biases=None):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    out = inputs @ weights
    if biases is not None:
        out = out + biases
    out = np.where(out > 0, out, 0)
    return out

def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    L = len(weights)
    for l in range(L):
        a = a @ weights[l]
        if biases is not None:
            a = a + biases[l]
        if l < L - 1:
            a = np.where(a > 0, a, 0)
    return a

def softmax(z):
    z = np.array(z, dtype=float)
    z = z - z.max(axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)

def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    n = len(labels)
    loss = 0
    for i in range(n):
        row = scores[i] - scores[i].max()
        loss += np.log(np.exp(row).sum()) - row[labels[i]]
    return loss / n
