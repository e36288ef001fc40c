"""Isolation between submissions, from the grader's user, and of the grader's own process.

Each test grades hostile submissions with the real CLI (a child of this pytest process,
which is a child subreaper: see tests/test_attacks.py) and checks the secure behaviour:

* state left by one submission in a batch worker is not seen by the next one;
* memory is bounded across a submission's processes and files, and released after grading;
* student processes run as an unprivileged uid that is not the grader's, and cannot use up
  per-user kernel resources of the grader's user;
* symbolic links never make the grader read the reference solution;
* a malformed notebook costs only its own row;
* ``--sandbox auto`` says before grading that it fell back to ``process``.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from grader.report import validate

from .conftest import REFERENCE, ROOT, SANDBOXES, STUB, with_replaced
from .test_attacks import cli_env, descendants, left_behind, run_cli, tmpdir_left

BWRAP = "bwrap" in SANDBOXES
needs_bwrap = pytest.mark.skipif(not BWRAP, reason="bubblewrap is not usable here")
ROOT_USER = os.getuid() == 0


@pytest.fixture(autouse=True)
def kill_our_leftovers() -> Iterator[None]:
    """Whatever a test's graders left behind (re-parented to us) dies after the test."""
    before = descendants()
    yield
    for pid in descendants() - before:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    left_behind(before, grace_s=1.0)  # reaps them


def read_report(path: Path) -> dict:
    report = json.loads(path.read_text())
    validate(report, "report")
    return report


def exercise_scores(report: dict) -> dict[str, float]:
    return {e["name"]: e["score"] for e in report["exercises"]}


# --- 2. State surviving from one submission to the next in a batch worker -----------------

