"""Measure forward-grader against the interpreter floor, in one run on one machine.

    python benchmarks/bench.py [--repeat 3] [-o benchmarks/results.json]

Every figure is the median of repeated runs and is also given as a ratio to a
baseline measured in the same run: the floor (`python -c "import numpy"`) for
single submissions, a loop of single `grade` calls for batches. It prints a
table and writes it as JSON. It is a script, not a test: nothing here asserts
an absolute time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.submissions import make_class  # noqa: E402

PYTHON = sys.executable
GRADE = [PYTHON, "-m", "grader"]
CORES = os.cpu_count() or 1


def wall(command: list[str], **kwargs: Any) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def median_of(repeat: int, command: list[str], **kwargs: Any) -> float:
    wall(command, **kwargs)  # warm the file cache; not counted
    return statistics.median(wall(command, **kwargs) for _ in range(repeat))


def sandboxes() -> list[str]:
    from grader.sandbox import bwrap_works

    return ["process", "bwrap"] if bwrap_works() else ["process"]


class MemoryWatch:
    """Samples the resident memory of a batch's worker processes while it runs."""

    def __init__(self, parent: int) -> None:
        self.parent, self.samples = parent, {}  # type: ignore[var-annotated]
        self.running = True
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        start = time.perf_counter()
        while self.running:
            for pid in _workers(self.parent):
                rss = _rss_kb(pid)
                if rss:
                    self.samples.setdefault(pid, []).append((time.perf_counter() - start, rss))
            time.sleep(0.1)

    def stop(self) -> dict[str, float]:
        self.running = False
        self.thread.join()
        workers = [s for s in self.samples.values() if len(s) >= 10]
        if not workers:
            return {}
        series = max(workers, key=len)
        tenth = len(series) // 10
        early = statistics.median(r for _, r in series[tenth : 2 * tenth + 1])
        late = statistics.median(r for _, r in series[-2 * tenth - 1 : -tenth or None])
        return {
            "worker_peak_mb": max(r for s in workers for _, r in s) / 1024,
            "worker_rss_early_mb": early / 1024,
            "worker_rss_late_mb": late / 1024,
        }


def _workers(parent: int) -> list[int]:
    """The batch's worker processes: children of the grade command started by spawn."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                spawned = b"spawn_main" in (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat[1]) == parent and spawned:
                found.append(int(entry.name))
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def batch(folder: Path, *, jobs: int, sandbox: str, timeout: float = 2.0,
          watch: bool = False) -> tuple[float, dict[str, float]]:  # fmt: skip
    out = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    command = [*GRADE, str(folder), "-o", str(out), "--jobs", str(jobs), "--sandbox", sandbox,
               "--timeout", str(timeout), "--force"]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watcher = MemoryWatch(proc.pid) if watch else None
    proc.wait()
    elapsed = time.perf_counter() - start
    memory = watcher.stop() if watcher else {}
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        raise SystemExit(f"batch failed: {' '.join(command)}")
    return elapsed, memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("-o", "--output", default=str(ROOT / "benchmarks" / "results.json"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    rows: list[dict[str, Any]] = []

    def row(name: str, seconds: float, baseline: float, per: int = 1, note: str = "") -> None:
        rows.append({"measure": name, "seconds": round(seconds, 3),
                     "per_second": round(per / seconds, 1) if per > 1 else None,
                     "ratio": round(seconds / baseline, 2), "note": note})  # fmt: skip
        print(f"{name:<48} {seconds:8.3f} s  x{seconds / baseline:5.2f}  {note}", flush=True)

    floor = median_of(args.repeat * 2 + 1, [PYTHON, "-c", "import numpy"])
    row("floor: python -c 'import numpy'", floor, floor)
    solution = str(ROOT / "solutions" / "forward.py")
    single: dict[str, float] = {}
    for sandbox in sandboxes():
        single[sandbox] = median_of(args.repeat * 2 + 1, [*GRADE, solution, "--sandbox", sandbox,
                                    "-o", str(work / "r.json")])  # fmt: skip
        row(f"grade solutions/forward.py --sandbox {sandbox}", single[sandbox], floor,
            note="vs the floor")  # fmt: skip

    best = sandboxes()[-1]
    loop_folder = make_class(work / "loop", 20)
    files = sorted(loop_folder.glob("*.py"))

    def loop() -> float:
        start = time.perf_counter()
        for path in files:
            subprocess.run([*GRADE, str(path), "--sandbox", best, "-o", str(work / "l.json")],
                           capture_output=True, check=False)  # fmt: skip
        return (time.perf_counter() - start) / len(files)

    per_single = statistics.median(loop() for _ in range(args.repeat))
    row(f"loop of single grade calls ({best}), per submission", per_single, floor,
        note=f"{1 / per_single:.1f}/s")  # fmt: skip

    results: dict[str, Any] = {}
    for n in (200, 1000):
        folder = make_class(work / f"class{n}", n)
        for sandbox in [best] if n == 1000 else sandboxes():
            runs = [batch(folder, jobs=CORES, sandbox=sandbox, watch=n == 1000)
                    for _ in range(args.repeat)]  # fmt: skip
            seconds = statistics.median(r[0] for r in runs)
            if n == 1000:
                results["memory"] = runs[-1][1]
            row(f"batch {n} mixed, --jobs {CORES}, {sandbox}", seconds, per_single * n, per=n,
                note=f"{n / seconds:.0f}/s; ratio to the loop of singles")  # fmt: skip
            results[f"batch_{n}_{sandbox}_per_second"] = n / seconds
    folder = work / "class200"
    one = statistics.median(batch(folder, jobs=1, sandbox=best)[0] for _ in range(args.repeat))
    row(f"batch 200 mixed, --jobs 1, {best}", one, per_single * 200, per=200,
        note=f"{200 / one:.0f}/s; scaling 1 -> {CORES} jobs: x{one / (200 / results[f'batch_200_{best}_per_second']):.2f}")  # fmt: skip  # noqa: E501

    clean = 200 / results[f"batch_200_{best}_per_second"]
    looping = make_class(work / "loops", 200, loops=0.05)
    results["loops"] = {}
    for timeout in (0.25, 0.5, 1.0, 2.0):
        seconds = statistics.median(batch(looping, jobs=CORES, sandbox=best, timeout=timeout)[0]
                                    for _ in range(args.repeat))  # fmt: skip
        results["loops"][str(timeout)] = seconds / clean
        row(f"batch 200 with 5% endless loops, --timeout {timeout}", seconds, clean, per=200,
            note="ratio to the clean batch")  # fmt: skip
    memory = results.get("memory", {})
    if memory:
        print(f"worker peak RSS {memory['worker_peak_mb']:.0f} MB; RSS early "
              f"{memory['worker_rss_early_mb']:.0f} MB, late {memory['worker_rss_late_mb']:.0f} MB "
              "(1000 submissions)")  # fmt: skip
    document = {
        "machine": {
            "cores": CORES,
            "cpu": _cpu(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "rows": rows,
        "memory": memory,
        "loops_ratio_by_timeout": results["loops"],
    }
    Path(args.output).write_text(json.dumps(document, indent=2) + "\n")
    print(f"written to {args.output}")
    shutil.rmtree(work, ignore_errors=True)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    main()
