"""The isolation tiers where courses run: tier 2 inside a real Docker-default container.

Docker's default profile refuses the namespaces of tier 1 (unshare: EPERM), as
Gradescope's and container CI jobs' do. Inside one (tests/docker.py), ``grade --sandbox
auto`` must choose tier 2 and say so, give the reference full marks and the stub 0, keep
every leftover of one student from the next in a class, and contain every attack of
tests/attacks with the points its honest behaviour earns, leaving no process and no
file behind.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from grader.report import validate

from .conftest import REFERENCE, ROOT, STUB, with_replaced
from .docker import docker_or_fail, in_docker
from .docker_driver import PORT
from .test_attacks import TABLE, Attack, check_expectation, submission
from .test_isolation import (
    CHANNELS,
    FILL_DEV_SHM,
    MEMORY_ATTACKS,
    PEAK_BOUND,
    GiB,
    MemoryWatch,
    mem_available,
    reader_relu,
    writer_source,
)

PYTHON = ROOT / ".venv" / "bin" / "python"

# What differs from the table in tier 2, and why.
TIER2: dict[str, Attack] = {
    # Landlock scopes signals to the runner's own domain: the zygote and the grader are out
    # of its reach, so the submission kills only its own processes and is graded in full.
    "kill_everything": Attack("reference", "score: 100"),
}

NOBODY = 65534
# A normal user in a container: no uid of its own for the sandbox, the same uid as the
# grader. What must still hold: what the student cannot kill, read, write or reach.
NONROOT_ATTACKS = ("kill_everything", "kill_parent", "daemon_overwrites_report",
                   "read_solutions", "write_files", "tcp_connect", "setsid_orphans",
                   "fork_storm", "close_std_fds", "forge_huge_shape", "runaway_forks",
                   "poison_seccomp_cache", "peek_grader_memory", "memfd_hoard",
                   "unlinked_file_hoard", "mapped_memfd_hoard", "inflight_fd_hoard",
                   "socket_buffer_hoard", "read_grader_files", "spinning_thread")  # fmt: skip


def _plan_jobs(out: Path, attacks: tuple[str, ...]) -> list[dict]:
    jobs = []

    def single(name: str, source: str, *args: str, after_s: float = 0.3) -> None:
        folder = out / "subs" / name
        folder.mkdir(parents=True)
        folder.chmod(0o777)
        (folder / "forward.py").write_text(source)
        args = ("forward.py", "--sandbox", "auto", "-o", "report.json", *args)
        jobs.append({"name": name, "cwd": str(folder), "after_s": after_s, "args": args})

    single("reference", REFERENCE)
    single("stub", STUB)
    # A class: every channel's writer, then every channel's reader, in one batch worker.
    klass = out / "subs" / "class"
    klass.mkdir(parents=True)
    for k, channel in enumerate(CHANNELS):
        token = uuid.uuid4().hex[:12]
        (klass / f"a{k:02d}_{channel}.py").write_text(writer_source(channel, token))
        (klass / f"b{k:02d}_{channel}.py").write_text(
            with_replaced(relu=reader_relu(channel, token))
        )
    (klass / "c_honest.py").write_text(REFERENCE)
    (out / "class-reports").mkdir()
    (out / "class-reports").chmod(0o777)
    jobs.append({"name": "class", "cwd": str(out), "after_s": 0.3,
                 "args": [str(klass), "-o", str(out / "class-reports"), "--sandbox", "auto",
                          "--jobs", "1", "--timeout", "2"]})  # fmt: skip
    for name in attacks:
        attack = TIER2.get(name, TABLE[name])
        single(f"attack-{name}", submission(name, attack, PORT), "--timeout", str(attack.timeout),
               after_s=2.5 if name == "daemon_overwrites_report" else 0.3)  # fmt: skip
    return jobs


def _run_plan(out: Path, jobs: list[dict], user: int | None = None) -> dict:
    """Run the jobs in one container (as root, or as ``user``); the driver's results."""
    docker_or_fail()
    out.chmod(0o755)
    # The container's paths are the same as ours: /out is bound at ``out`` too.
    plan = {"root": str(ROOT), "jobs": jobs, "results": str(out / "results.json"), "user": user}
    (out / "plan.json").write_text(json.dumps(plan))
    # in-docker's image has a root folder of mode 0700 (made by mktemp); real images have
    # 0755, which the sandbox's own uid needs to reach anything: the grader says so, and
    # refuses to start the uid-separated tier, rather than changing the machine itself.
    done = in_docker(["sh", "-c", f"chmod o+x / && exec {PYTHON} tests/docker_driver.py "
                      f"{out / 'plan.json'}"], binds=(f"{out}:{out}",), out=out,
                     timeout=1800)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    return json.loads((out / "results.json").read_text())