# Each channel: code the writer runs at import (it prints WROTE when the write worked), and
# the body of found(): whether the reader sees the writer's secret. TOKEN is unique per test.
# The sandboxes where the README promises that nothing crosses: both, for every channel
# that lives in a runner's own namespaces (its /tmp and /dev/shm, System V and POSIX IPC,
# abstract sockets; Linux with user namespaces, as here), and its processes.
CHANNELS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "dev_shm_file": (
        ("bwrap", "process"),
        """
with open("/dev/shm/fg-TOKEN", "w") as handle:
    handle.write("TOKEN")
print("WROTE")
""",
        """
with open("/dev/shm/fg-TOKEN") as handle:
    return handle.read() == "TOKEN"
""",
    ),
    "tmp_file": (
        ("bwrap", "process"),
        """
with open("/tmp/fg-TOKEN", "w") as handle:
    handle.write("TOKEN")
print("WROTE")
""",
        """
with open("/tmp/fg-TOKEN") as handle:
    return handle.read() == "TOKEN"
""",
    ),
    "tmp_locked_folder": (
        ("bwrap", "process"),
        """
os.mkdir("/tmp/fg-TOKEN")
with open("/tmp/fg-TOKEN/secret", "w") as handle:
    handle.write("TOKEN")
os.chmod("/tmp/fg-TOKEN/secret", 0o400)
os.chmod("/tmp/fg-TOKEN", 0o500)
print("WROTE")
""",
        """
with open("/tmp/fg-TOKEN/secret") as handle:
    return handle.read() == "TOKEN"
""",
    ),
    "cwd_file": (
        ("process", "bwrap"),
        """
with open(os.path.join(os.getcwd(), "fg-TOKEN"), "w") as handle:
    handle.write("TOKEN")
print("WROTE")
""",
        """
with open(os.path.join(os.getcwd(), "fg-TOKEN")) as handle:
    return handle.read() == "TOKEN"
""",
    ),
    "cwd_locked_folder": (
        ("process", "bwrap"),
        """
os.mkdir("fg-TOKEN")
with open("fg-TOKEN/secret", "w") as handle:
    handle.write("TOKEN")
os.chmod("fg-TOKEN/secret", 0o400)
os.chmod("fg-TOKEN", 0o500)
print("WROTE")
""",
        """
with open(os.path.join(os.getcwd(), "fg-TOKEN", "secret")) as handle:
    return handle.read() == "TOKEN"
""",
    ),
    "posix_mqueue": (
        ("bwrap", "process"),
        """
_libc = ctypes.CDLL(ctypes.util.find_library("rt") or None, use_errno=True)
_libc.mq_open.restype = ctypes.c_int
if _libc.mq_open(b"/fg-TOKEN", os.O_CREAT | os.O_RDWR, 0o600, None) >= 0:
    print("WROTE")
""",
        """
libc = ctypes.CDLL(ctypes.util.find_library("rt") or None, use_errno=True)
libc.mq_open.restype = ctypes.c_int
if os.path.exists("/dev/mqueue/fg-TOKEN"):
    return True
return libc.mq_open(b"/fg-TOKEN", os.O_RDONLY) >= 0
""",
    ),
    "sysv_shm": (
        ("bwrap", "process"),
        """
_libc = ctypes.CDLL(None, use_errno=True)
_libc.shmat.restype = ctypes.c_void_p
_id = _libc.shmget(KEY, 4096, 0o1000 | 0o600)  # IPC_CREAT
if _id >= 0:
    _at = _libc.shmat(_id, None, 0)
    if _at not in (None, ctypes.c_void_p(-1).value):
        ctypes.memmove(_at, b"TOKEN", len(b"TOKEN"))
        print("WROTE")
""",
        """
libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
ident = libc.shmget(KEY, 0, 0)
if ident < 0:
    return False
at = libc.shmat(ident, None, 0o10000)  # SHM_RDONLY
if at in (None, ctypes.c_void_p(-1).value):
    return False
return ctypes.string_at(at, len(b"TOKEN")) == b"TOKEN"
""",
    ),
    "sysv_message_queue": (
        ("bwrap", "process"),
        """
_libc = ctypes.CDLL(None, use_errno=True)
if _libc.msgget(KEY, 0o1000 | 0o600) >= 0:
    print("WROTE")
""",
        """
libc = ctypes.CDLL(None, use_errno=True)
return libc.msgget(KEY, 0) >= 0
""",
    ),
    "abstract_socket": (
        ("process", "bwrap"),
        """
_r, _w = os.pipe()
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        try:  # (the seccomp filter refuses sockets: this process must end, not go on)
            _server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            _server.bind(b"\\0fg-TOKEN")
            _server.listen(64)
            os.write(_w, b"x")
            _server.settimeout(20)
            while True:
                _server.accept()[0].close()
        finally:
            os._exit(0)
    os._exit(0)
os.close(_w)
if os.read(_r, 1) == b"x":
    print("WROTE")
""",
        """
client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
client.settimeout(0.5)
try:
    client.connect(b"\\0fg-TOKEN")
except OSError:
    return False
finally:
    client.close()
return True
""",
    ),
    "running_process": (
        ("process", "bwrap"),
        """
_r, _w = os.pipe()
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        ctypes.CDLL(None).prctl(15, b"fgTOKEN"[:15], 0, 0, 0)  # PR_SET_NAME
        os.write(_w, b"x")
        time.sleep(20)
    os._exit(0)
if os.read(_r, 1) == b"x":
    print("WROTE")
""",
        """
for pid in os.listdir("/proc"):
    try:
        with open(f"/proc/{pid}/comm") as handle:
            if handle.read().strip() == "fgTOKEN"[:15]:
                return True
    except OSError:
        continue
return False
""",
    ),
}

PRELUDE = "import ctypes\nimport ctypes.util\nimport os\nimport socket\nimport time\n"


def _indent(code: str, by: str = "    ") -> str:
    return "".join(by + line if line.strip() else line for line in code.strip().splitlines(True))


def writer_source(channel: str, token: str) -> str:
    code = CHANNELS[channel][1]
    text = PRELUDE + "try:\n" + _indent(code) + "\nexcept OSError as exc:\n    print(exc)\n"
    return REFERENCE + "\n" + _fill(text, token)


def reader_relu(channel: str, token: str) -> str:
    found = "def _found():\n" + _indent(PRELUDE + CHANNELS[channel][2])
    relu = (
        "def relu(x):\n"
        "    try:\n"
        "        seen = _found()\n"
        "    except OSError:\n"
        "        seen = False\n"
        "    if not seen:\n"
        "        raise RuntimeError('nothing left by the previous submission')\n"
        "    return np.maximum(0, x)\n"
    )
    return _fill(found + "\n\n" + relu, token)


