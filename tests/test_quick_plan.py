"""A single grade that passes, from the cached plan: no numpy, no assignment, the same report.

grader/quick.py grades a file whose assignment is found by its name from one cache entry;
only a plain pass is written from it, anything else is judged in full on what the
submission did. Each test grades in a course folder of its own (a copy of this one's
assignments and solutions) with a cache folder of its own, through the command line, as
a student does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from grader.sandbox import bwrap_works

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not bwrap_works() and os.geteuid() != 0,
    reason="the cache is used only under bubblewrap or as root",
)

BUGGY_RELU = "def relu(x):\n    return x\n"


@pytest.fixture
def course(tmp_path: Path) -> Path:
    folder = tmp_path / "course"
    folder.mkdir()
    for name in ("assignments", "solutions"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "work").mkdir()
    return folder


def grade(course: Path, source: str, cache: Path, *extra: str,
          env: dict[str, str] | None = None) -> tuple[dict[str, Any], str, str]:  # fmt: skip
    """(report, stdout, stderr) of ``grade forward.py`` run in ``course``."""
    (course / "work" / "forward.py").write_text(source)
    report = course / "work" / "report.json"
    environment = {**os.environ, "GRADER_CACHE_DIR": str(cache), **(env or {})}
    environment.pop("GRADER_CACHE", None) if "GRADER_CACHE" not in (env or {}) else None
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "grader", "work/forward.py", "-o",
         str(report), *extra],
        cwd=course, env=environment, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode in (0, 3), done.stderr[-3000:]
    return json.loads(report.read_text()), done.stdout, done.stderr


def imported(stderr: str) -> set[str]:
    return {line.split("|")[-1].strip() for line in stderr.splitlines()
            if line.startswith("import time:")}  # fmt: skip


def said(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("import time:")]


def without_times(report: dict[str, Any]) -> dict[str, Any]:
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: strip(v)
                for k, v in value.items()
                if k not in ("duration_s", "graded_at", "execution_time")
            }
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return dict(strip(report))


def quick_entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("quick-*.json"))


def reference() -> str:
    return (ROOT / "solutions" / "forward.py").read_text()


def test_a_pass_from_the_cached_plan_imports_no_numpy_and_reports_the_same(
    course: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    full, out_full, err_full = grade(course, reference(), cache)
    assert "numpy" in imported(err_full) and "assignments.forward.mistakes" in imported(err_full)
    assert len(quick_entries(cache)) == 1
    quick, out_quick, err_quick = grade(course, reference(), cache)
    modules = imported(err_quick)
    assert not {m for m in modules if m == "numpy" or m.startswith(("numpy.", "assignments"))}
    assert without_times(quick) == without_times(full)
    assert quick["score"] == quick["max_score"] == 100
    assert out_quick == out_full and said(err_quick) == said(err_full)
    uncached, _, _ = grade(course, reference(), tmp_path / "other", env={"GRADER_CACHE": "0"})
    assert without_times(uncached) == without_times(full)


@pytest.mark.parametrize("fmt", ["native", "gradescope"])
def test_a_failing_grade_is_judged_in_full_on_its_one_run(
    course: Path, tmp_path: Path, fmt: str
) -> None:
    """A submission that fails gets the full judgement (messages, hints), as without the
    cache; what it did is judged again, not run again (it prints once)."""
    cache = tmp_path / "cache"
    grade(course, reference(), cache)  # the entry
    buggy = reference().replace("def relu(", "def _relu(", 1) + "\nprint('ran')\n" + BUGGY_RELU
    uncached, _, _ = grade(course, buggy, tmp_path / "none", "--format", fmt,
                           env={"GRADER_CACHE": "0"})  # fmt: skip
    report, _, err = grade(course, buggy, cache, "--format", fmt)
    assert "numpy" in imported(err)  # judged in full
    assert without_times(report) == without_times(uncached)
    text = json.dumps(report)
    assert "relu" in text and ("passed" in text or "tests" in text)
    native = report if fmt == "native" else None
    if native is not None:
        assert native["score"] < native["max_score"]
        assert native["stdout"].count("ran") == 1


def test_a_submission_that_does_not_load_gets_the_same_report(course: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    grade(course, reference(), cache)
    broken = "def relu(x)\n    return x\n"
    uncached, _, _ = grade(course, broken, tmp_path / "none", env={"GRADER_CACHE": "0"})
    report, _, _ = grade(course, broken, cache)
    assert without_times(report) == without_times(uncached)
    assert report["status"] != "graded" or report["score"] == 0


def test_a_tampered_entry_is_not_used(course: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    grade(course, reference(), cache)
    (entry,) = quick_entries(cache)
    data = json.loads(entry.read_text())
    data["body"]["assignment"]["exercises"][0][1] = 1000  # relu worth 1000 points
    entry.write_text(json.dumps(data))
    report, _, err = grade(course, reference(), cache)
    assert "numpy" in imported(err)
    assert report["max_score"] == 100 and report["score"] == 100


def test_an_edited_source_or_a_new_assignment_makes_the_entry_stale(
    course: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    grade(course, reference(), cache)
    tips = course / "assignments" / "forward" / "__init__.py"
    tips.write_text(tips.read_text().replace("np.maximum(0, x) does", "np.maximum(0, x) is", 1))
    report, _, err = grade(course, reference(), cache)
    assert "numpy" in imported(err) and report["score"] == 100
    _, _, err = grade(course, reference(), cache)  # the entry written again: quick once more
    assert "numpy" not in imported(err)
    (course / "assignments" / "another.py").write_text("# not an assignment yet\n")
    _, _, err = grade(course, reference(), cache)
    assert "numpy" in imported(err)


def test_other_seeds_and_named_assignments_have_entries_of_their_own(
    course: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first, _, _ = grade(course, reference(), cache, "--seed", "7")
    again, _, err = grade(course, reference(), cache, "--seed", "7")
    assert "numpy" not in imported(err) and without_times(again) == without_times(first)
    _, _, err = grade(course, reference(), cache, "--seed", "8")
    assert "numpy" in imported(err)
    named, _, err = grade(course, reference(), cache, "--assignment", "forward", "--seed", "7")
    assert "numpy" in imported(err)
    _, _, err = grade(course, reference(), cache, "--assignment", "forward", "--seed", "7")
    assert "numpy" not in imported(err)
    assert without_times(named)["tests"] == without_times(first)["tests"]
