"""The grade command: exit codes, messages, output destinations, formats, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader import __version__
from grader.cli import main
from grader.grade import grade
from grader.report import validate

from .conftest import FAST, ROOT, case_count

SOLUTION = str(ROOT / "solutions" / "forward.py")


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["--sandbox", "process", *args], env=env)


def test_reference_scores_100_and_writes_a_valid_report(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = invoke(SOLUTION, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Score: 100/100" in result.stdout and "\x1b[" not in result.stdout
    report = json.loads(out.read_text())
    validate(report, "report")
    assert report["score"] == 100 and report["sandbox"] == "process"


def test_stdout_report_keeps_the_summary_on_stderr() -> None:
    result = invoke(SOLUTION, "-o", "-")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    validate(report, "report")
    assert "Score: 100/100" in result.stderr


def test_gradescope_format_validates(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    assert invoke(SOLUTION, "--format", "gradescope", "-o", str(out)).exit_code == 0
    results = json.loads(out.read_text())
    validate(results, "gradescope")
    assert results["score"] == 100 and len(results["tests"]) == case_count()
    assert {t["status"] for t in results["tests"]} == {"passed"}


def test_folder_without_submissions_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke(str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"Error: no submissions (.py files) in {tmp_path}\n"


def test_missing_file_exits_2_with_one_line_and_still_writes_a_report(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = invoke(str(tmp_path / "missing.py"), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "no such file" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    report = json.loads(out.read_text())
    validate(report, "report")
    assert report["status"] == "error" and report["submission"]["sha256"] is None


def test_unwritable_output_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = invoke(SOLUTION, "-o", str(blocker / "r.json"))
    # The output the user named cannot be written: their usage error (2), not our bug (1).
    assert result.exit_code == 2 and result.stderr.splitlines()[-1].startswith(
        "Error: cannot write"
    )


def test_bad_option_values_are_usage_errors_not_crashes(tmp_path: Path) -> None:
    assert invoke(SOLUTION, "--seed", "-5").exit_code == 2
    reports = tmp_path / "reports"
    assert invoke(SOLUTION, "-o", str(tmp_path / "one.json")).exit_code == 0
    reports.mkdir()
    (tmp_path / "one.json").rename(reports / "one.json")
    merged = invoke("merge", str(reports), "-o", "/proc/forward-grader-merge")
    assert merged.exit_code == 2 and "Error: cannot" in merged.stderr


def test_bad_options_are_usage_errors() -> None:
    assert invoke(SOLUTION, "--timeout", "-1").exit_code == 2
    assert invoke(SOLUTION, "--format", "xml").exit_code == 2
    result = invoke(SOLUTION, "--assignment", "nope", "-o", "-")
    assert result.exit_code == 2 and "Error: no assignment named 'nope'" in result.stderr


def test_seed_comes_from_the_environment() -> None:
    result = invoke(SOLUTION, "-o", "-", env={"GRADER_SEED": "4711"})
    assert json.loads(result.stdout)["seed"] == 4711
    assert json.loads(invoke(SOLUTION, "-o", "-", "--seed", "5").stdout)["seed"] == 5


def test_help_and_version() -> None:
    help_text = CliRunner().invoke(main, ["--help"]).output
    for option in (
        "--output",
        "--seed",
        "--format",
        "--timeout",
        "--sandbox",
        "--show-hidden",
        "GRADER_SEED",
        "Examples",
    ):
        assert option in help_text
    assert __version__ in CliRunner().invoke(main, ["--version"]).output


def test_show_hidden_reveals_inputs_and_expected(tmp_path: Path) -> None:
    wrong = tmp_path / "w.py"
    wrong.write_text("def relu(x):\n    return x\n")
    hidden = json.loads(invoke(str(wrong), "-o", "-").stdout)
    shown = json.loads(invoke(str(wrong), "-o", "-", "--show-hidden").stdout)
    pick = next(t["message"] for t in hidden["tests"] if t["name"] == "relu/random_vector")
    reveal = next(t["message"] for t in shown["tests"] if t["name"] == "relu/random_vector")
    assert "expected" not in pick and "relu(" not in pick
    assert reveal.startswith("relu([") and "expected" in reveal


def test_same_seed_same_report_apart_from_times(tmp_path: Path) -> None:
    path = tmp_path / "s.py"
    path.write_text("import numpy as np\ndef relu(x):\n    return np.abs(x)\n")

    def stable(seed: int) -> dict:
        report = grade(path, seed=seed, sandbox="process", limits=FAST).to_dict()
        for key in ("graded_at", "duration_s"):
            report.pop(key)
        for test in report["tests"]:
            test.pop("duration_s")
        return report

    assert stable(3) == stable(3)
    assert stable(3) != stable(4)


@pytest.mark.parametrize("command", [["grade"], [sys.executable, "-m", "grader"]])
def test_installed_command_works_from_any_directory(tmp_path: Path, command: list[str]) -> None:
    if command == ["grade"]:
        command = [str(Path(sys.executable).with_name("grade"))]
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([*command, SOLUTION, "--sandbox", "process"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Score: 100/100" in done.stdout and (tmp_path / "report.json").exists()


FALLBACK_WARNING = "Warning: bubblewrap is not usable here, so submissions run in the weaker"


def test_auto_falls_back_to_process_and_says_so_before_grading(monkeypatch) -> None:
    from grader.sandbox import namespaces as sandbox

    monkeypatch.setattr(sandbox, "bwrap_installed", lambda: False)
    for extra in ([], ["--seed", "9"]):  # students and instructors alike
        result = CliRunner().invoke(main, [SOLUTION, "-o", "-", *extra])
        assert result.exit_code == 0 and json.loads(result.stdout)["sandbox"] == "process"
        first, rest = result.stderr.split("\n", 1)  # one line, before the grade's summary
        assert first.startswith(FALLBACK_WARNING) and "Warning" not in rest, result.stderr
        tier, rest = rest.split("\n", 1)  # then the tier, announced before grading
        assert tier.startswith("Sandbox: tier 1, 'process'"), result.stderr
        assert rest.startswith("Grading against assignment 'forward' (found from the file name)")
        assert "Score: 100/100" in rest
    chosen = CliRunner().invoke(main, [SOLUTION, "-o", "-", "--sandbox", "process"])
    assert "Warning" not in chosen.stderr  # asked for by name: no surprise to announce


def test_bwrap_asked_for_and_missing_is_an_error_with_a_report(monkeypatch, tmp_path) -> None:
    from grader.sandbox import namespaces as sandbox

    monkeypatch.setattr(sandbox, "bwrap_installed", lambda: False)
    for fmt, schema in (("native", "report"), ("gradescope", "gradescope")):
        out = tmp_path / f"{fmt}.json"
        result = CliRunner().invoke(main, [SOLUTION, "--sandbox", "bwrap", "-o", str(out),
                                           "--format", fmt])  # fmt: skip
        assert result.exit_code == 2 and "Error: bubblewrap is not usable here" in result.stderr
        assert "Traceback" not in result.output and "Score" not in result.output
        written = json.loads(out.read_text())
        validate(written, schema)
        message = written["message" if fmt == "native" else "output"]
        assert "not graded: bubblewrap is not usable here" in message
        assert written["score"] == 0


def test_auto_falls_back_when_bubblewrap_cannot_start(monkeypatch, tmp_path) -> None:
    from grader.sandbox import namespaces as sandbox

    monkeypatch.setattr(sandbox, "bwrap_installed", lambda: True)
    broken = ["bwrap", "--no-such-option"]
    monkeypatch.setattr(sandbox, "_bwrap_base", lambda: broken)
    result = CliRunner().invoke(main, [SOLUTION, "-o", "-"])
    assert result.exit_code == 0 and json.loads(result.stdout)["sandbox"] == "process"
    assert result.stderr.startswith(FALLBACK_WARNING), result.stderr
    out = tmp_path / "r.json"
    forced = CliRunner().invoke(main, [SOLUTION, "--sandbox", "bwrap", "-o", str(out)])
    assert forced.exit_code == 2
    assert forced.stderr.startswith("Error: the bwrap sandbox did not start")
    assert json.loads(out.read_text())["status"] == "internal_error"


def test_a_class_hears_of_the_fallback_before_grading(monkeypatch, tmp_path: Path) -> None:
    from grader.sandbox import namespaces as sandbox

    monkeypatch.setattr(sandbox, "bwrap_installed", lambda: False)
    subs = tmp_path / "subs"
    subs.mkdir()
    for name in ("a.py", "b.py"):
        (subs / name).write_text("")
    result = CliRunner().invoke(main, [str(subs), "-o", str(tmp_path / "reports")])
    assert result.exit_code == 0, result.output
    warning, tier, chosen = result.stderr.split("\n")[:3]
    assert warning.startswith(FALLBACK_WARNING) and result.stderr.count("Warning") == 1
    assert tier.startswith("Sandbox: tier 1, 'process'")  # what every report will name
    assert chosen.startswith("Grading against assignment 'forward' (found from the default")
    named = {json.loads(p.read_text())["sandbox"] for p in (tmp_path / "reports").glob("?.json")}
    assert named == {"process"}
    forced = CliRunner().invoke(main, [str(subs), "--sandbox", "bwrap", "-o", str(tmp_path)])
    assert forced.exit_code == 2 and "Error: bubblewrap is not usable here" in forced.stderr
