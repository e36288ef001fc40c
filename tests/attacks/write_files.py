# Leaves files in /tmp, the working folder and HOME.
import os

for folder in ("/tmp", ".", os.path.expanduser("~")):
    try:
        with open(os.path.join(folder, "fg-attack-file"), "w") as handle:
            handle.write("left behind")
    except OSError:
        pass
