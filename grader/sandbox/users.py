"""A user id of its own for each sandbox, when the grader runs as root.

Student code must not run as the grading user: per-user kernel limits (inotify
instances, process counts, keyrings) would then be shared with the grader and
with the machine's other programs. Root can run each sandbox as an otherwise
unused uid; a lock file held for the sandbox's life keeps two sandboxes (of this
grader or of another one on the same machine) from taking the same uid.
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import tempfile
from pathlib import Path

# Far above the ranges distributions give to people (1000+), to services and to
# subordinate-id containers (100000 + 65536 per user): nothing else owns these.
FIRST_UID = 1_900_000_000
COUNT = 1 << 16


def _lock_folder() -> Path:
    for base in (Path("/run"), Path(tempfile.gettempdir())):
        folder = base / "forward-grader-uids"
        with contextlib.suppress(OSError):
            folder.mkdir(mode=0o700, exist_ok=True)
            if folder.stat().st_uid == 0 and not folder.is_symlink():
                return folder
    raise OSError("no folder for the sandbox uid locks")


class SandboxUser:
    """An unused uid (and gid of the same number), reserved until ``release``."""

    def __init__(self, uid: int, lock: int) -> None:
        self.uid = self.gid = uid
        self._lock = lock

    @classmethod
    def allocate(cls) -> SandboxUser | None:
        """A fresh uid when running as root on Linux; None elsewhere (the caller's uid is used)."""
        if not sys.platform.startswith("linux") or os.geteuid() != 0:
            return None
        import fcntl  # POSIX only, and only needed here

        folder = _lock_folder()
        for _ in range(64):
            uid = FIRST_UID + random.randrange(COUNT)
            fd = os.open(folder / str(uid), os.O_CREAT | os.O_RDWR | os.O_CLOEXEC | os.O_NOFOLLOW,
                         0o600)  # fmt: skip
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
            return cls(uid, fd)
        raise OSError("no free sandbox uid")

    def release(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._lock)
