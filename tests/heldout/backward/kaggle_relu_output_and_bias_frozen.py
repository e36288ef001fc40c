import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def ReLU(Z):
    return np.maximum(Z, 0)


def relu_grad(z):
    # ReLU_deriv
    Z = np.asarray(z)
    return (Z > 0) * 1.0


def one_hot(Y, num_classes):
    one_hot_Y = np.zeros((Y.size, num_classes))
    one_hot_Y[np.arange(Y.size), Y] = 1
    return one_hot_Y


def softmax_cross_entropy_grad(scores, labels):
    A2 = softmax(scores)
    Y = np.asarray(labels)
    m = Y.size
    one_hot_Y = one_hot(Y, A2.shape[1])
    dZ2 = A2 - one_hot_Y
    return 1 / m * dZ2


def dense_backward(inputs, weights, grad_out):
    A1 = np.asarray(inputs, dtype=float)
    W2 = np.asarray(weights, dtype=float)
    dZ2 = np.asarray(grad_out, dtype=float)
    dW2 = A1.T.dot(dZ2)
    db2 = np.sum(dZ2, axis=0)
    dA1 = dZ2.dot(W2.T)
    return dA1, dW2, db2


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    # forward_prop
    As = [X]
    Zs = []
    for i in range(len(weights)):
        Z = As[-1].dot(weights[i]) + biases[i]
        Zs.append(Z)
        As.append(ReLU(Z))
    Zs[-1] = As[-1]
    # backward_prop
    dWs = []
    dbs = []
    dZ = softmax_cross_entropy_grad(Zs[-1], labels)
    for i in range(len(weights) - 1, -1, -1):
        dA, dW, db = dense_backward(As[i], weights[i], dZ)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if i > 0:
            dZ = dA * relu_grad(Zs[i - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    # update_params
    alpha = learning_rate
    Ws = []
    bs = []
    for W, dW in zip(weights, grad_weights):
        Ws.append(W - alpha * dW)
    for b, db in zip(biases, grad_biases):
        bs.append(b)
    return Ws, bs
