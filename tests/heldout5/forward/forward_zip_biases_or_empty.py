from __future__ import annotations

from typing import Optional, Sequence

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs: Sequence[float], weights: Sequence[float], bias: float = 0.0) -> float:
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases: Optional[Sequence[float]] = None) -> np.ndarray:
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights: list, biases: Optional[list] = None) -> np.ndarray:
    x = np.asarray(inputs, dtype=float)
    layers = list(zip(weights, biases or []))
    for i, (W, b) in enumerate(layers):
        z = x @ np.asarray(W, dtype=float) + np.asarray(b, dtype=float)
        x = relu(z) if i < len(layers) - 1 else z
    return x


def softmax(z) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels) -> float:
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(s.shape[0]), np.asarray(labels)].mean())
