"""Forward-propagation exercises: fill in the six functions below.

Conventions used throughout:
examples are rows; a layer's weight matrix has shape (n_in, n_out) and its
column j holds the weights into node j; biases have shape (n_out,) and are
broadcast over the rows; a single data point may be given as a 1-D array.
No function may modify its arguments.

Check your work with:  grade forward.py
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike


def relu(x: ArrayLike) -> np.ndarray | float:
    arr = np.asarray(x)
    result = np.where(arr > 0, arr, 0)
    return result if result.ndim else result.item()


def node_value(inputs: ArrayLike, weights: ArrayLike, bias: float = 0.0) -> float:
    x = np.asarray(inputs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    if x.shape != w.shape:
        raise ValueError(f"inputs {x.shape} and weights {w.shape} differ")
    return float(x @ w) + float(bias)


def hidden_layer(inputs: ArrayLike, weights: ArrayLike, biases: ArrayLike | None = None) -> np.ndarray:
    x = np.asarray(inputs, dtype=np.float64)
    W = np.asarray(weights, dtype=np.float64)
    z = x @ W
    if biases is not None:
        z = z + np.asarray(biases, dtype=np.float64)
    return relu(z)


def forward(inputs: ArrayLike, weights: Sequence[ArrayLike], biases: Sequence[ArrayLike] | None = None) -> np.ndarray:
    x = np.asarray(inputs, dtype=np.float64)
    layers = list(weights)
    bs: list = list(biases) if biases is not None else [None] * len(layers)
    *hidden, last = list(zip(layers, bs))
    for W, b in hidden:
        x = hidden_layer(x, W, b)
    W_out, b_out = last
    y = x @ np.asarray(W_out, dtype=np.float64)
    if b_out is not None:
        y = y + np.asarray(b_out, dtype=np.float64)
    return y


def softmax(z: ArrayLike) -> np.ndarray:
    arr = np.asarray(z, dtype=np.float64)
    arr = arr - np.amax(arr, axis=-1, keepdims=True)
    num = np.exp(arr)
    return num / num.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores: ArrayLike, labels: ArrayLike) -> float:
    S = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=np.intp)
    m = S.shape[0]
    row_max = S.max(axis=1)
    lse = row_max + np.log(np.exp(S - row_max[:, None]).sum(axis=1))
    return float(np.mean(lse - S[np.arange(m), y]))
