# Rebinds the harness's globals (changed, _deepcopy, emit, any freezing helper), then
# shifts softmax's input in place: it must still lose softmax.
# uses: support/disarm.py (rebinds the harness's checks first)


def softmax(z):
    z -= np.max(z, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)
