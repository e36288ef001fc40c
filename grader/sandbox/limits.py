"""The resource limits of one submission, the same in every tier; the defaults live here only."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Resource limits for one submission; the defaults live here and only here."""

    call_timeout: float = 2.0
    load_timeout: float = 10.0
    total_timeout: float = 60.0  # the whole submission, whatever happens
    memory_bytes: int = 1 << 30  # each process (RLIMIT_AS), and all of them (memory cgroup)
    file_bytes: int = 8 << 20
    tmp_bytes: int = 16 << 20  # the runner's own /tmp
    shm_bytes: int = 16 << 20  # the runner's own /dev/shm
    open_files: int = 256
    max_processes: int = 32  # processes and threads of one submission, where cgroups allow
    extra_processes: int = 64  # otherwise RLIMIT_NPROC: the user's current count plus this
    output_bytes: int = 4096
    result_bytes: int = 64 << 20
    max_values: int = 1_000_000

    def for_harness(self, cpu_seconds: int, *, own_uid: bool = False) -> dict[str, int | None]:
        return {
            "memory_bytes": self.memory_bytes,
            "file_bytes": self.file_bytes,
            "cpu_seconds": cpu_seconds,
            # A uid of the sandbox's own counts only the sandbox's processes.
            "processes": self.max_processes if own_uid else _process_cap(self.extra_processes),
            "max_processes": self.max_processes,
            "core_bytes": 0,
            "open_files": self.open_files,
        }


def _process_cap(extra: int) -> int | None:
    """RLIMIT_NPROC counts all of a user's processes: allow what runs now plus ``extra``."""
    if not sys.platform.startswith("linux") or os.getuid() == 0:
        return None  # root ignores RLIMIT_NPROC; the PID namespace bounds bwrap instead
    uid = os.getuid()
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += 1
            except OSError:
                continue
    return count + extra
