"""The class report: self-contained HTML, checked in a real headless browser when there is one."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli import main

from .conftest import REFERENCE, STUB, with_replaced
from .test_export import grade_into

pytest.importorskip("matplotlib", reason="the class report needs the 'report' extra")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("class")
    absolute = with_replaced(relu="def relu(x):\n    return np.abs(x)\n")
    files = {"amy.py": REFERENCE, "ben.py": STUB, "cat.py": absolute, "dan.py": absolute,
             "eve.py": "def relu(x)\n"}  # fmt: skip
    reports = grade_into(root / "reports", files)
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


# --- A class an instructor can work from, on a desk and on a phone -------------------------


@pytest.fixture(scope="module")
def class_of_20(page: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 reports: the five graded above, copied under other names, and an old error report."""
    from grader.classreport import write_class_report

    root = tmp_path_factory.mktemp("class20")
    folder = root / "reports"
    folder.mkdir()
    sources = sorted((page.parent / "reports").glob("*.json"))
    for k in range(19):
        shutil.copy(sources[k % len(sources)], folder / f"student-{k:02d}.json")
    old = json.loads((page.parent / "reports" / "eve.json").read_text())
    old["max_score"] = 0.0  # as an older grader wrote an ungradable report
    old["message"] += " " + "a_very_long_unbreakable_identifier_" * 6
    (folder / f"{'x' * 80}.json").write_text(json.dumps(old))
    write_class_report(directory=[folder], output=str(root / "class.html"))
    return root / "class.html"


def test_every_student_has_a_section_linked_from_the_table(class_of_20: Path) -> None:
    text = class_of_20.read_text()
    anchors = re.findall(r'<section class=student id="([^"]+)">', text)
    assert len(anchors) == 20 and len(set(anchors)) == 20
    assert set(re.findall(r'<tr data-id="[^"]*"[^>]*><td><a href="#([^"]+)">', text)) == set(
        anchors
    )
    section = text[text.index('id="s-student-02"') :].split("</section>")[0]
    assert 'class="st failed"' in section and "<pre>" in section  # status and message
    assert "Hint: ReLU is not the absolute value" in section
    ungradable = text[text.index('id="s-student-04"') :].split("</section>")[0]
    assert "Could not be graded:" in ungradable and "SyntaxError" in ungradable


def test_scores_and_means_are_rounded_and_labelled(class_of_20: Path) -> None:
    text = class_of_20.read_text()
    assert "/ 0" not in text  # the old error report's max_score 0 is the class's 100
    stats = re.search(r"<p class=stats>(.*?)</p>", text)
    assert stats is not None
    assert re.search(r"mean \d+(\.\d\d?)? / 100 \(ungradable as 0\)", stats.group(1))
    assert re.search(r"mean of the \d+ graded \d+(\.\d\d?)?<", stats.group(1))
    shown = re.sub(r"<svg.*?</svg>|<pre>.*?</pre>|<[^>]*>", " ", text, flags=re.S)
    assert not re.search(r"\d\.\d{3}", shown)  # sorting keeps the full value in data-*


@pytest.mark.skipif(
    chromium() is None, reason="no headless Chromium here (apt-get install chromium)"
)
def test_the_page_fits_a_phone(class_of_20: Path, tmp_path: Path) -> None:
    """In a 390 px frame nothing makes the page scroll sideways; wide tables scroll alone.

    Headless Chromium will not make its window narrower than 500 px, so the page is
    measured inside an iframe of a phone's width (srcdoc: same origin, so readable).
    """
    browser = chromium()
    assert browser is not None
    probe = tmp_path / "probe.html"
    measure = ("document.body.dataset.widths = this.contentDocument.documentElement.scrollWidth"
               " + ' ' + this.contentWindow.innerWidth + ' ' +"
               " this.contentDocument.querySelectorAll('section.student').length")  # fmt: skip
    probe.write_text(
        f'<!DOCTYPE html><html><body style="margin:0"><iframe width=390 height=844 '
        f'style="border:0" onload="{html.escape(measure)}" '
        f'srcdoc="{html.escape(class_of_20.read_text())}"></iframe></body></html>'
    )
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,900"]  # fmt: skip
    done = subprocess.run([browser, *flags, "--dump-dom", f"file://{probe}"],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    widths = re.search(r'data-widths="(\d+) (\d+) (\d+)"', done.stdout)
    assert widths is not None, done.stderr[-2000:]
    scroll, viewport, sections = map(int, widths.groups())
    assert viewport == 390 and scroll <= viewport, (scroll, viewport)
    assert sections == 20
