"""Measure forward-grader against baselines measured in the same run, on this machine.

    python benchmarks/bench.py [--pairs 10] [--before DIR] [-o benchmarks/results.json]

Each figure is a ratio to its own baseline, measured interleaved with it (baseline,
measure, baseline, measure, ...) so that a machine busy with other work slows both
alike; the figure is the median of the pairs' ratios:

* a single grade of the reference, per sandbox / ``python -c "import numpy"``: tier 1
  (``bwrap``, ``process``) here, and tier 2 (``landlock``) inside a Docker-default
  container (tests/docker.py: no namespaces there), baseline and grades both in it;
* ``check("relu")`` in a Jupyter kernel / a bare cell in that kernel;
* a class of 200 mixed submissions (correct, buggy, stubs, broken) with ``--jobs 2``:
  submissions graded per ``import numpy`` time (throughput times that time);
* a batch worker's resident memory over 500 submissions: its peak and its last tenth,
  each / its resident memory over its first tenth (flat is 1.0).

``--before DIR`` measures another checkout of the project (e.g. ``git worktree add`` of
main) in the same pairs, with the same interpreter: before/after figures from one run.
Both trees are byte-compiled first, as ``pip install`` does. CPU time ratios (the command
and every process it waited for, against ``import numpy``'s) say what a loaded machine
will show; under bubblewrap part of the sandbox's CPU is reaped inside its PID namespace
and goes uncounted, so the process sandbox's CPU figure is the honest one. It prints a
table and writes it as JSON. It is a script, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import ast
import functools
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.submissions import make_class  # noqa: E402

PYTHON = sys.executable
NUMPY = [PYTHON, "-c", "import numpy"]
CORES = os.cpu_count() or 1
JOBS = 2


CPU: dict[str, list[float]] = {}  # CPU seconds (the command and all it waited for), by label


def wall(command: list[str], cwd: Path = ROOT, check: bool = True, label: str = "") -> float:
    """Wall seconds of ``command``; its CPU time (with its descendants') goes to CPU[label]."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    said = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if label:
        CPU.setdefault(label, []).append(usage.ru_utime + usage.ru_stime)
    if check and proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(command)}\n{said[-2000:]!r}")
    return elapsed


def cpu_ratio(label: str, baseline: str) -> float | None:
    """Median CPU time of ``label`` over the median CPU time of ``baseline``."""
    if not CPU.get(label) or not CPU.get(baseline):
        return None
    return statistics.median(CPU[label]) / statistics.median(CPU[baseline])


def interleaved(pairs: int, baseline: Callable[[], float],
                measures: dict[str, Callable[[], float]]) -> dict[str, Any]:  # fmt: skip
    """Baseline and each measure in turn, ``pairs`` times; median ratio per measure."""
    baseline()
    for measure in measures.values():
        measure()  # warm the file cache; not counted
    base: list[float] = []
    seconds: dict[str, list[float]] = {name: [] for name in measures}
    ratios: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(pairs):
        for name, measure in measures.items():
            b = baseline()
            m = measure()
            base.append(b)
            seconds[name].append(m)
            ratios[name].append(m / b)
    return {
        "baseline_s": statistics.median(base),
        **{name: {"seconds": statistics.median(seconds[name]),
                  "ratio": statistics.median(ratios[name]),
                  "ratio_range": [min(ratios[name]), max(ratios[name])]}
           for name in measures},
    }  # fmt: skip


def sandboxes() -> list[str]:
    from grader.sandbox import bwrap_works

    return ["bwrap", "process"] if bwrap_works() else ["process"]


# ------------------------------------------------------------------ single grades


def single_figures(pairs: int, trees: dict[str, Path], kinds: list[str]) -> dict[str, Any]:
    """A single grade of the reference per sandbox and tree, against ``import numpy``."""
    results: dict[str, Any] = {}
    report = Path(tempfile.mkdtemp(prefix="bench-single-")) / "r.json"
    for sandbox in kinds:
        command = [PYTHON, "-m", "grader", "solutions/forward.py", "--sandbox", sandbox,
                   "-o", str(report)]  # fmt: skip
        measures = {
            name: (lambda t=tree, c=command, n=f"single_{sandbox}_{name}": wall(c, t, label=n))
            for name, tree in trees.items()
        }
        numpy = functools.partial(wall, NUMPY, label="numpy")
        results[f"single_{sandbox}"] = figure = interleaved(pairs, numpy, measures)
        for name in trees:
            figure[name]["cpu_ratio"] = cpu_ratio(f"single_{sandbox}_{name}", "numpy")
        said(sandbox, figure, trees)
    return results


