"""The attack suite: one hostile submission per attack (tests/attacks/), graded by the real CLI.

For each attack, under each sandbox where it applies: the grader exits 0, writes
a valid report within the stated bound, awards exactly the points the honest
behaviour earns, and leaves no process and no file behind.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from grader.report import validate

from .conftest import REFERENCE, SANDBOXES, STUB, full_marks_except, with_replaced

ATTACKS = Path(__file__).with_name("attacks")
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
    "spinning_thread": Attack("reference", "score: 100", "relu"),
    "memory_hoard": Attack("reference", "score: 100", "relu", timeout=3.0),
    "setsid_orphans": Attack("reference", "score: 100", "relu"),
    "daemon_overwrites_report": Attack("reference", "score: 100"),
    "fake_report_stdout": Attack("stub", "score: 0"),
    "write_files": Attack("stub", "score: 0"),
    "tcp_connect": Attack("reference", "score: 100", "relu", sandboxes=("bwrap",)),
    "read_solutions": Attack("stub", "score: 0", sandboxes=("bwrap",)),
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
}

PARAMS = [
    pytest.param(name, sandbox, id=f"{name}-{sandbox}")
    for name, attack in TABLE.items()
    for sandbox in attack.sandboxes
    if sandbox in SANDBOXES
]


def test_every_attack_file_is_in_the_table() -> None:
    assert sorted(p.stem for p in ATTACKS.glob("*.py")) == sorted(TABLE)


def test_ci_runs_the_bubblewrap_half() -> None:
    if os.environ.get("CI") and "bwrap" not in SANDBOXES:
        pytest.fail("CI must install bubblewrap: half of the attack suite would not run")


def submission(name: str, attack: Attack, port: int) -> str:
    code = (ATTACKS / f"{name}.py").read_text().replace("PORT", str(port))
    if attack.replaces:
        return with_replaced(**{attack.replaces: code})
    return {"reference": REFERENCE, "stub": STUB, "empty": ""}[attack.base] + "\n" + code


def harness_processes() -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and b"harness.py" in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


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


@pytest.mark.parametrize("name, sandbox", PARAMS)
def test_attack(tmp_path: Path, name: str, sandbox: str) -> None:
    attack = TABLE[name]
    listener = Listener() if name == "tcp_connect" else None
    path = tmp_path / "forward.py"
    path.write_text(submission(name, attack, listener.port if listener else 0))
    grader_tmp = set(Path(tempfile.gettempdir()).glob("grader-*"))
    command = [sys.executable, "-m", "grader", str(path), "--sandbox", sandbox,
               "--timeout", str(attack.timeout), "-o", "report.json"]  # fmt: skip
    start = time.monotonic()
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})  # fmt: skip
    elapsed = time.monotonic() - start
    if listener:
        listener.close()

    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert elapsed < attack.bound_s, f"took {elapsed:.1f} s"
    if name == "daemon_overwrites_report":
        time.sleep(2.5)  # the daemon would have written by now, had it survived
    report = json.loads((tmp_path / "report.json").read_text())
    validate(report, "report")
    assert report["sandbox"] == sandbox

    kind, _, value = attack.expect.partition(": ")
    if kind == "error":
        assert report["status"] == "error" and value in report["message"], report["message"]
    elif kind == "score":
        assert report["status"] == "graded" and report["score"] == float(value), report["tests"]
    elif kind == "at most":
        assert report["score"] <= float(value)
    elif kind == "lose":
        assert full_marks_except(report, *value.split()), report["exercises"]
    else:
        others = [e for e in report["exercises"] if e["name"] not in value.split()]
        assert all(e["score"] == e["max_score"] for e in others), report["exercises"]

    if attack.says:
        lost = next(t for t in report["tests"] if t["status"] != "passed")
        assert attack.says in lost["message"], lost["message"]

    # Nothing left behind: no student process, no stray file, no sandbox folder.
    assert harness_processes() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forward.py", "report.json"]
    assert set(Path(tempfile.gettempdir()).glob("grader-*")) == grader_tmp
    if name == "write_files":
        left = Path("/tmp/fg-attack-file")
        assert not left.exists() or sandbox == "process"  # process mode cannot stop this
        left.unlink(missing_ok=True)
        (Path.home() / "fg-attack-file").unlink(missing_ok=True)
    if listener:
        assert listener.connections == 0
    if name == "flood_output":
        assert "output truncated: 209715200 bytes in all" in report["stdout"]
