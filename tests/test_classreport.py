"""The class report: self-contained HTML, checked in a real headless browser when there is one."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli import main

from .conftest import REFERENCE, STUB, grade_class, with_replaced

pytest.importorskip("matplotlib", reason="the class report needs the 'report' extra")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("class")
    absolute = with_replaced(relu="def relu(x):\n    return np.abs(x)\n")
    files = {"amy.py": REFERENCE, "ben.py": STUB, "cat.py": absolute, "dan.py": absolute,
             "eve.py": "def relu(x)\n"}  # fmt: skip
    reports = grade_class(root, files)
    runner = CliRunner()
    result = runner.invoke(main, ["report", str(reports), "-o", str(root / "class.html")])
    assert result.exit_code == 0, result.output
    return root / "class.html"


def test_page_is_self_contained(page: Path) -> None:
    text = page.read_text()
    assert text.count("<svg") == 2
    assert not re.search(r'(src|href)="(https?:)?//', text), "nothing may load from the network"
    assert "ReLU is not the absolute value" in text  # the diagnosed mistake, counted
    assert re.search(r"<td class=n>2</td><td>relu</td>", text)


def chromium() -> str | None:
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


@pytest.mark.skipif(
    chromium() is None, reason="no headless Chromium here (apt-get install chromium)"
)
def test_page_renders_and_sorts_in_a_browser(page: Path, tmp_path: Path) -> None:
    browser = chromium()
    assert browser is not None
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]  # fmt: skip
    done = subprocess.run([browser, *flags, "--dump-dom", f"file://{page}#sort=score-desc"],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    dom = done.stdout
    assert 'data-sorted="score-desc"' in dom, done.stderr[-2000:]
    order = re.findall(r'<tr data-id="(\w+)"', dom)
    assert order[0] == "amy" and set(order[-2:]) == {"ben", "eve"} and len(order) == 5
    shot = tmp_path / "class.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1200,900",
                    f"file://{page}"], capture_output=True, timeout=120)  # fmt: skip
    assert shot.exists() and shot.stat().st_size > 10_000


def test_misconceptions_are_counted_inside_combined_hints() -> None:
    """A hint naming two mistakes, or a callee's, counts each misconception once."""
    from grader.classreport import render_class_report

    def report(hints: dict[str, str]) -> dict:
        tests = [{"name": f"{e}/x", "exercise": e, "status": "failed", "hint": h}
                 for e, h in hints.items()]  # fmt: skip
        exercises = [{"name": e, "score": 0, "max_score": 10} for e in hints]
        return {"status": "graded", "assignment": "a", "score": 0, "max_score": 20,
                "exercises": exercises, "tests": tests}  # fmt: skip

    callee = "Your layer calls your unit, which is wrong: fix unit first (Unit (A) is off.) "
    page = render_class_report({
        "s1": report({"unit": "Unit (A) is off.", "layer": callee + "Two mistakes here. "
                      "Layer B. Also: Layer C."}),
        "s2": report({"layer": "Layer B."}),
    })  # fmt: skip
    assert "<td class=n>1</td><td>unit</td><td>Unit (A) is off.</td>" in page
    assert "<td class=n>2</td><td>layer</td><td>Layer B.</td>" in page
    assert "<td class=n>1</td><td>layer</td><td>Layer C.</td>" in page