def said(sandbox: str, figure: dict[str, Any], trees: dict[str, Path]) -> None:
    for name in trees:
        cpu = figure[name]["cpu_ratio"] or 0
        print(f"single grade ({sandbox}), {name}: x{figure[name]['ratio']:.2f} of import numpy "
              f"({figure[name]['seconds']:.3f} s vs {figure['baseline_s']:.3f} s); CPU time "
              f"x{cpu:.2f}", flush=True)  # fmt: skip


def tier2_figures(pairs: int, trees: dict[str, Path]) -> dict[str, Any]:
    """Tier 2's single grades, measured inside a Docker-default container (root, as on
    Gradescope), where no namespace can be made; {} where Docker cannot run."""
    try:
        from tests.docker import docker_problem, in_docker
    except ImportError:
        return {}
    problem = docker_problem()
    if problem is not None:
        print(f"single grade (landlock): skipped ({problem})")
        return {}
    out = Path(tempfile.mkdtemp(prefix="bench-docker-"))
    out.chmod(0o755)
    before = [f"--before {trees['before']}"] if "before" in trees else []
    binds = tuple(f"{t}:{t}:ro" for n, t in trees.items() if n != "after")
    script = (f"chmod o+x / && exec {PYTHON} {ROOT}/benchmarks/bench.py --inside "
              f"--pairs {pairs} {' '.join(before)} -o {out}/tier2.json")  # fmt: skip
    done = in_docker(["sh", "-c", script], binds=(f"{out}:{out}", *binds), out=out,
                     timeout=3600)  # fmt: skip
    if done.returncode != 0:
        print(f"single grade (landlock): failed in the container: {done.stderr[-500:]!r}")
        return {}
    inside = json.loads((out / "tier2.json").read_text())
    figure = inside["results"]["single_landlock"]
    figure["where"] = "inside a Docker-default container, as root"
    said("landlock, in Docker", figure, trees)
    return {"single_landlock": figure}


# ------------------------------------------------------------------ check() in a kernel


class Kernel:
    """A Jupyter kernel started in ``tree``; cells timed from request to idle."""

    def __init__(self, tree: Path) -> None:
        from jupyter_client.manager import start_new_kernel

        self.manager, self.client = start_new_kernel(kernel_name="python3", cwd=str(tree))

    def run(self, code: str) -> tuple[float, str]:
        said: list[str] = []

        def hook(message: dict[str, Any]) -> None:
            content = message.get("content", {})
            if message.get("msg_type") in ("stream", "execute_result", "display_data", "error"):
                text = content.get("text") or content.get("data", {}).get("text/plain", "")
                said.append(str(text or content.get("evalue", "")))

        start = time.perf_counter()
        reply = self.client.execute_interactive(code, timeout=120, output_hook=hook)
        elapsed = time.perf_counter() - start
        if reply["content"]["status"] != "ok":
            raise SystemExit(f"kernel cell failed: {reply['content']}")
        return elapsed, "\n".join(said)

    def close(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


def reference_cells() -> list[str]:
    source = (ROOT / "solutions" / "forward.py").read_text()
    tree = ast.parse(source)
    functions = [ast.get_source_segment(source, n) or "" for n in tree.body
                 if isinstance(n, ast.FunctionDef)]  # fmt: skip
    return ["import numpy as np\nfrom grader.notebook import check", *functions]


def check_figures(pairs: int, trees: dict[str, Path], sandbox: str) -> dict[str, Any]:
    kernels = {name: Kernel(tree) for name, tree in trees.items()}
    try:
        for kernel in kernels.values():
            for cell in reference_cells():
                kernel.run(cell)
        bare = next(iter(kernels.values()))
        call = f'check("relu", assignment="forward", sandbox="{sandbox}")'
        for name, kernel in kernels.items():
            _, said = kernel.run(call)
            if "PASS" not in said:
                raise SystemExit(f"check() in the {name} kernel did not pass: {said[:500]}")
        measures = {name: (lambda k=k: k.run(call)[0]) for name, k in kernels.items()}
        return interleaved(pairs, lambda: bare.run("pass")[0], measures)
    finally:
        for kernel in kernels.values():
            kernel.close()


# ------------------------------------------------------------------ batches and memory


class MemoryWatch:
    """Samples the resident memory of a batch's worker processes while it runs."""

    def __init__(self, parent: int) -> None:
        self.parent = parent
        self.samples: dict[int, list[int]] = {}
        self.running = True
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while self.running:
            for pid in _workers(self.parent):
                rss = _rss_kb(pid)
                if rss:
                    self.samples.setdefault(pid, []).append(rss)
            time.sleep(0.05)

    def stop(self) -> dict[str, float]:
        self.running = False
        self.thread.join()
        workers = [s for s in self.samples.values() if len(s) >= 20]
        if not workers:
            return {}
        series = max(workers, key=len)
        tenth = len(series) // 10
        early = statistics.median(series[tenth : 2 * tenth])  # after the start-up tenth
        late = statistics.median(series[-tenth:])
        peak = max(max(s) for s in workers)
        return {"worker_rss_early_mb": early / 1024, "worker_rss_late_mb": late / 1024,
                "worker_peak_mb": peak / 1024, "late_ratio": late / early,
                "peak_ratio": peak / early, "samples": len(series)}  # fmt: skip


def _workers(parent: int) -> list[int]:
    """The batch's worker processes: children of the grade command that run Python (forked
    ones share its command line, spawned ones run spawn_main), not sandboxes or probes."""
    try:
        own = (Path(f"/proc/{parent}") / "cmdline").read_bytes()
    except OSError:
        return []
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                line = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat[1]) == parent and (line == own or b"spawn_main" in line):
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


