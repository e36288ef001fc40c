"""Inside a container: grade a plan of submissions with the real CLI and record what happened.

Run by tests/test_tiers.py through tests/docker.py as ``python tests/docker_driver.py PLAN``
(standard library only). For each job: the exit code, the time, the output's tail, and
what the sandbox left behind afterwards (processes of a sandbox uid, files in the shared
temporary folders). A loopback TCP listener counts connections (the tcp_connect attack).
Results go to RESULTS (a JSON file in the writable /out).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time

SANDBOX_UIDS = 1_900_000_000  # grader/sandbox/users.py: every sandbox uid is at least this
SHARED = ("/tmp", "/dev/shm", "/var/tmp")
PORT = 47123


def reap() -> None:
    """This driver is the container's first process: orphans that ended come here to die."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if not pid:
            return


def sandbox_processes(uid: int | None) -> list[str]:
    """Processes of a sandbox uid, or of ``uid`` (the normal user the grader ran as)."""
    reap()
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                owner = os.stat(f"/proc/{name}").st_uid
                if owner == uid or (uid is None and owner >= SANDBOX_UIDS):
                    with open(f"/proc/{name}/cmdline", "rb") as handle:
                        found.append(f"{name}: {handle.read()[:100]!r}")
            except OSError:
                continue
    return found


def shared_files() -> set[str]:
    found = set()
    for folder in SHARED:
        try:
            found |= {os.path.join(folder, n) for n in os.listdir(folder)}
        except OSError:
            continue
    return found


class Listener:
    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", PORT))
        self.sock.settimeout(0.2)
        self.connections = 0
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()


def main(plan_path: str) -> None:
    with open(plan_path) as handle:
        plan = json.load(handle)
    listener = Listener()
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    env.update(NO_COLOR="1", PYTHONPATH=plan["root"])
    user = plan.get("user")  # a normal user's uid: the grader runs as it, not as root
    prefix = []
    if user is not None:
        home = f"/tmp/home-{user}"
        os.makedirs(home, exist_ok=True)
        os.chown(home, user, user)
        env["HOME"] = home
        prefix = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", "--"]
    baseline = shared_files()
    results = {}
    for job in plan["jobs"]:
        listener.connections = 0
        start = time.monotonic()
        command = [*prefix, sys.executable, "-m", "grader", *job["args"]]
        done = subprocess.run(command, cwd=job["cwd"], env=env, capture_output=True, timeout=300)
        elapsed = time.monotonic() - start
        time.sleep(job.get("after_s", 0.3))
        results[job["name"]] = {
            "rc": done.returncode,
            "elapsed": elapsed,
            "stdout": done.stdout.decode(errors="replace")[-3000:],
            "stderr": done.stderr.decode(errors="replace")[-3000:],
            "processes": sandbox_processes(user),
            "files": sorted(shared_files() - baseline),
            "connections": listener.connections,
        }
        baseline = shared_files() | baseline
    with open(plan["results"], "w") as handle:
        json.dump(results, handle)


if __name__ == "__main__":
    main(sys.argv[1])
