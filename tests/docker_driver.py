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


def sandbox_processes() -> list[str]:
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                if os.stat(f"/proc/{name}").st_uid >= SANDBOX_UIDS:
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
    baseline = shared_files()
    results = {}
    for job in plan["jobs"]:
        listener.connections = 0
        start = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "grader", *job["args"]], cwd=job["cwd"],
                              env=env, capture_output=True, timeout=300)  # fmt: skip
        elapsed = time.monotonic() - start
        time.sleep(job.get("after_s", 0.3))
        results[job["name"]] = {
            "rc": done.returncode,
            "elapsed": elapsed,
            "stdout": done.stdout.decode(errors="replace")[-3000:],
            "stderr": done.stderr.decode(errors="replace")[-3000:],
            "processes": sandbox_processes(),
            "files": sorted(shared_files() - baseline),
            "connections": listener.connections,
        }
        baseline = shared_files() | baseline
    with open(plan["results"], "w") as handle:
        json.dump(results, handle)


if __name__ == "__main__":
    main(sys.argv[1])
