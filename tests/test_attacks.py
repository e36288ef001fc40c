"""The attack suite: one hostile submission per attack (tests/attacks/), graded by the real CLI.

For each attack, under each sandbox where it applies: the grader exits 0, writes
a valid report within the stated bound, awards exactly the points the honest
behaviour earns, and leaves no process and no file behind.
"""

from __future__ import annotations

import csv
import ctypes
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from grader.report import validate
from grader.sandbox import confined

from .conftest import REFERENCE, ROOT, SANDBOXES, STUB, full_marks_except, with_replaced
from .submissions import attack_source

ATTACKS = Path(__file__).with_name("attacks")
# Tier 2 runs on this machine too where the kernel has Landlock (tests/test_tiers.py runs
# every attack in it inside a container); the attacks on the grader's bounds run in it here.
ALL = ("process", "bwrap", "landlock")
# (As root it needs the runtime where another uid can reach it, as a container has it.)
TIER2_HERE = confined.probe()[1] is None and (
    os.geteuid() != 0 or confined.unreachable([sys.base_prefix, sys.prefix]) is None
)
HERE = [*SANDBOXES, *(["landlock"] if TIER2_HERE else [])]
TIMEOUT = 0.5  # --timeout for every attack: a hang costs at most this per exercise


@dataclass(frozen=True)
class Attack:
    base: str  # "reference", "stub" or "empty": what the attack is added to
    # "error: <words>", "score: <n>", "at most: <n>", "lose: <exercises>" (those lose points,
    # all others keep full marks) or "others: <exercises>" (all but those keep full marks)
    expect: str
    replaces: str | None = None  # the function the attack's file redefines
    sandboxes: tuple[str, ...] = ("process", "bwrap")
    bound_s: float = 6.0
    says: str = ""  # words in the message of the first test that lost points
    timeout: float = TIMEOUT  # --timeout; more where honest work is slow (touching memory)


