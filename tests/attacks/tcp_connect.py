# Tries to reach a listener on loopback (the port is filled in by the test).
import socket


def relu(x):
    try:
        with socket.create_connection(("127.0.0.1", PORT), timeout=0.2) as conn:
            conn.sendall(b"leaked")
    except OSError:
        pass
    return np.maximum(0, x)
