import numpy as np


def relu(x):
    Z = np.asarray(x)
    A = Z * (Z > 0)
    return A


def node_value(inputs, weights, bias=0.0):
    Z = np.sum(np.multiply(inputs, weights)) + bias
    return Z


def hidden_layer(inputs, weights, biases=None):
    A_prev = np.asarray(inputs, dtype=float).T
    W = np.asarray(weights, dtype=float).T        # (n_out, n_in) like in the course
    Z = np.dot(W, A_prev)
    if biases is not None:
        b = np.asarray(biases, dtype=float)
        Z = Z + (b if Z.ndim == 1 else b.reshape(-1, 1))
    A = relu(Z)
    return A.T


def forward(inputs, weights, biases=None):
    A = np.asarray(inputs, dtype=float)
    L = len(weights)
    for l in range(L - 1):
        A = hidden_layer(A, weights[l], None if biases is None else biases[l])
    WL = np.asarray(weights[L - 1], dtype=float).T
    ZL = np.dot(WL, A.T).T
    if biases is not None:
        ZL = ZL + np.asarray(biases[L - 1], dtype=float)
    return ZL


def softmax(z):
    Z = np.asarray(z, dtype=float)
    t = np.exp(Z - np.max(Z, axis=-1, keepdims=True))
    A = t / np.sum(t, axis=-1, keepdims=True)
    return A


def cross_entropy_loss(scores, labels):
    Z = np.asarray(scores, dtype=float)
    m = Z.shape[0]
    Zmax = np.max(Z, axis=1, keepdims=True)
    log_sum = np.log(np.sum(np.exp(Z - Zmax), axis=1))     # log-sum-exp trick
    correct = Z[np.arange(m), np.asarray(labels)]
    cost = (1. / m) * np.sum(log_sum - correct)
    return cost
