"""The class report: self-contained HTML, checked in a real headless browser when there is one."""

from __future__ import annotations

import html
import itertools
import json
import os
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


# --- Similar code: the clusters at the top, each pair side by side ---------------------------

A11Y = Path(__file__).parent / "a11y"


@pytest.fixture(scope="module")
def class_of_40(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[set[str]]]:
    """The class of 40 of test_similarity (3 planted copy clusters) with its page."""
    from .test_similarity import graded_class

    root = tmp_path_factory.mktemp("class40")
    reports, planted = graded_class(root, seed=3)
    result = CliRunner().invoke(main, ["report", str(reports), "-o", str(root / "class.html")])
    assert result.exit_code == 0, result.output
    assert "40 compared for similar code" in result.output
    return root / "class.html", planted


def test_the_clusters_are_listed_at_the_top_and_linked(
    class_of_40: tuple[Path, list[set[str]]],
) -> None:
    page, planted = class_of_40
    text = page.read_text()
    clusters = text[
        text.index("<ol id=clusters>") : text.index("</ol>", text.index("<ol id=clusters>"))
    ]
    listed = [
        set(re.findall(r'<a href="#s-([^"]+)">', item)) for item in clusters.split("<li>")[1:]
    ]
    assert sorted(map(sorted, listed)) == sorted(map(sorted, planted))
    assert text.index("id=clusters") < text.index("<div class=figs>")  # before the charts
    pairs = text[
        text.index("<table id=pairs>") : text.index("</table>", text.index("<table id=pairs>"))
    ]
    row = (r'<tr><td class=n>([\d.]+)( <span class=flag>flagged</span>)?</td>'
           r'<td><a href="#s-([^"]+)">[^<]*</a></td><td><a href="#s-([^"]+)">')  # fmt: skip
    rows = re.findall(row, pairs)
    copies = {frozenset(p) for c in planted for p in itertools.combinations(c, 2)}
    top = [frozenset((a, b)) for _, _, a, b in rows[: len(copies)]]
    assert set(top) == copies
    assert all(flag for _, flag, a, b in rows if frozenset((a, b)) in copies)
    assert not any(flag for _, flag, a, b in rows if frozenset((a, b)) not in copies)
    # every member's section links to a side-by-side view of its pair, which marks lines
    for ident in set().union(*planted):
        section = text[text.index(f'id="s-{ident}"') :].split("</section>")[0]
        link = re.search(r'<p class=similar>Similar code: <a href="#(pair-\d+)">', section)
        assert link, ident
        view = text[text.index(f'<h3 id="{link.group(1)}">') :].split("</section>")[0]
        assert ident in view and view.count("<mark>") >= 4
        assert view.count('<div class=code tabindex=0 role=region aria-label="code of ') == 2
    # the page is still one offline file; the report folder was only read
    assert not re.search(r'(src|href)="(https?:)?//', text)
    assert not (page.parent / "reports" / "similarity.json").exists()


def test_student_code_on_the_page_is_escaped(tmp_path: Path) -> None:
    from .test_similarity import report_for

    hostile = ('import numpy as np\n\n\ndef relu(x):\n    # </pre></div><script>alert(1)</script>\n'
               '    note = "<img src=x onerror=alert(2)>\\u202e"\n'
               '    return np.where(x > 0, x, 0 * x) + len(note) * 0\n\n\n'
               'def softmax(z):\n    e = np.exp(z - np.max(z, axis=-1, keepdims=True))\n'
               '    return e / e.sum(axis=-1, keepdims=True)\n')  # fmt: skip
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("<b>x", "y"):
        path = tmp_path / f"{name}.py"
        path.write_text(hostile)
        from grader.report import write_json

        write_json(report_for(path), "report", str(folder / f"{name}.json"))
    result = CliRunner().invoke(main, ["report", str(folder), "-o", str(tmp_path / "c.html")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "c.html").read_text()
    assert text.count("<script") == 1 and "<img" not in text and "<b>x" not in text
    assert "&lt;/pre&gt;&lt;/div&gt;&lt;script&gt;" in text and "\u202e" not in text
    assert "<mark>" in text


def test_without_the_code_the_batch_similarity_json_is_shown(tmp_path: Path) -> None:
    from .test_similarity import graded_class

    reports, planted = graded_class(tmp_path, seed=4)
    assert CliRunner().invoke(main, ["similar", str(reports)]).exit_code == 0
    for path in (tmp_path / "submissions").iterdir():
        path.unlink()
    result = CliRunner().invoke(main, ["report", str(reports), "-o", str(tmp_path / "c.html")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "c.html").read_text()
    assert text.count("<li>") >= len(planted) and "id=clusters" in text
    assert "The code is not available here" in text


# --- Accessibility: axe-core in a real headless browser --------------------------------------


def axe(page: Path) -> dict:
    """axe-core's violations (on a desk's and a phone's width) and keyboard facts of a page.

    Needs node, tests/a11y/node_modules (npm ci --prefix tests/a11y) and Chromium; CI
    installs them (.ci/run), so there the test fails rather than skip when one is missing.
    """
    browser, node = chromium(), shutil.which("node")
    ready = browser and node and (A11Y / "node_modules" / "axe-core").is_dir() and (
        A11Y / "node_modules" / "playwright-core").is_dir()  # fmt: skip
    if not ready:
        why = "needs chromium, node and `npm ci --prefix tests/a11y`"
        if os.environ.get("CI"):
            pytest.fail(f"the accessibility check cannot run in CI: it {why}")
        pytest.skip(f"the accessibility check {why}")
    done = subprocess.run([node, str(A11Y / "axe.mjs"), str(browser), page.as_uri()],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def assert_accessible(found: dict) -> None:
    for width in ("desk", "phone"):
        serious = [v for v in found[width] if v["impact"] in ("serious", "critical")]
        assert not serious, (width, serious)
    facts = found["facts"]
    assert facts["main"] == 1
    assert facts["tablesWithoutHeader"] == [] and facts["headersWithoutScope"] == 0
    assert len(facts["charts"]) == 2
    for chart in facts["charts"]:
        assert chart["role"] == "img" and chart["name"] and chart["textLabels"] > 5
        assert chart["caption"].strip()
    assert facts["sortButtons"] == facts["sortHeaders"] >= 3
    keyboard = found["keyboard"]
    assert keyboard["focused"] == "score"
    ascending, descending = keyboard["afterEnter"], keyboard["afterSpace"]
    assert ascending["sort"] == "ascending" and ascending["order"] == sorted(ascending["order"])
    assert descending["sort"] == "descending"
    assert descending["order"] == sorted(descending["order"], reverse=True)
    assert keyboard["idSort"] == "none"


def test_the_class_report_passes_axe_with_similar_code(
    class_of_40: tuple[Path, list[set[str]]],
) -> None:
    assert_accessible(axe(class_of_40[0]))


def test_the_class_report_passes_axe_with_failures_and_hints(class_of_20: Path) -> None:
    assert_accessible(axe(class_of_20))
