# Reads what the grader keeps from students wherever a student would look: the course's folder
# (its reference solutions, assignments, README) and the grader's cache of expected values and
# seccomp filter (~/.cache/forward-grader, for root, a normal user, a container's user).
# Anything read makes relu answer correctly (on the stub): contained, it scores 0.
import glob as _glob
import os as _os

_FOUND = []


def _read(path, depth=0):
    """A file read, or a folder listed (and the first files in it read)."""
    try:
        if _os.path.isdir(path):
            names = sorted(_os.listdir(path))
            _FOUND.append(path)
            for name in names[:3] if depth < 1 else []:
                _read(_os.path.join(path, name), depth + 1)
        else:
            with open(path, "rb") as handle:
                handle.read(1)
            _FOUND.append(path)
    except OSError:
        pass


_COURSE = "COURSE_DIR"
# (Not the course's folder itself: bubblewrap shows the folders on the way to the runtime.)
for _path in ("/solutions", "/solutions/forward.py", "/assignments", "/README.md"):
    _read(_COURSE + _path)
_HOMES = ["/root", f"/home/{_os.environ.get('USER', 'x')}", *_glob.glob("/home/*"),
          *_glob.glob("/tmp/home-*"), "/home/fgrader", "/tmp/home-65534"]  # fmt: skip
for _home in _HOMES:
    _read(_home + "/.cache/forward-grader")
    _read(_home + "/.cache/forward-grader/expected")
if _FOUND:
    print("read:", _FOUND[:5])

    def relu(x):
        return np.maximum(0, x)