TABLE = {
    "loop_at_import": Attack("empty", "error: longer than 10 s", bound_s=14),
    "loop_in_function": Attack("reference", "lose: softmax", "softmax", says="longer than 0.5 s"),
    "sigterm_ignored": Attack("reference", "lose: forward", "forward"),
    "exit_at_import": Attack("reference", "error: SystemExit"),
    "os_exit_at_import": Attack("reference", "error: ended while importing"),
    "exit_in_function": Attack("reference", "lose: relu", "relu", says="raised SystemExit"),
    "os_exit_in_function": Attack(
        "reference", "lose: node_value", "node_value", says="exited with code 7"
    ),
    "memory_bomb": Attack(
        "reference", "lose: hidden_layer", "hidden_layer", says="raised MemoryError"
    ),
    "big_file": Attack("reference", "lose: relu", "relu"),
    "fork_storm": Attack("reference", "score: 100", "relu"),
    # Exercises share a process; one that leaves a thread or holds memory gets a fresh one.
    # Threads a call leaves are stopped before the next call: it gets all of its time.
    "spinning_thread": Attack("reference", "score: 100", "relu", timeout=2.0, bound_s=12),
    "memory_hoard": Attack("reference", "score: 100", "relu", timeout=3.0),
    "setsid_orphans": Attack("reference", "score: 100", "relu"),
    "daemon_overwrites_report": Attack("reference", "score: 100"),
    "fake_report_stdout": Attack("stub", "score: 0"),
    "write_files": Attack("stub", "score: 0"),
    "tcp_connect": Attack("reference", "score: 100", "relu", sandboxes=("bwrap",)),
    "read_solutions": Attack("stub", "score: 0", sandboxes=ALL),
    # The course's folder and the grader's cache, by their real paths: unreadable in every
    # tier (bubblewrap shows none of it; Landlock allows only the runtime elsewhere).
    "read_grader_files": Attack("stub", "score: 0", sandboxes=ALL),
    "frames_and_gc": Attack("stub", "score: 0"),
    "monkeypatch": Attack("stub", "score: 0"),
    "lying_objects": Attack("stub", "score: 0", says="returned a Liar, not numbers"),
    "huge_array": Attack(
        "reference", "lose: softmax", "softmax", says="returned shape (1000000000,)"
    ),
    "flood_output": Attack("reference", "score: 100", bound_s=12),
    "close_std_fds": Attack("reference", "score: 100"),
    "stuck_thread": Attack("reference", "score: 100"),
    "kill_parent": Attack("reference", "others: relu", "relu"),
    # It kills the sandbox's helper (the zygote), and so cannot be graded.
    "kill_everything": Attack("reference", "error: ended while importing", sandboxes=("bwrap",)),
    "replace_modules": Attack("reference", "score: 100"),
    # Inputs are read-only and cannot be made writable, whatever the submission does to the
    # harness (its globals are reachable through sys.modules["__main__"]).
    "readonly_inplace_sub": Attack("reference", "lose: softmax", "softmax"),
    "readonly_rebind_harness": Attack("reference", "lose: softmax", "softmax"),
    "readonly_exp_out": Attack("reference", "lose: softmax", "softmax"),
    "readonly_setflags": Attack("reference", "lose: softmax", "softmax"),
    "readonly_flags_writeable": Attack("reference", "lose: softmax", "softmax"),
    "readonly_copyto": Attack("reference", "lose: softmax", "softmax"),
    "readonly_ctypes_write": Attack("reference", "lose: softmax", "softmax"),
    "readonly_list_pop": Attack("reference", "lose: forward", "forward"),
    # Crafted events on the result pipe: parsed strictly, never an internal error.
    "forge_big_int": Attack("reference", "others: relu", "relu"),
    "forge_huge_shape": Attack("reference", "others: relu", "relu"),
    "forge_empty_huge_shape": Attack("reference", "others: relu", "relu"),
    "forge_huge_index": Attack("reference", "others: relu", "relu"),
    "forge_mutated_index": Attack("reference", "others: relu", "relu"),
    "forge_long_string": Attack("reference", "others: relu", "relu", bound_s=10),
    "forge_nan_duration": Attack("reference", "others: relu", "relu"),
    "forge_deep_json": Attack("reference", "others: relu", "relu"),
    "forge_odd_types": Attack("reference", "others: relu", "relu"),
    # Memory and disk held where neither a process's resident memory nor a folder shows it:
    # the memory cgroup and the sized /tmp of tier 1 bound them (tier 2: see test_tiers.py).
    # Without a memory cgroup (a normal user, a container) the grader's watch counts every file
    # the sandbox keeps alive that no folder lists (reaper.held_files), in every tier.
    "memfd_hoard": Attack("reference", "lose: relu", "relu", sandboxes=ALL, timeout=3.0),
    "unlinked_file_hoard": Attack("reference", "lose: relu", "relu", sandboxes=ALL, timeout=3.0),
    "mapped_memfd_hoard": Attack("reference", "lose: relu", "relu", sandboxes=ALL, timeout=3.0),
    # Files in flight in a unix socket and socket buffers are held by no process: the seccomp
    # filter refuses sockets and sendmsg.
    "inflight_fd_hoard": Attack("reference", "lose: relu", "relu", sandboxes=ALL, timeout=3.0),
    "socket_buffer_hoard": Attack("reference", "lose: relu", "relu", sandboxes=ALL, timeout=3.0),
    # Chains of fork-and-exit: a killer that lists, then kills, always meets old pids.
    "runaway_forks": Attack("reference", "score: 100", "relu"),
    # The environment and memory of the grader (and of its other ancestors) stay closed.
    "peek_grader_memory": Attack("reference", "lose: relu", "relu"),
    # The grader's own cache (its seccomp filter) is not writable from the sandbox.
    "poison_seccomp_cache": Attack("reference", "lose: relu", "relu"),
}