def _fill(text: str, token: str) -> str:
    return text.replace("TOKEN", token).replace("KEY", str(int(token[:7], 16)))


CHANNEL_PARAMS = [
    pytest.param(channel, sandbox, id=f"{channel}-{sandbox}")
    for channel, (where, _, _) in CHANNELS.items()
    for sandbox in where
    if sandbox in SANDBOXES
]


def grade_class(tmp_path: Path, files: dict[str, str], sandbox: str, *, timeout: float = 2,
                jobs: int = 1) -> tuple[Path, object]:  # fmt: skip
    subs = tmp_path / "subs"
    subs.mkdir()
    for name, text in files.items():
        (subs / name).write_text(text)
    reports = tmp_path / "reports"
    done = run_cli([str(subs), "-o", str(reports), "--sandbox", sandbox, "--jobs", str(jobs),
                    "--timeout", str(timeout)], tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return reports, done


@pytest.mark.parametrize("channel, sandbox", CHANNEL_PARAMS)
def test_probe_sees_its_own_secret(tmp_path: Path, channel: str, sandbox: str) -> None:
    """The probes work: one submission that writes and then looks finds its secret (unless
    the sandbox does not let it write at all, which is fine too)."""
    token = uuid.uuid4().hex[:12]
    text = writer_source(channel, token) + "\n\n" + reader_relu(channel, token)
    reports, _ = grade_class(tmp_path, {"both.py": text, "honest.py": REFERENCE}, sandbox)
    report = read_report(reports / "both.json")
    if "WROTE" in report["stdout"]:
        assert exercise_scores(report)["relu"] == 10, report["tests"][:3]


@pytest.mark.parametrize("channel, sandbox", CHANNEL_PARAMS)
def test_nothing_crosses_between_submissions(tmp_path: Path, channel: str, sandbox: str) -> None:
    token = uuid.uuid4().hex[:12]
    files = {
        "a_writer.py": writer_source(channel, token),
        "b_reader.py": with_replaced(relu=reader_relu(channel, token)),
    }
    before = descendants()
    reports, _ = grade_class(tmp_path, files, sandbox)
    writer, reader = read_report(reports / "a_writer.json"), read_report(reports / "b_reader.json")
    assert writer["status"] == "graded" and reader["status"] == "graded"
    scores = exercise_scores(reader)
    assert scores["relu"] == 0, f"the reader saw the writer's secret ({channel})"
    others = [e for e in reader["exercises"] if e["name"] != "relu"]
    assert all(e["score"] == e["max_score"] for e in others), reader["exercises"]
    assert left_behind(before) == []
    assert tmpdir_left(tmp_path) == []


# --- 3. Memory bounded across a submission's processes and files ---------------------------


def meminfo(field: str) -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no {field} in /proc/meminfo")


def mem_available() -> int:
    return meminfo("MemAvailable")


def held() -> int:
    """What a submission can keep once graded: anonymous memory of processes still alive,
    and tmpfs, shared-memory and IPC pages. (MemAvailable is no measure of a release: on
    some VMs freed pages come back to it at a few MB a second, long after the owner died.)"""
    return meminfo("AnonPages") + meminfo("Shmem")


class MemoryWatch:
    """The lowest MemAvailable seen while a grade runs, and what was held before it."""

    def __init__(self) -> None:
        self.held_before = held()
        self.before = mem_available()
        self.lowest = self.before
        self.running = True
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while self.running:
            self.lowest = min(self.lowest, mem_available())
            time.sleep(0.02)

    def stop(self) -> None:
        self.running = False
        self.thread.join()

    def still_held(self, margin: int, wait_s: float = 10.0) -> int:
        """How much more is held than before, once within ``margin`` (or after ``wait_s``)."""
        deadline = time.monotonic() + wait_s
        while True:
            more = held() - self.held_before
            if more <= margin or time.monotonic() > deadline:
                return more
            time.sleep(0.1)


GiB = 1 << 30
# What a submission may hold at its peak, all processes and files together (the README's
# 1 GiB per process, plus the sandbox's own small tmpfs and the zygote), with a wide margin
# for whatever else runs on this shared machine meanwhile: each attack asks for far more.
PEAK_BOUND = int(1.75 * GiB)
RELEASE_MARGIN = 512 << 20  # what may still look missing after grading: noise on a shared VM

FILL_DEV_SHM = """
import os


def relu(x):
    if not os.path.exists("/dev/shm/fg-fill-done"):
        block = b"x" * (4 << 20)
        try:
            for k in range(TOTAL // len(block)):  # 4 MiB files: under the per-file limit
                with open(f"/dev/shm/fg-fill-{k}", "wb") as handle:
                    handle.write(block)
        except OSError:
            pass
        open("/dev/shm/fg-fill-done", "w").close()
    return np.maximum(0, x)
"""

FILL_TMP = FILL_DEV_SHM.replace("/dev/shm/", "/tmp/")

FORK_AND_TOUCH = """
import os
import time


def relu(x):
    if not _STARTED:
        _STARTED.append(1)
        r, w = os.pipe()
        for _ in range(CHILDREN):
            if os.fork() == 0:
                try:
                    hoard = bytearray(EACH)
                    hoard[::4096] = b"x" * len(range(0, EACH, 4096))  # touch every page
                    os.write(w, b"x")
                    time.sleep(30)
                finally:
                    os._exit(0)
        os.close(w)
        deadline = time.monotonic() + 8
        ready = 0
        while ready < CHILDREN and time.monotonic() < deadline:
            if not os.read(r, 1):
                break  # every child died (a memory limit)
            ready += 1
    return np.maximum(0, x)


_STARTED = []
"""

MEMORY_ATTACKS = {
    # 2.5 GB of files in /dev/shm (a tmpfs: RAM), 4 MiB at a time.
    "dev_shm_fill": FILL_DEV_SHM.replace("TOTAL", str(int(2.5 * GiB))),
    # The same into /tmp, the sandbox's own small tmpfs.
    "tmp_fill": FILL_TMP.replace("TOTAL", str(int(2.5 * GiB))),
    # Six processes, each under RLIMIT_AS, each touching 700 MB: 4.2 GB in all.
    "fork_and_touch": FORK_AND_TOUCH.replace("CHILDREN", "6").replace("EACH", str(700 << 20)),
}


@needs_bwrap
@pytest.mark.parametrize("attack", sorted(MEMORY_ATTACKS))
def test_memory_is_bounded_and_released(tmp_path: Path, attack: str) -> None:
    if mem_available() < 6 * GiB:
        pytest.skip("not enough free memory on this machine to run this attack safely")
    (tmp_path / "forward.py").write_text(with_replaced(relu=MEMORY_ATTACKS[attack]))
    before = descendants()
    watch = MemoryWatch()
    try:
        done = run_cli(["forward.py", "--sandbox", "bwrap", "--timeout", "10", "-o",
                        "report.json"], tmp_path, timeout=120)  # fmt: skip
    finally:
        watch.stop()
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    report = read_report(tmp_path / "report.json")
    assert report["status"] == "graded", report["message"]
    others = [e for e in report["exercises"] if e["name"] != "relu"]
    assert all(e["score"] == e["max_score"] for e in others), report["exercises"]
    peak = watch.before - watch.lowest
    assert peak < PEAK_BOUND, f"the submission held {peak / GiB:.2f} GiB at its peak"
    still = watch.still_held(RELEASE_MARGIN)
    assert still <= RELEASE_MARGIN, f"{still / GiB:.2f} GiB still held after grading"
    assert left_behind(before) == []


@needs_bwrap
def test_memory_is_released_between_submissions_of_a_batch(tmp_path: Path) -> None:
    """A batch worker's sandbox outlives a submission: what it put in /dev/shm must not."""
    if mem_available() < 6 * GiB:
        pytest.skip("not enough free memory on this machine to run this attack safely")
    hog = with_replaced(relu=FILL_DEV_SHM.replace("TOTAL", str(int(1.5 * GiB))))
    waiter = with_replaced(
        relu="""
def relu(x):
    if not _SAID:  # the machine's free memory while this submission runs, after the hog
        with open("/proc/meminfo") as handle:
            line = next(line for line in handle if line.startswith("MemAvailable:"))
        print("available", int(line.split()[1]) * 1024, flush=True)
        _SAID.append(1)
    return np.maximum(0, x)


_SAID = []
"""
    )
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "a_hog.py").write_text(hog)
    for k in range(3):
        (subs / f"b_waiter{k}.py").write_text(waiter)
    watch = MemoryWatch()
    done = run_cli([str(subs), "-o", str(tmp_path / "reports"), "--sandbox", "bwrap",
                    "--jobs", "1", "--timeout", "10"], tmp_path, timeout=180)  # fmt: skip
    watch.stop()
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    # While the next submissions ran, the hog's 1.5 GB were no longer held.
    for k in range(3):
        report = read_report(tmp_path / "reports" / f"b_waiter{k}.json")
        assert report["score"] == 100
        seen = int(report["stdout"].split("available", 1)[1].split()[0])
        assert seen >= watch.before - RELEASE_MARGIN, (
            f"{(watch.before - seen) / GiB:.2f} GiB held while b_waiter{k} was graded"
        )
    still = watch.still_held(RELEASE_MARGIN)
    assert still <= RELEASE_MARGIN, f"{still / GiB:.2f} GiB still held after the batch"


