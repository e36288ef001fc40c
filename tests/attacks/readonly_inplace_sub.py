# The classic mistake: softmax shifts its input in place (z -= max). No tricks.
def softmax(z):
    z -= np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