PARAMS = [
    pytest.param(name, sandbox, id=f"{name}-{sandbox}")
    for name, attack in TABLE.items()
    for sandbox in attack.sandboxes
    if sandbox in HERE
]


def test_every_attack_file_is_in_the_table() -> None:
    assert sorted(p.stem for p in ATTACKS.glob("*.py")) == sorted(TABLE)


def test_ci_runs_the_bubblewrap_half() -> None:
    if os.environ.get("CI") and "bwrap" not in SANDBOXES:
        pytest.fail("CI must install bubblewrap: half of the attack suite would not run")


def submission(name: str, attack: Attack, port: int) -> str:
    code = attack_source(ATTACKS / f"{name}.py").replace("PORT", str(port))
    code = code.replace("COURSE_DIR", str(ROOT))
    if attack.replaces:
        return with_replaced(**{attack.replaces: code})
    return {"reference": REFERENCE, "stub": STUB, "empty": ""}[attack.base] + "\n" + code


PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> None:
    """Make this pytest process a child subreaper: whatever escapes from a grader it started
    (setsid, double fork) is re-parented here, so "nothing left behind" looks only at our own
    descendants, never at other people's graders on the same machine."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


become_subreaper()


def _parents() -> dict[int, tuple[int, str]]:
    """Every process's parent and state, from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_bytes().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        found[int(entry.name)] = (int(stat[1]), stat[0].decode())
    return found