# --- 4 and 9. The student's processes are not the grader's user ---------------------------

UID_PROBE = """
import ctypes
import os
import time

_r, _w = os.pipe()
if os.fork() == 0:
    ctypes.CDLL(None).prctl(15, b"NAME", 0, 0, 0)  # PR_SET_NAME: found by the test
    os.write(_w, b"x")
    time.sleep(30)
    os._exit(0)
os.read(_r, 1)


def relu(x):
    time.sleep(0.2)  # the test has time to look at us from outside
    return np.maximum(0, x)
"""


class ProcessSpy:
    """Looks in /proc, from outside, for processes with a given name while a grade runs."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.seen: dict[int, dict[str, str]] = {}
        self.running = True
        self.thread = threading.Thread(target=self._spy, daemon=True)
        self.thread.start()

    def _spy(self) -> None:
        while self.running:
            for entry in os.scandir("/proc"):
                if not entry.name.isdigit() or int(entry.name) in self.seen:
                    continue
                try:
                    if Path(entry.path, "comm").read_text().strip() != self.name:
                        continue
                    status = Path(entry.path, "status").read_text()
                except OSError:
                    continue
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                self.seen[int(entry.name)] = {k: v.strip() for k, v in fields.items()}
            time.sleep(0.01)

    def stop(self) -> None:
        self.running = False
        self.thread.join()


def uid_params() -> list:
    params = []
    for sandbox in SANDBOXES:
        marks = [] if ROOT_USER else [pytest.mark.skip(reason="only a root grader can switch")]
        params.append(pytest.param(sandbox, id=sandbox, marks=marks))
    return params


@pytest.mark.parametrize("sandbox", uid_params())
def test_student_processes_are_not_the_graders_user(tmp_path: Path, sandbox: str) -> None:
    name = "fguid" + uuid.uuid4().hex[:10]
    (tmp_path / "forward.py").write_text(REFERENCE + UID_PROBE.replace("NAME", name))
    spy = ProcessSpy(name)
    try:
        done = run_cli(["forward.py", "--sandbox", sandbox, "--timeout", "2", "-o",
                        "report.json"], tmp_path)  # fmt: skip
    finally:
        spy.stop()
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert spy.seen, "the submission's process was never seen: cannot check its user"
    mine = os.getuid()
    for pid, status in spy.seen.items():
        uids = [int(u) for u in status["Uid"].split()]
        assert all(u != mine and u != 0 for u in uids), f"pid {pid} runs as uids {uids}"
        assert int(status.get("CapEff", "0"), 16) == 0, f"pid {pid} has capabilities"


INOTIFY_HOG = """
import ctypes
import os
import time

