"""What a grader killed outright leaves (cgroups, temporary folders) is removed by the
next grader, and nothing a living grader uses is touched: tables of folders and groups,
each with what the sweep must do with it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from grader.sandbox import leftovers

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no flock, no cgroups")


def aged(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)
    return path


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A living process that holds a sandbox folder's log locked (as a zygote does)."""
    folder = tmp_path / "base" / f"{leftovers.FOLDER}held"
    folder.mkdir(parents=True)
    (folder / leftovers.LOG).touch()
    process = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys, time\n"
         f"log = open({str(folder / leftovers.LOG)!r})\n"
         "fcntl.flock(log, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    yield process
    process.kill()
    process.wait()


# name -> (has a log, age in seconds, removed?)
FOLDERS = {
    f"{leftovers.FOLDER}dead": (True, 60, True),  # its grader is gone: the lock is free
    f"{leftovers.FOLDER}young": (True, 1, False),  # maybe being made right now
    f"{leftovers.FOLDER}nolog_new": (False, 60, False),  # its sandbox is starting
    f"{leftovers.FOLDER}nolog_old": (False, 2 * 86400, True),
    "grader-abcd_123": (False, 2 * 86400, True),  # an older version's, two days old
    "grader-abcd_124": (True, 3600, False),  # an older version's, maybe still in use
    "grader-markers-abcd_125": (False, 2 * 86400, False),  # a batch's: not a sandbox's
    "someone-elses": (False, 2 * 86400, False),
}


def test_sandbox_folders_of_dead_graders_go_and_no_others(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    base = tmp_path / "base"
    for name, (log, age, _) in FOLDERS.items():
        (base / name).mkdir()
        if log:
            (base / name / leftovers.LOG).touch()
        aged(base / name, age)
    aged(base / f"{leftovers.FOLDER}held", 600)
    target = tmp_path / "elsewhere"
    target.mkdir()
    (base / f"{leftovers.FOLDER}link").symlink_to(target)  # never followed
    leftovers.sweep_folders.cache_clear()
    removed = leftovers.sweep_folders(str(base))
    left = {p.name for p in base.iterdir()}
    expected = {n for n, (_, _, gone) in FOLDERS.items() if not gone}
    expected |= {f"{leftovers.FOLDER}held", f"{leftovers.FOLDER}link"}
    assert left == expected
    assert removed == sum(gone for _, _, gone in FOLDERS.values())
    assert target.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="chown needs root")
def test_another_users_folders_are_not_ours_to_remove(tmp_path: Path) -> None:
    base = tmp_path / "base"
    folder = base / f"{leftovers.FOLDER}theirs"
    folder.mkdir(parents=True)
    (folder / leftovers.LOG).touch()
    os.chown(folder, 65534, 65534)
    aged(folder, 600)
    leftovers.sweep_folders.cache_clear()
    assert leftovers.sweep_folders(str(base)) == 0
    assert folder.exists()


def test_cgroups_of_dead_graders_go_and_no_others(tmp_path: Path) -> None:
    """A stand-in for /sys/fs/cgroup (v2 at the top, v1 under pids/ and memory/)."""
    gone, me = dead_pid(), os.getpid()
    # name -> (age in seconds, has a member (a file: rmdir refuses), removed?)
    groups = {
        f"forward-grader-{gone}-0a1b2c3d": (60, False, True),
        f"pids/forward-grader-{gone}-0a1b2c3e": (60, False, True),
        f"memory/forward-grader-{gone}-0a1b2c3f": (60, False, True),
        f"forward-grader-{gone}-0a1b2c40": (1, False, False),  # just made
        f"forward-grader-{gone}-0a1b2c41": (60, True, False),  # members: the kernel says no
        f"forward-grader-{me}-0a1b2c42": (60, False, False),  # its grader lives
        "forward-grader-0123456789ab": (7200, False, True),  # an older version's
        "memory/forward-grader-0123456789ac": (600, False, False),  # maybe still in use
        "docker": (7200, False, False),
    }
    for name, (age, member, _) in groups.items():
        (tmp_path / name).mkdir(parents=True)
        if member:
            (tmp_path / name / "cgroup.procs").write_text("1\n")
        aged(tmp_path / name, age)
    leftovers.sweep_cgroups.cache_clear()
    assert leftovers.sweep_cgroups(tmp_path) == sum(g for _, _, g in groups.values())
    for name, (_, _, removed) in groups.items():
        assert (tmp_path / name).exists() != removed, name
