"""Grade a whole synthetic class end to end, the way an instructor would.

    python benchmarks/class_demo.py [--students 500] [--sandbox auto]

Makes a class (correct, buggy, stub, broken and hostile submissions: every
attack of tests/attacks/ in turn), grades it with the progress bar, interrupts
the run with Ctrl-C once some reports exist, runs the same command again (which
must grade only the rest), then writes every export, the class report and the
Gradescope bundle, validating each. Prints what it measured.
"""

from __future__ import annotations

import argparse
import csv
import json
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader.report import validate  # noqa: E402
from tests.submissions import make_class  # noqa: E402

GRADE = [sys.executable, "-m", "grader"]


def run_demo(work: Path, students: int, sandbox: str = "auto") -> dict[str, float]:
    """The whole flow; raises AssertionError if any step is wrong. Returns measurements."""
    subs = make_class(work / "subs", students, hostile=True)
    out = work / "reports"
    command = [*GRADE, str(subs), "-o", str(out), "--sandbox", sandbox, "--timeout", "1"]
    measured: dict[str, float] = {}

    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Interrupt on an event (a quarter of the reports on disk), never after a time: a
    # loaded machine only makes the wait longer. The timeouts are safety nets for a hang.
    while len(list(out.glob("student*.json"))) < students // 4:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=1800)
    assert proc.returncode == 130, err.decode()[-2000:]
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("student*.json")}
    for path in out.glob("student*.json"):
        validate(json.loads(path.read_text()), "report")
    measured["interrupted_after_s"] = time.monotonic() - start
    measured["reports_before_resume"] = len(before)

    start = time.monotonic()
    done = subprocess.run(command, capture_output=True, timeout=1800)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    measured["resume_s"] = time.monotonic() - start
    assert f"({len(before)} already graded)".encode() in done.stdout, done.stdout
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("student*.json")}
    assert len(after) == students
    assert all(after[name] == stamp for name, stamp in before.items()), "regraded a report"
    summary = json.loads((out / "summary.json").read_text())
    validate(summary, "summary")
    with (out / "summary.csv").open() as handle:
        assert len(list(csv.DictReader(handle))) == students
    statuses = [row["status"] for row in summary["submissions"]]
    measured["graded"] = statuses.count("graded")
    measured["not_gradable"] = statuses.count("error")
    measured["internal_errors"] = statuses.count("internal_error")
    assert measured["internal_errors"] == 0

    exports = work / "exports"
    for target, name in (("canvas", "grades.csv"), ("lti", "scores.jsonl"),
                         ("junit", "junit.xml"), ("gradescope", "gradescope")):  # fmt: skip
        result = subprocess.run([*GRADE, "export", "--to", target, str(out), "-o",
                                 str(exports / name)], capture_output=True)  # fmt: skip
        assert result.returncode == 0, result.stderr
    with (exports / "grades.csv").open() as handle:
        assert len(list(csv.reader(handle))) == students + 2
    scores = [json.loads(line) for line in (exports / "scores.jsonl").read_text().splitlines()]
    assert len(scores) == students  # one Score object per line, per student
    validate(scores, "lti-scores")
    assert len(ET.parse(exports / "junit.xml").getroot().findall("testsuite")) == students
    for path in (exports / "gradescope").iterdir():
        validate(json.loads(path.read_text()), "gradescope")
    report = subprocess.run([*GRADE, "report", str(out), "-o", str(exports / "class.html")],
                            capture_output=True)  # fmt: skip
    measured["class_report"] = float(report.returncode == 0)
    bundle = subprocess.run([*GRADE, "bundle", "gradescope", "-o", str(exports / "ag.zip")],
                            capture_output=True)  # fmt: skip
    assert bundle.returncode == 0
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument("--sandbox", default="auto")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="class-demo-") as work:
        measured = run_demo(Path(work), args.students, args.sandbox)
    for key, value in measured.items():
        print(f"{key:<24} {value:g}")


if __name__ == "__main__":
    main()