def descendants(root: int | None = None) -> set[int]:
    """Living (non-zombie) descendants of this process; zombies re-parented to us are reaped."""
    root = root or os.getpid()
    table = _parents()
    for pid, (parent, state) in table.items():
        if parent == root and state == "Z":
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
    children: dict[int, list[int]] = {}
    for pid, (parent, state) in table.items():
        if state not in ("Z", "X"):
            children.setdefault(parent, []).append(pid)
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def left_behind(before: set[int], grace_s: float = 2.0) -> list[str]:
    """Our descendants that were not there before the run and are still alive after a grace."""
    deadline = time.monotonic() + grace_s
    while True:
        new = descendants() - before
        if not new or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    out = []
    for pid in sorted(new):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            out.append(f"{pid}: {cmd.decode(errors='replace')[:200]}")
        except OSError:
            continue
    return out


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The CLI's environment: colours off, and its own TMPDIR, so that its temporary folders
    are ours to check (and nobody else's)."""
    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    env.update(NO_COLOR="1", TMPDIR=str(tmpdir), **extra)
    return env


def run_cli(
    args: list[str],
    tmp_path: Path,
    *,
    cwd: Path | None = None,
    timeout: float = 90,
    env: dict[str, str] | None = None,
    merge: bool = False,
) -> subprocess.CompletedProcess[bytes]:
    """``grade ARGS`` as a child of this process, with cli_env()."""
    return subprocess.run(
        [sys.executable, "-m", "grader", *args],
        cwd=cwd or tmp_path,
        timeout=timeout,
        env=env or cli_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if merge else subprocess.PIPE,
    )


def tmpdir_left(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in (tmp_path / "tmpdir").iterdir())


class Listener:
    """A loopback TCP listener that records whether anything connected."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.running = False
        self.thread.join()
        self.sock.close()


def check_expectation(report: dict, attack: Attack) -> None:
    """The report gives exactly the points the attack's honest behaviour earns."""
    kind, _, value = attack.expect.partition(": ")
    if kind == "error":
        assert report["status"] == "error" and value in report["message"], report["message"]
    elif kind == "score":
        assert report["status"] == "graded" and report["score"] == float(value), report["tests"]
    elif kind == "at most":
        assert report["score"] <= float(value)
    elif kind == "lose":
        assert report["status"] == "graded", report["message"]
        assert full_marks_except(report, *value.split()), report["exercises"]
    else:
        assert report["status"] == "graded", report["message"]
        others = [e for e in report["exercises"] if e["name"] not in value.split()]
        assert all(e["score"] == e["max_score"] for e in others), report["exercises"]

    if attack.says:
        lost = next(t for t in report["tests"] if t["status"] != "passed")
        assert attack.says in lost["message"], lost["message"]


@pytest.mark.parametrize("name, sandbox", PARAMS)
def test_attack(tmp_path: Path, name: str, sandbox: str) -> None:
    attack = TABLE[name]
    listener = Listener() if name == "tcp_connect" else None
    work = tmp_path / "work"
    work.mkdir()
    path = work / "forward.py"
    path.write_text(submission(name, attack, listener.port if listener else 0))
    before = descendants()
    command = [str(path), "--sandbox", sandbox, "--timeout", str(attack.timeout),
               "-o", "report.json"]  # fmt: skip
    start = time.monotonic()
    done = run_cli(command, tmp_path, cwd=work, timeout=60)
    elapsed = time.monotonic() - start
    if listener:
        listener.close()

    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert elapsed < attack.bound_s, f"took {elapsed:.1f} s"
    if name == "daemon_overwrites_report":
        time.sleep(2.5)  # the daemon would have written by now, had it survived
    report = json.loads((work / "report.json").read_text())
    validate(report, "report")
    assert report["sandbox"] == sandbox
    assert report["status"] in ("graded", "error"), report["message"]

    check_expectation(report, attack)

    # Nothing left behind: no process of ours, no stray file, no sandbox folder.
    assert left_behind(before) == []
    assert sorted(p.name for p in work.iterdir()) == ["forward.py", "report.json"]
    assert tmpdir_left(tmp_path) == []
    if name == "write_files":
        left = Path("/tmp/fg-attack-file")
        assert not left.exists() or sandbox == "process"  # process mode cannot stop this
        left.unlink(missing_ok=True)
        (Path.home() / "fg-attack-file").unlink(missing_ok=True)
    if listener:
        assert listener.connections == 0
    if name == "flood_output":
        assert "output truncated: 209715200 bytes in all" in report["stdout"]


# --- Student text: every destination gets it neutralised -----------------------------------

HOSTILE_TEXT = ATTACKS / "text" / "hostile_text.py"
TERMINAL_BAD = (b"\x1b", b"\xc2\x9b", b"\r", b"\x07", b"\x08")  # ESC, 8-bit CSI, CR, BEL, BS
FORMULA_START = ("=", "+", "-", "@")


def _terminal_problems(output: bytes) -> list[str]:
    problems = [f"{bad!r} in the output" for bad in TERMINAL_BAD if bad in output]
    fake = [line for line in output.split(b"\n") if line.startswith(b"Score:")]
    if len(fake) > 1:
        problems.append(f"{len(fake)} lines start with 'Score:' (one is the student's)")
    return problems


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _check_report_file(path: Path, schema: str = "report") -> dict:
    data = path.read_bytes()
    assert len(data) < 256 * 1024, f"report of {len(data)} bytes"
    report = json.loads(data.decode("utf-8"))  # strict UTF-8
    validate(report, schema)
    for text in _strings(report):
        text.encode("utf-8")  # no lone surrogate hides behind a \\ud800 escape
        assert "\x1b" not in text and "\x9b" not in text, repr(text[:200])
    return report


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_student_text_single(tmp_path: Path, sandbox: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "forward.py").write_text(HOSTILE_TEXT.read_text())
    before = descendants()
    done = run_cli(["forward.py", "--sandbox", sandbox, "--timeout", "2", "-o", "report.json"],
                   tmp_path, cwd=work)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert _terminal_problems(done.stdout + b"\n" + done.stderr) == []
    report = _check_report_file(work / "report.json")
    assert report["status"] == "graded" and report["score"] == 0.0
    assert left_behind(before) == [] and tmpdir_left(tmp_path) == []


def test_student_text_report_to_stdout(tmp_path: Path) -> None:
    """``-o -``: the report on stdout, the summary on stderr; neither may carry escapes."""
    (tmp_path / "forward.py").write_text(HOSTILE_TEXT.read_text())
    done = run_cli(["forward.py", "--timeout", "2", "-o", "-"], tmp_path)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert b"\x1b" not in done.stdout and b"\x1b" not in done.stderr
    assert len(done.stdout) < 256 * 1024
    json.loads(done.stdout.decode("utf-8"))


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_student_text_in_a_class_and_its_exports(tmp_path: Path, sandbox: str) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    hostile = HOSTILE_TEXT.read_text()
    (subs / "-2+3+cmd.py").write_text(hostile)  # a file name that is a formula once made an id
    (subs / "@SUM(1+1).py").write_text(hostile)
    (subs / "honest.py").write_text(REFERENCE)
    folder = subs / "\x1b[2J\x1b[32mScore 100"  # a student folder named with escapes
    folder.mkdir()
    (folder / "forward.py").write_text(hostile)
    reports = tmp_path / "reports"
    done = run_cli([str(subs), "-o", str(reports), "--sandbox", sandbox, "--jobs", "1",
                    "--timeout", "2"], tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    problems = [f"terminal: {p}" for p in _terminal_problems(done.stdout + b"\n" + done.stderr)]
    for path in reports.glob("*.json"):
        if not path.name.startswith("summary"):
            # similarity.json: the class's similarity, its own schema, the same checks
            schema = "similarity" if path.name == "similarity.json" else "report"
            try:
                _check_report_file(path, schema)
            except (AssertionError, ValueError) as exc:
                problems.append(f"{path.name}: {str(exc)[:120]}")
    honest = json.loads((reports / "honest.json").read_text())
    assert honest["score"] == 100.0

    # JUnit XML parses, and carries no control character XML forbids.
    junit = tmp_path / "junit.xml"
    done = run_cli(["export", "--to", "junit", str(reports), "-o", str(junit)], tmp_path)
    if done.returncode != 0:
        problems.append(f"export junit: {done.stderr.decode(errors='replace')[-200:]}")
    else:
        try:
            ET.parse(junit)
        except ET.ParseError as exc:
            problems.append(f"junit.xml does not parse: {exc}")

    # Canvas CSV and the summary: no cell that a spreadsheet would run as a formula.
    canvas = tmp_path / "grades.csv"
    done = run_cli(["export", "--to", "canvas", str(reports), "-o", str(canvas)], tmp_path)
    if done.returncode != 0:
        problems.append(f"export canvas: {done.stderr.decode(errors='replace')[-200:]}")
    for table in (canvas, reports / "summary.csv"):
        if not table.exists():
            continue
        for row in csv.reader(io.StringIO(table.read_text())):
            for cell in row:
                if cell.startswith(FORMULA_START):
                    try:
                        float(cell)
                    except ValueError:
                        problems.append(f"{table.name}: cell {cell!r} would run as a formula")

    # The HTML class report: student text is escaped.
    page = tmp_path / "class.html"
    done = run_cli(["report", str(reports), "-o", str(page)], tmp_path)
    if done.returncode != 0:
        problems.append(f"report: {done.stderr.decode(errors='replace')[-200:]}")
    html = page.read_text() if page.exists() else ""
    if live_markup(html):
        problems.append(f"class.html: live markup from student text: {live_markup(html)}")
    if "\x1b" in html:
        problems.append("class.html: ESC")
    assert problems == [], "\n".join(p[:160] for p in problems)


def live_markup(html: str) -> list[str]:
    """Elements the student's text made real: a script that alerts, or an on* handler."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "img" or any(name.startswith("on") for name, _ in attrs):
                found.append(tag)

        def handle_data(self, data: str) -> None:
            if self.lasttag == "script" and "fg-xss" in data:
                found.append("script")

    Finder().feed(html)
    return found