@pytest.fixture(scope="module", params=["root", "nobody"])
def docker_run(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict, str]:
    docker_or_fail()
    out = tmp_path_factory.mktemp(f"in-docker-{request.param}")
    attacks = tuple(TABLE) if request.param == "root" else NONROOT_ATTACKS
    jobs = _plan_jobs(out, attacks)
    user = None if request.param == "root" else NOBODY
    return out, _run_plan(out, jobs, user), request.param


def _report(out: Path, name: str) -> dict:
    report = json.loads((out / "subs" / name / "report.json").read_text())
    validate(report, "report")
    return report


def _clean(result: dict) -> None:
    assert result["rc"] == 0, result["stderr"]
    assert "Traceback" not in result["stderr"] + result["stdout"]
    assert result["processes"] == [], result["processes"]
    assert result["files"] == [], result["files"]


def test_docker_grades_the_reference_and_the_stub_in_tier_2(docker_run) -> None:
    out, results, _ = docker_run
    for name, score in (("reference", 100.0), ("stub", 0.0)):
        _clean(results[name])
        report = _report(out, name)
        assert report["status"] == "graded" and report["score"] == score, report["message"]
        assert report["sandbox"] == "landlock" and report["isolation"]["tier"] == 2
        assert "Sandbox: tier 2, 'landlock'" in results[name]["stderr"]


def test_docker_class_nothing_crosses_between_students(docker_run) -> None:
    out, results, _ = docker_run
    _clean(results["class"])
    reports = out / "class-reports"
    for k, channel in enumerate(CHANNELS):
        reader = json.loads((reports / f"b{k:02d}_{channel}.json").read_text())
        validate(reader, "report")
        assert reader["sandbox"] == "landlock"
        scores = {e["name"]: e["score"] for e in reader["exercises"]}
        assert reader["status"] == "graded" and scores["relu"] == 0, f"{channel} crossed"
    honest = json.loads((reports / "c_honest.json").read_text())
    assert honest["score"] == 100.0


@pytest.mark.parametrize("name", sorted(TABLE))
def test_docker_attack_is_contained(docker_run, name: str) -> None:
    out, results, who = docker_run
    if who != "root" and name not in NONROOT_ATTACKS:
        pytest.skip("as a normal user, the container runs the attacks that aim at the grader")
    attack = TIER2.get(name, TABLE[name])
    result = results[f"attack-{name}"]
    _clean(result)
    assert result["elapsed"] < attack.bound_s + 2, f"took {result['elapsed']:.1f} s"
    assert result["connections"] == 0
    report = _report(out, f"attack-{name}")
    assert report["sandbox"] == "landlock"
    check_expectation(report, attack)
    folder = out / "subs" / f"attack-{name}"
    assert sorted(p.name for p in folder.iterdir()) == ["forward.py", "report.json"]


