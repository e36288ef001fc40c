"""Each isolation tier's speed, before and after a change, in one run on one machine.

    python benchmarks/tiers.py [--before main] [--repeat 3] [-o benchmarks/tiers.json]

For the checkout as it is ("after") and a git revision of it ("before", exported to a
temporary folder): the floor (`python -c "import numpy"`), a single `grade` of the
reference and a batch of 200 mixed submissions (`--jobs` = cores), per tier that
starts here: `process` and `bwrap` (tier 1), `portable` (tier 3, singles only), and `landlock`
(tier 2) inside a Docker-default container (tests/docker.py), where tier 1 cannot
start. Each figure is a median, also given as a ratio to the floor (singles), and
after/before for the same tier. It is a script, not a test: nothing asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.submissions import make_class  # noqa: E402

CORES = os.cpu_count() or 1


def wall(command: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> float:
    """Wall seconds of ``command``; CalledProcessError if it fails (its tier cannot start)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def median_of(runs: int, command: list[str], cwd: Path = ROOT,
              env: dict[str, str] | None = None) -> float:  # fmt: skip
    return statistics.median(wall(command, cwd=cwd, env=env) for _ in range(runs))


def export(revision: str) -> Path:
    """The ``revision`` of this repository's source, in a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="bench-before-"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True,
                             capture_output=True).stdout  # fmt: skip
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def measure(trees: dict[str, Path], tiers: dict[str, list[str]], repeat: int,
            work: Path) -> dict[str, dict[str, float]]:  # fmt: skip
    """Singles and batches of each tree's grader, per tier, the trees taking turns (so that
    the machine's load weighs on both alike); each tree's floor first."""
    grade = [sys.executable, "-m", "grader"]
    folder = work / "class200"
    if not folder.exists():
        make_class(folder, 200)
    found: dict[str, dict[str, float]] = {name: {} for name in trees}
    floors: dict[str, list[float]] = {name: [] for name in trees}
    samples: dict[tuple[str, str], list[float]] = {}
    for _ in range(repeat):
        for name in trees:
            floors[name].append(median_of(3, [sys.executable, "-c", "import numpy"]))
    for tier in dict.fromkeys(t for listed in tiers.values() for t in listed):
        for _ in range(repeat):
            for name, tree in trees.items():
                if tier not in tiers[name]:
                    continue
                env = dict(os.environ, PYTHONPATH=str(tree), NO_COLOR="1")
                single = [*grade, str(tree / "solutions" / "forward.py"), "--sandbox", tier,
                          "-o", str(work / "r.json")]  # fmt: skip
                out = work / f"reports-{name}-{tier}"
                batch = [*grade, str(folder), "-o", str(out), "--jobs", str(CORES),
                         "--sandbox", tier, "--timeout", "2", "--force"]  # fmt: skip
                try:
                    samples.setdefault((name, f"single_{tier}"), []).append(
                        median_of(3, single, cwd=tree, env=env)
                    )
                    if tier != "portable":  # a student grades one file at a time
                        samples.setdefault((name, f"batch200_{tier}"), []).append(
                            wall(batch, cwd=tree, env=env))  # fmt: skip
                except subprocess.CalledProcessError:
                    continue  # this tier does not start here
    for name in trees:
        found[name]["floor"] = statistics.median(floors[name])
    for (name, key), values in samples.items():
        found[name][key] = statistics.median(values)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="main", help="git revision to compare with")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tree", help=argparse.SUPPRESS)
    parser.add_argument("-o", "--output", default=str(ROOT / "benchmarks" / "tiers.json"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-tiers-"))
    if args.inside:  # in the container: tier 2 only, for the tree given
        found = measure({"after": Path(args.tree)}, {"after": ["landlock"]}, args.repeat, work)
        Path(args.output).write_text(json.dumps(found["after"]))
        return
    before = export(args.before)
    results: dict[str, Any] = measure(
        {"before": before, "after": ROOT},
        {"before": ["process", "bwrap"], "after": ["process", "bwrap", "portable"]},
        args.repeat, work,
    )  # fmt: skip
    try:
        from tests.docker import docker_problem, in_docker

        if docker_problem() is None:
            out = Path(tempfile.mkdtemp(prefix="bench-docker-"))
            out.chmod(0o755)
            script = (
                f"chmod o+x / && exec {ROOT}/.venv/bin/python {ROOT}/benchmarks/tiers.py "
                f"--inside --tree {ROOT} --repeat {args.repeat} -o {out}/inside.json"
            )
            done = in_docker(["sh", "-c", script], binds=(f"{out}:{out}",), out=out,
                             timeout=3600)  # fmt: skip
            if done.returncode == 0:
                results["after_in_docker"] = json.loads((out / "inside.json").read_text())
    except ImportError:
        pass
    for name, found in results.items():
        floor = found["floor"]
        print(f"{name}: floor {floor:.3f} s")
        for key, seconds in found.items():
            if key == "floor":
                continue
            base = results["before"].get(key) if name == "after" else None
            versus = f", after/before x{seconds / base:.2f}" if base else ""
            per = f" ({200 / seconds:.0f}/s)" if key.startswith("batch") else ""
            ratio = f", x{seconds / floor:.2f} floor" if key.startswith("single") else ""
            print(f"  {key:<22} {seconds:7.3f} s{per}{ratio}{versus}")
    Path(args.output).write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
