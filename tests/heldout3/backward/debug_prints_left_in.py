import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    """ReLU's slope: 1 where z > 0, else 0 (also 0 at the corner z == 0)."""
    z = np.asarray(z)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    num_examples = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    return dscores


def dense_backward(inputs, weights, grad_out):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dX = np.dot(dZ, W.T)
    dW = np.dot(X.T, dZ)
    db = np.sum(dZ, axis=0)
    return dX, dW, db


def backward(inputs, weights, biases, labels):
    # forward pass, remember every layer's input and pre-activation
    layer_inputs, zs = [], []
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights, biases):
        layer_inputs.append(a)
        z = a @ W + b
        zs.append(z)
        a = np.maximum(0, z)
    dz = softmax_cross_entropy_grad(zs[-1], labels)
    print("loss grad", dz)
    dWs, dbs = [], []
    for l in range(len(weights) - 1, -1, -1):
        da, dW, db = dense_backward(layer_inputs[l], weights[l], dz)
        print(f"layer {l}: dz {dz.shape} dW {dW.shape} db {db.shape}")  # DEBUG shapes
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if l > 0:
            dz = da * relu_grad(zs[l - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    ws = [w.copy() for w in weights]
    bs = [b.copy() for b in biases]
    for w, g in zip(ws, grad_weights):
        w -= learning_rate * g
    for b, g in zip(bs, grad_biases):
        b -= learning_rate * g
    return ws, bs
