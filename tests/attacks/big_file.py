# Writes a 100 MB file to its working folder, then answers correctly.
def relu(x):
    with open("big.bin", "wb") as handle:
        for _ in range(100):
            handle.write(b"\0" * (1 << 20))
    return np.maximum(0, x)