def batch(
    tree: Path, folder: Path, sandbox: str, watch: bool = False, label: str = ""
) -> tuple[float, dict[str, float]]:
    out = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    command = [PYTHON, "-m", "grader", str(folder), "-o", str(out), "--jobs", str(JOBS),
               "--sandbox", sandbox, "--force"]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tree)
    watcher = MemoryWatch(proc.pid) if watch else None
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if label:
        CPU.setdefault(label, []).append(usage.ru_utime + usage.ru_stime)
    memory = watcher.stop() if watcher else {}
    graded = len(list(out.glob("*.json")))
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        raise SystemExit(f"batch failed: {' '.join(command)}\n{err[-2000:]!r}")
    if graded < len(list(folder.iterdir())):
        raise SystemExit(f"batch wrote {graded} reports for {len(list(folder.iterdir()))} files")
    return elapsed, memory


# ------------------------------------------------------------------ the run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10, help="interleaved pairs per figure")
    parser.add_argument("--batches", type=int, default=3, help="interleaved batch runs")
    parser.add_argument("--before", type=Path, default=None,
                        help="another checkout to measure in the same pairs")  # fmt: skip
    parser.add_argument("--skip", nargs="*", default=[], choices=["single", "tier2", "check",
                                                                  "batch", "memory"])  # fmt: skip
    parser.add_argument("-o", "--output", default=str(ROOT / "benchmarks" / "results.json"))
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    trees = {"after": ROOT} | ({"before": args.before.resolve()} if args.before else {})
    if args.inside:  # in the container: tier 2's single grades only, trees compiled outside
        results = single_figures(args.pairs, trees, ["landlock"])
        Path(args.output).write_text(json.dumps({"results": results, "cpu": CPU}))
        return
    for tree in trees.values():  # as pip install does; PYTHONDONTWRITEBYTECODE may be set
        subprocess.run([PYTHON, "-m", "compileall", "-q", "grader", "assignments", "solutions"],
                       cwd=tree, check=True, capture_output=True)  # fmt: skip
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    load_before = os.getloadavg()
    results: dict[str, Any] = {}
    started = time.perf_counter()

    def numpy() -> float:
        return wall(NUMPY, label="numpy")

    if "single" not in args.skip:
        results |= single_figures(args.pairs, trees, sandboxes())
        if "tier2" not in args.skip:
            results |= tier2_figures(args.pairs, trees)
    best = sandboxes()[0]
    if "check" not in args.skip:
        try:
            results["check"] = figure = check_figures(args.pairs, trees, best)
        except ImportError as exc:
            print(f"check(): skipped ({exc}; install the [dev] extra)")
        else:
            for name in trees:
                print(f"check() in a kernel, {name}: x{figure[name]['ratio']:.2f} of a bare cell "
                      f"({figure[name]['seconds']:.3f} s vs {figure['baseline_s']:.3f} s)",
                      flush=True)  # fmt: skip
    if "batch" not in args.skip:
        folder = make_class(work / "class200", 200)
        measures = {
            name: (lambda t=tree, n=f"batch_{name}": batch(t, folder, best, label=n)[0])
            for name, tree in trees.items()
        }
        figure = interleaved(args.batches, numpy, measures)
        for name in trees:
            seconds = figure[name]["seconds"]
            figure[name]["per_second"] = 200 / seconds
            figure[name]["per_numpy_import"] = 200 / figure[name]["ratio"]
            cpu = cpu_ratio(f"batch_{name}", "numpy")
            figure[name]["per_numpy_import_cpu"] = 200 / cpu if cpu else None
            print(f"batch of 200, --jobs {JOBS}, {best}, {name}: {200 / seconds:.0f}/s, "
                  f"{figure[name]['per_numpy_import']:.1f} submissions per import numpy "
                  f"({figure['baseline_s']:.3f} s); {200 / cpu if cpu else 0:.1f} per its CPU "
                  "time", flush=True)  # fmt: skip
        results["batch_200"] = figure
    if "memory" not in args.skip:
        folder = make_class(work / "class500", 500)
        results["memory_500"] = memory = {}
        for name, tree in trees.items():
            seconds, memory[name] = batch(tree, folder, best, watch=True)
            m = memory[name]
            if m:
                print(f"worker memory over 500, {name}: peak x{m['peak_ratio']:.2f}, last tenth "
                      f"x{m['late_ratio']:.2f} of its first tenth ({m['worker_rss_early_mb']:.0f}"
                      f" MB; peak {m['worker_peak_mb']:.0f} MB); {500 / seconds:.0f}/s",
                      flush=True)  # fmt: skip
    load_after = os.getloadavg()
    print(f"load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after, on "
          f"{CORES} cores; {time.perf_counter() - started:.0f} s")  # fmt: skip
    document = {
        "machine": {"cores": CORES, "cpu": _cpu(), "python": platform.python_version(),
                    "platform": platform.platform(),
                    "load_1min": [round(load_before[0], 2), round(load_after[0], 2)]},
        "pairs": args.pairs,
        "trees": {name: str(tree) for name, tree in trees.items()},
        "results": results,
    }  # fmt: skip
    Path(args.output).write_text(json.dumps(document, indent=2) + "\n")
    print(markdown(document))
    print(f"written to {args.output}")
    shutil.rmtree(work, ignore_errors=True)


