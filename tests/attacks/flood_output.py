# Floods stdout and stderr with 200 MB each at import.
import sys

chunk = "x" * (1 << 20)
for _ in range(200):
    sys.stdout.write(chunk)
    sys.stderr.write(chunk)