_libc = ctypes.CDLL(None, use_errno=True)


def relu(x):
    if not _TAKEN:
        while len(_TAKEN) < 100000:
            fd = _libc.inotify_init1(0o2000000)  # IN_CLOEXEC
            if fd < 0:
                break
            _TAKEN.append(fd)
        print(f"took {len(_TAKEN)} inotify instances, errno {ctypes.get_errno()}", flush=True)
        time.sleep(1.0)  # hold them while the grader's user needs one
    return np.maximum(0, x)


_TAKEN = []
"""


@pytest.mark.parametrize("sandbox", uid_params())
def test_per_user_limits_of_the_grader_are_not_used_up(tmp_path: Path, sandbox: str) -> None:
    """inotify instances count per user: a submission that takes them all must not take the
    grader's user's (this test runs as that user)."""
    (tmp_path / "forward.py").write_text(with_replaced(relu=INOTIFY_HOG))
    libc = ctypes.CDLL(None, use_errno=True)
    failures: list[int] = []
    tries = [0]
    running = True

    def try_inotify() -> None:
        while running:
            fd = libc.inotify_init1(0o2000000)
            tries[0] += 1
            if fd < 0:
                failures.append(ctypes.get_errno())
            else:
                os.close(fd)
            time.sleep(0.01)

    thread = threading.Thread(target=try_inotify, daemon=True)
    thread.start()
    try:
        done = run_cli(["forward.py", "--sandbox", sandbox, "--timeout", "3", "-o",
                        "report.json"], tmp_path)  # fmt: skip
    finally:
        running = False
        thread.join()
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    report = read_report(tmp_path / "report.json")
    assert "took " in report["stdout"], report["stdout"]
    assert tries[0] > 10
    assert failures == [], (
        f"the grader's user could not create an inotify instance {len(failures)} times "
        f"({errno.errorcode.get(failures[0], failures[0])}) while the submission held them"
    )


FAKE_BWRAP = "#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n"


def _fake_bwrap(tmp_path: Path) -> tuple[dict[str, str], list[str]]:
    """An environment and a command prefix under which bubblewrap is installed but fails.

    PATH leads to a ``bwrap`` script that exits 1; and since the grader may start bubblewrap
    with its own PATH, as root the real one is also covered by that script, by a bind mount
    in a private mount namespace of the grader alone (nothing changes for anybody else).
    """
    fake = tmp_path / "fakebin"
    fake.mkdir()
    (fake / "bwrap").write_text(FAKE_BWRAP)
    (fake / "bwrap").chmod(0o755)
    env = cli_env(tmp_path)
    env["PATH"] = f"{fake}{os.pathsep}{env.get('PATH', '')}"
    real = shutil.which("bwrap", path=os.environ.get("PATH"))
    prefix: list[str] = []
    if real and ROOT_USER and shutil.which("unshare"):
        mount = 'mount --bind "$0" "$1" && shift && exec "$@"'
        prefix = ["unshare", "--mount", "--propagation", "private", "sh", "-c", mount,
                  str(fake / "bwrap"), os.path.realpath(real)]  # fmt: skip
    return env, prefix


def run_without_bwrap(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    env, prefix = _fake_bwrap(tmp_path)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "grader", *args], cwd=tmp_path, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120,
    )  # fmt: skip


def _announces_fallback(line: str) -> bool:
    lowered = line.lower()
    return "process" in lowered and ("bubblewrap" in lowered or "bwrap" in lowered)


@pytest.mark.parametrize("seed", [None, "4711"], ids=["student", "instructor"])
def test_auto_says_before_grading_that_it_fell_back(tmp_path: Path, seed: str | None) -> None:
    (tmp_path / "forward.py").write_text(REFERENCE)
    args = ["forward.py", "--sandbox", "auto", "-o", "report.json"]
    args += ["--seed", seed] if seed else []
    done = run_without_bwrap(args, tmp_path)
    output = done.stdout.decode(errors="replace")
    assert done.returncode == 0, output[-2000:]
    assert read_report(tmp_path / "report.json")["sandbox"] == "process"
    lines = output.splitlines()
    said = [k for k, line in enumerate(lines) if _announces_fallback(line)]
    summary = [k for k, line in enumerate(lines) if line.startswith(("forward:", "Score:"))]
    assert said, f"no line says the grader fell back to the process sandbox:\n{output}"
    assert summary and said[0] < summary[0], f"the fallback was announced after grading:\n{output}"


def test_auto_says_before_grading_a_class_that_it_fell_back(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    for k in range(2):
        (subs / f"s{k}.py").write_text(REFERENCE)
    done = run_without_bwrap([str(subs), "-o", str(tmp_path / "reports"), "--sandbox", "auto",
                              "--jobs", "1"], tmp_path)  # fmt: skip
    summary = json.loads((tmp_path / "reports" / "summary.json").read_text())
    assert {read_report(tmp_path / "reports" / row["report"])["sandbox"]
            for row in summary["submissions"]} == {"process"}  # fmt: skip
    output = done.stdout.decode(errors="replace")
    assert done.returncode == 0, output[-2000:]
    lines = output.replace("\r", "\n").splitlines()
    said = [k for k, line in enumerate(lines) if _announces_fallback(line)]
    graded = [k for k, line in enumerate(lines) if "Grading" in line or "100" in line]
    assert said, f"no line says the grader fell back to the process sandbox:\n{output}"
    assert not graded or said[0] < graded[0], f"announced after grading began:\n{output}"


# --- 5. Symbolic links are not followed by the grader ------------------------------------

SOLUTION = ROOT / "solutions" / "forward.py"


def _link_rejected(report: dict) -> None:
    assert report["status"] == "error", (report["status"], report["score"])
    assert report["score"] == 0
    assert "link" in report["message"].lower(), report["message"]


@pytest.mark.parametrize("sandbox", SANDBOXES)
@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_a_submission_that_is_a_symlink_to_the_solution(tmp_path: Path, sandbox: str,
                                                         relative: bool) -> None:  # fmt: skip
    link = tmp_path / "forward.py"
    link.symlink_to(os.path.relpath(SOLUTION, tmp_path) if relative else SOLUTION)
    done = run_cli(["forward.py", "--sandbox", sandbox, "-o", "report.json"], tmp_path)
    assert done.returncode in (0, 2), done.stderr.decode(errors="replace")[-2000:]
    assert b"Traceback" not in done.stderr
    _link_rejected(read_report(tmp_path / "report.json"))


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_symlinks_in_a_class(tmp_path: Path, sandbox: str) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "honest.py").write_text(REFERENCE)
    (subs / "stub.py").write_text(STUB)
    (subs / "carol.py").symlink_to(SOLUTION)  # a file in the class folder
    alice = subs / "alice"
    alice.mkdir()
    (alice / "forward.py").symlink_to(os.path.relpath(SOLUTION, alice))  # ../../solutions/...
    (subs / "bob").symlink_to(SOLUTION.parent, target_is_directory=True)  # a linked folder
    dave = subs / "dave"
    dave.mkdir()
    (dave / "forward.py").write_text(STUB)
    (dave / "helper.py").symlink_to(SOLUTION)  # beside a real file: picked by neither rule
    reports = tmp_path / "reports"
    done = run_cli([str(subs), "-o", str(reports), "--sandbox", sandbox, "--jobs", "1"],
                   tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    summary = json.loads((reports / "summary.json").read_text())
    rows = {row["id"]: row for row in summary["submissions"]}
    assert rows["honest"]["status"] == "graded" and rows["honest"]["score"] == 100
    assert rows["stub"]["status"] == "graded" and rows["stub"]["score"] == 0
    for ident in ("carol", "alice", "bob"):
        if ident in rows:  # a linked folder may also be skipped altogether
            _link_rejected(read_report(reports / f"{ident}.json"))
    assert "carol" in rows and "alice" in rows
    assert rows["dave"]["score"] == 0
    for row in rows.values():
        assert row["score"] < 100 or row["id"] == "honest", row


# --- 8. A malformed notebook costs only its own row ---------------------------------------

MALFORMED_NOTEBOOKS = {
    "cells_dict": {"cells": {"a": 1}, "metadata": {}, "nbformat": 4, "nbformat_minor": 5},
    "source_number": {
        "cells": [{"cell_type": "code", "source": 42, "metadata": {}}],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    },
    "source_list_of_numbers": {
        "cells": [{"cell_type": "code", "source": [1, None, {}], "metadata": {}}],
        "nbformat": 4,
    },
    "top_level_list": [1, 2, 3],
    "top_level_string": "cells",
    "cell_not_dict": {"cells": [1, "x", None], "nbformat": 4},
    "cell_type_missing": {"cells": [{"source": "def relu(x):\n    return x\n"}], "nbformat": 4},
    "metadata_tags_number": {
        "cells": [{"cell_type": "code", "source": "x = 1", "metadata": {"tags": 7}}],
        "nbformat": 4,
    },
    "metadata_list": {
        "cells": [{"cell_type": "code", "source": "x = 1", "metadata": [1]}],
        "nbformat": 4,
    },
    "nbformat_string": {"cells": [], "nbformat": "four"},
    "deep_nesting": "DEEP",
}


def _notebook_text(value: object) -> str:
    if value == "DEEP":
        return '{"cells": ' + "[" * 100000 + "]" * 100000 + "}"
    return json.dumps(value)


@pytest.mark.parametrize("name", sorted(MALFORMED_NOTEBOOKS))
def test_a_malformed_notebook_alone(tmp_path: Path, name: str) -> None:
    (tmp_path / "forward.ipynb").write_text(_notebook_text(MALFORMED_NOTEBOOKS[name]))
    done = run_cli(["forward.ipynb", "--sandbox", "process", "-o", "report.json"], tmp_path)
    assert done.returncode in (0, 2), done.stderr.decode(errors="replace")[-2000:]
    assert b"Traceback" not in done.stderr + done.stdout
    report = read_report(tmp_path / "report.json")
    assert report["status"] in ("error", "graded"), report["message"]
    assert report["score"] == 0


def test_malformed_notebooks_in_a_class(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    for name, value in MALFORMED_NOTEBOOKS.items():
        (subs / f"nb_{name}.ipynb").write_text(_notebook_text(value))
    for k in range(3):
        (subs / f"ok{k}.py").write_text(REFERENCE)
    good = json.loads((ROOT / "exercises" / "forward.ipynb").read_text())
    (subs / "zz_stub_notebook.ipynb").write_text(json.dumps(good))
    reports = tmp_path / "reports"
    done = run_cli([str(subs), "-o", str(reports), "--sandbox", "process", "--jobs", "2"],
                   tmp_path, timeout=180)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert b"Traceback" not in done.stderr + done.stdout
    summary = json.loads((reports / "summary.json").read_text())
    validate(summary, "summary")
    rows = {row["id"]: row for row in summary["submissions"]}
    assert len(rows) == len(MALFORMED_NOTEBOOKS) + 4
    for k in range(3):
        assert rows[f"ok{k}"]["status"] == "graded" and rows[f"ok{k}"]["score"] == 100
    assert rows["zz_stub_notebook"]["status"] == "graded"
    for name in MALFORMED_NOTEBOOKS:
        assert rows[f"nb_{name}"]["status"] in ("error", "graded"), rows[f"nb_{name}"]
        assert rows[f"nb_{name}"]["score"] == 0


# --- 10. The grader's own files stay unwritable, even to a sandbox of the grader's user ----


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_the_seccomp_cache_cannot_be_poisoned(tmp_path: Path, sandbox: str) -> None:
    """tests/attacks/poison_seccomp_cache.py overwrites the grader's cached seccomp filter with
    one that allows everything. Where the sandbox shares the grader's uid (a normal user,
    test_nonroot.py), only a read-only file system keeps it from confining nobody next time."""
    from grader.sandbox import seccomp

    from .submissions import attack_source

    seccomp.program.cache_clear()
    compiled = seccomp.program()  # compiles and caches it, as the grader does
    cache = seccomp._cache_file()
    if not compiled or not cache.is_file():
        pytest.skip("no seccomp filter cached here (libseccomp or the cache missing)")
    attack = attack_source(ROOT / "tests" / "attacks" / "poison_seccomp_cache.py")
    (tmp_path / "forward.py").write_text(with_replaced(relu=attack))
    try:
        for run in (1, 2):  # the second run would load a poisoned filter
            done = run_cli(["forward.py", "--sandbox", sandbox, "-o", f"r{run}.json"], tmp_path)
            assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
            assert cache.read_bytes() == compiled, f"run {run} poisoned {cache}"
            scores = exercise_scores(read_report(tmp_path / f"r{run}.json"))
            assert scores["relu"] < 10 and scores["forward"] == 25, scores
    finally:
        if cache.is_file() and cache.read_bytes() != compiled:
            cache.unlink()  # never leave a poisoned filter for the next grader