def markdown(document: dict[str, Any]) -> str:
    """The results as the README's table: each figure against its baseline, per tree."""
    trees = list(document["trees"])
    results = document["results"]
    head = "| figure (baseline) | " + " | ".join(trees) + " |"
    lines = [head, "| --- |" + " --- |" * len(trees)]

    def row(title: str, cells: list[str]) -> None:
        lines.append(f"| {title} | " + " | ".join(cells) + " |")

    for key in sorted(k for k in results if k.startswith("single_")):
        figure = results[key]
        where = " in Docker (tier 2)" if figure.get("where") else ""
        row(f"`grade solutions/forward.py --sandbox {key[7:]}`{where} (`import numpy`, "
            f"{figure['baseline_s']:.3f} s)",
            [f"x{figure[t]['ratio']:.2f} ({figure[t]['seconds']:.3f} s; CPU x"
             f"{figure[t]['cpu_ratio']:.2f})" for t in trees])  # fmt: skip
    if "check" in results:
        figure = results["check"]
        bare = f"{figure['baseline_s'] * 1000:.0f} ms"
        row(f"`check(\"relu\")` in a kernel (a bare cell, {bare})",
            [f"x{figure[t]['ratio']:.1f} ({figure[t]['seconds']:.3f} s)"
             for t in trees])  # fmt: skip
    if "batch_200" in results:
        figure = results["batch_200"]
        row(f"batch of 200 mixed, `--jobs {JOBS}`: graded per `import numpy` "
            f"({figure['baseline_s']:.3f} s)",
            [f"{figure[t]['per_numpy_import']:.1f} ({figure[t]['per_second']:.0f}/s; per its "
             f"CPU time {figure[t]['per_numpy_import_cpu'] or 0:.1f})" for t in trees])  # fmt: skip
    if results.get("memory_500"):
        memory = results["memory_500"]
        row("a worker's memory over 500 submissions: peak, last tenth (its first tenth)",
            [f"x{memory[t]['peak_ratio']:.2f}, x{memory[t]['late_ratio']:.2f} "
             f"({memory[t]['worker_rss_early_mb']:.0f} MB)" if memory.get(t) else "-"
             for t in trees])  # fmt: skip
    load = document["machine"]["load_1min"]
    lines.append("")
    lines.append(f"{document['machine']['cores']} cores ({document['machine']['cpu']}), Python "
                 f"{document['machine']['python']}; {document['pairs']} interleaved pairs; "
                 f"1-minute load average {load[0]} before, {load[1]} after.")  # fmt: skip
    return "\n".join(lines)


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
