"""`grade --fail-under N`: the exit code follows the score, for CI and GitHub Classroom.

Exit codes: 0 reports written (every score at or above the threshold), 1 the grader
failed, 2 a usage error, 3 a score below --fail-under; the report is written either way.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from grader.cli import main

from .conftest import REFERENCE, STUB, with_replaced

HALF_RIGHT = with_replaced(softmax="def softmax(z):\n    return z\n")  # loses softmax only


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--sandbox", "process"])


def test_a_single_score_below_the_threshold_exits_3(tmp_path: Path) -> None:
    work = {"full.py": REFERENCE, "stub.py": STUB, "most.py": HALF_RIGHT}
    for name, text in work.items():
        (tmp_path / name).write_text(text)
    most = json.loads(run(str(tmp_path / "most.py"), "-o", "-").stdout)["score"]
    assert 0 < most < 100
    cases = [("full.py", "100", 0), ("full.py", "100%", 0), ("stub.py", "0", 0),
             ("stub.py", "1", 3), ("stub.py", "0.5%", 3), ("most.py", f"{most:g}", 0),
             ("most.py", f"{most + 0.5:g}", 3), ("most.py", "99%", 3)]  # fmt: skip
    for name, threshold, code in cases:
        out = tmp_path / f"{name}-{threshold}.json"
        result = run(str(tmp_path / name), "-o", str(out), "--fail-under", threshold)
        assert result.exit_code == code, (name, threshold, result.output)
        assert json.loads(out.read_text())["score"] >= 0  # the report is written either way
        if code:
            said = f"is below --fail-under {threshold} (exit code 3)"
            assert said in result.stderr and "Score " in result.stderr
    plain = run(str(tmp_path / "stub.py"), "-o", str(tmp_path / "plain.json"))
    assert plain.exit_code == 0  # without the option, the score never sets the exit code


def test_an_ungradable_submission_is_below_any_threshold(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("def relu(x)\n")
    result = run(str(broken), "-o", str(tmp_path / "r.json"), "--fail-under", "1%")
    assert result.exit_code == 3, result.output
    assert json.loads((tmp_path / "r.json").read_text())["status"] == "error"


def test_a_class_exits_3_and_names_who_is_below(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "ada.py").write_text(REFERENCE)
    (subs / "bo.py").write_text(STUB)
    out = tmp_path / "reports"
    result = run(str(subs), "-o", str(out), "--fail-under", "60%", "--jobs", "1")
    assert result.exit_code == 3, result.output
    assert "1 of 2 scores are below --fail-under 60%: bo (exit code 3)" in result.stderr
    assert {p.name for p in out.glob("*.json")} >= {"ada.json", "bo.json", "summary.json"}
    rerun = run(str(subs), "-o", str(out), "--fail-under", "0")  # reused reports count too
    assert rerun.exit_code == 0, rerun.output


def test_a_threshold_that_is_not_one_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "full.py"
    path.write_text(REFERENCE)
    for bad in ("lots", "-1", "120%", "nan", "inf"):
        result = run(str(path), "-o", str(tmp_path / "r.json"), "--fail-under", bad)
        assert result.exit_code == 2 and f"--fail-under {bad!r}" in result.stderr, bad
        assert "Traceback" not in result.output
