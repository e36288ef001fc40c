"""Grade classes with two checkouts; every report must be the same but for its times.

    python benchmarks/same_reports.py BEFORE_TREE AFTER_TREE CLASS_DIR [CLASS_DIR ...]

Each class is graded as a batch (``--jobs 2 --force``) with seeds 0 and 3 by each tree
(the same interpreter), and each report, summary.json and similarity.json is compared
after dropping ``duration_s``, ``graded_at`` and ``generated_at``. Exits 1 on any
difference. A speed change to the batch path must leave this silent.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

TIMES = ("duration_s", "graded_at", "generated_at")


def without_times(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_times(v) for k, v in value.items() if k not in TIMES}
    if isinstance(value, list):
        return [without_times(v) for v in value]
    return value


def grade(tree: str, folder: str, out: Path, seed: int) -> None:
    subprocess.run([sys.executable, "-m", "grader", folder, "-o", str(out), "--jobs", "2",
                    "--force", "--seed", str(seed)], cwd=tree, check=True,
                   capture_output=True)  # fmt: skip


def main() -> None:
    before, after, *classes = sys.argv[1:]
    differ = 0
    work = Path(tempfile.mkdtemp(prefix="same-reports-"))
    for folder in classes:
        for seed in (0, 3):
            outs = [work / f"{Path(folder).name}-{seed}-{side}" for side in ("before", "after")]
            for tree, out in zip((before, after), outs, strict=True):
                grade(tree, folder, out, seed)
            names = sorted(p.name for p in outs[0].glob("*.json"))
            assert names == sorted(p.name for p in outs[1].glob("*.json")), "different files"
            bad = [n for n in names if without_times(json.loads((outs[0] / n).read_text()))
                   != without_times(json.loads((outs[1] / n).read_text()))]  # fmt: skip
            print(f"{folder} seed {seed}: {len(names)} files, {len(bad)} differ {bad[:10]}")
            differ += len(bad)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
