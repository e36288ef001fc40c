# Keeps 300 MB in a global after its first call, then answers correctly.
_HOARD = []


def relu(x):
    if not _HOARD:
        _HOARD.append(bytearray(300 << 20))
        _HOARD[0][:: 4096] = b"x" * len(range(0, 300 << 20, 4096))  # really touch the pages
    return np.maximum(0, x)
