# Ported from my Octave version of the coursework (ex3-style feedforward).
# I kept the loops so I can see what happens to every unit.
from __future__ import annotations

import math

import numpy as np


def relu(x):
    return np.where(np.asarray(x) > 0, x, 0)


def node_value(inputs, weights, bias=0.0):
    total = 0.0
    for i in range(len(inputs)):
        total = total + float(inputs[i]) * float(weights[i])
    return total + bias


def hidden_layer(inputs, weights, biases=None):
    X = np.atleast_2d(np.asarray(inputs, dtype=float))
    W = np.asarray(weights, dtype=float)
    m = X.shape[0]
    n_out = W.shape[1]
    A = np.zeros((m, n_out))
    for i in range(m):
        for j in range(n_out):
            b = 0.0 if biases is None else float(biases[j])
            A[i, j] = max(0.0, node_value(X[i], W[:, j], b))
    if np.ndim(inputs) == 1:
        return A[0]
    return A


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    L = len(weights)
    for l in range(L - 1):
        a = hidden_layer(a, weights[l], None if biases is None else biases[l])
    W = np.asarray(weights[L - 1], dtype=float)
    out = a @ W
    if biases is not None and biases[L - 1] is not None:
        out = out + np.asarray(biases[L - 1], dtype=float)
    return out


def softmax(z):
    Z = np.asarray(z, dtype=float)
    one_row = Z.ndim == 1
    Z = np.atleast_2d(Z)
    P = np.zeros(Z.shape)
    for i in range(Z.shape[0]):
        mx = max(Z[i])
        denom = sum(math.exp(v - mx) for v in Z[i])
        for j in range(Z.shape[1]):
            P[i, j] = math.exp(Z[i, j] - mx) / denom
    return P[0] if one_row else P


def cross_entropy_loss(scores, labels):
    S = np.atleast_2d(np.asarray(scores, dtype=float))
    J = 0.0
    m = S.shape[0]
    for i in range(m):
        mx = max(S[i])
        lse = mx + math.log(sum(math.exp(v - mx) for v in S[i]))
        J += lse - S[i, int(labels[i])]
    return J / m
