# Returns a billion-element array (a broadcast view: no memory of its own).
def softmax(z):
    return np.broadcast_to(0.0, (10**9,))