@pytest.mark.parametrize("who", ["root", "nobody"])
@pytest.mark.parametrize("attack", sorted(MEMORY_ATTACKS))
def test_docker_memory_is_bounded(tmp_path: Path, attack: str, who: str) -> None:
    """No memory cgroup inside the container: the grader's own watch bounds all processes."""
    docker_or_fail()
    if mem_available() < 6 * GiB:
        pytest.skip("not enough free memory on this machine to run this attack safely")
    out = tmp_path / "out"
    (out / "subs" / attack).mkdir(parents=True)
    out.chmod(0o755)
    (out / "subs" / attack / "forward.py").write_text(with_replaced(relu=MEMORY_ATTACKS[attack]))
    args = ["forward.py", "--sandbox", "auto", "--timeout", "10", "-o", "report.json"]
    jobs = [{"name": attack, "cwd": str(out / "subs" / attack), "args": args}]
    (out / "subs" / attack).chmod(0o777)
    watch = MemoryWatch()
    try:
        results = _run_plan(out, jobs, None if who == "root" else NOBODY)
    finally:
        watch.stop()
    result = results[attack]
    _clean(result)
    report = _report(out, attack)
    assert report["sandbox"] == "landlock" and report["status"] == "graded", report["message"]
    others = [e for e in report["exercises"] if e["name"] != "relu"]
    assert all(e["score"] == e["max_score"] for e in others), report["exercises"]
    peak = watch.before - watch.lowest
    assert peak < PEAK_BOUND, f"the submission held {peak / GiB:.2f} GiB at its peak"


def test_docker_scratch_folder_is_bounded(tmp_path: Path) -> None:
    """Tier 2's scratch folder is on the machine's disk: the grader's watch bounds it too."""
    docker_or_fail()
    out = tmp_path / "out"
    folder = out / "subs" / "cwd_fill"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    fill = FILL_DEV_SHM.replace("/dev/shm/", "./").replace("TOTAL", str(GiB // 2))
    (folder / "forward.py").write_text(with_replaced(relu=fill))
    args = ["forward.py", "--sandbox", "auto", "--timeout", "10", "-o", "report.json"]
    results = _run_plan(out, [{"name": "cwd_fill", "cwd": str(folder), "args": args}])
    _clean(results["cwd_fill"])
    report = _report(out, "cwd_fill")
    assert report["sandbox"] == "landlock" and report["status"] == "graded", report["message"]
    lost = [t for t in report["tests"] if t["status"] != "passed"]
    assert lost and all(t["exercise"] == "relu" for t in lost), lost[:3]
    assert "killed" in lost[0]["message"], lost[0]["message"]


HOLDER = """
import ctypes, mmap, os, sys, time
libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                      ctypes.c_int, ctypes.c_long]
kept = []
open_memfd = os.memfd_create("open")                       # held by a descriptor
os.write(open_memfd, b"o" * (3 << 20))
name = os.path.join(sys.argv[1], "unlinked")              # unlinked, held by a descriptor
unlinked = os.open(name, os.O_RDWR | os.O_CREAT, 0o600)
os.unlink(name)
os.write(unlinked, b"u" * (2 << 20))
mapped = os.memfd_create("mapped")                         # held by a mapping only
os.write(mapped, b"m" * (5 << 20))
kept.append(libc.mmap(None, 4096, 1, 1, mapped, 0))
os.close(mapped)
print("ready", flush=True)
time.sleep(30)
"""


def test_the_watch_counts_what_no_folder_lists(tmp_path: Path) -> None:
    """reaper.held_files: memfds and unlinked files held open, memfds held by a mapping
    only; each at least its size (a mapping that cannot be opened: the file-size limit)."""
    import subprocess
    import sys

    from grader.sandbox.reaper import held_files

    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)],
                             stdout=subprocess.PIPE)  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        held = held_files([child.pid], file_limit=8 << 20)
    finally:
        child.kill()
        child.wait()
    sizes = sorted(size for size in held.values() if size >= 1 << 20)  # (libffi maps one too)
    assert len(sizes) == 3, held
    assert sizes[0] >= 2 << 20 and sizes[1] >= 3 << 20 and sizes[2] >= 5 << 20, sizes
