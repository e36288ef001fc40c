"""A class report: one self-contained HTML page over a folder of reports.

Score histogram and per-exercise pass rates (matplotlib, inlined as SVG, so
the page works offline), per-test pass rates, the most common diagnosed
misconceptions (each counted once per submission, also when a hint names two
mistakes or a callee's), and a table of submissions sortable by any column
(click a header, or open the page with ``#sort=score-desc``).

Every string from a report (ids, statuses, names, hints) reaches the page
through ``_h``: cleaned (``text.clean``), then HTML-escaped, quotes included,
so it is safe in text and in attributes. Plot labels are cleaned too, and
their ``$`` escaped, since matplotlib would parse them as math.
"""

from __future__ import annotations

import html
import io
import statistics
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .diagnose import hint_parts
from .errors import UsageError
from .export import load_reports
from .report import write_text
from .text import clean

NAME_TEXT = 200  # ids, names and statuses on the page
HINT_TEXT = 2000

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
th[data-key]{cursor:pointer;user-select:none}th[data-key]:hover{background:#eef}
.figs{display:flex;flex-wrap:wrap;gap:1rem}.figs svg{max-width:100%;height:auto}
.bar{background:#4c72b0;height:.8rem;display:inline-block}
.stats span{margin-right:1.5rem}
"""

SCRIPT = """
function sortBy(key, desc) {
  const body = document.querySelector('#submissions tbody');
  const rows = Array.from(body.rows);
  const num = document.querySelector('th[data-key="' + key + '"]').classList.contains('n');
  rows.sort((a, b) => {
    let x = a.dataset[key], y = b.dataset[key];
    if (num) { x = parseFloat(x); y = parseFloat(y); }
    return (x < y ? -1 : x > y ? 1 : 0) * (desc ? -1 : 1);
  });
  rows.forEach(r => body.appendChild(r));
  document.body.dataset.sorted = key + (desc ? '-desc' : '-asc');
}
document.querySelectorAll('#submissions th[data-key]').forEach(th => th.addEventListener(
  'click', () => sortBy(th.dataset.key, document.body.dataset.sorted === th.dataset.key + '-asc')));
const wanted = /^#sort=(\\w+)-(asc|desc)$/.exec(location.hash);
if (wanted) sortBy(wanted[1], wanted[2] === 'desc');
"""


def _h(value: object, limit: int = NAME_TEXT) -> str:
    """Report text for the page: cleaned, then escaped for text and attributes alike."""
    return html.escape(clean(str(value), limit), quote=True)


def _label(name: str) -> str:
    """A plot label: cleaned (matplotlib's fonts refuse surrogates), ``$`` not math."""
    return clean(name, NAME_TEXT).replace("$", r"\$")


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _figures(scores: list[float], maximum: float, rates: dict[str, float]) -> list[str]:
    try:
        import matplotlib
        import matplotlib.ticker

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise UsageError(
            "the class report needs matplotlib: pip install 'forward-grader[report]'"
        ) from None
    plt.rcParams.update({"svg.fonttype": "path", "svg.hashsalt": "forward-grader"})
    histogram, ax = plt.subplots(figsize=(6, 3.2))
    ax.hist(scores, bins=10, range=(0, maximum or 1), color="#4c72b0", edgecolor="white")
    ax.set(xlabel="score", ylabel="submissions", title="Scores")
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    bars, bx = plt.subplots(figsize=(6, 3.2))
    bx.barh([_label(n) for n in rates][::-1], [100 * v for v in rates.values()][::-1],
            color="#55a868")  # fmt: skip
    bx.set(xlabel="% of submissions with full marks", xlim=(0, 100), title="Exercises")
    svgs = [_svg(histogram), _svg(bars)]
    plt.close("all")
    return svgs


def _rate_rows(rates: dict[str, float]) -> str:
    return "".join(
        f"<tr><td>{_h(name)}</td><td class=n>{100 * rate:.0f}%</td>"
        f'<td><span class=bar style="width:{10 * rate:.2f}rem"></span></td></tr>'
        for name, rate in rates.items()
    )


def render_class_report(reports: dict[str, dict[str, Any]]) -> str:
    """The page as text."""
    graded = {i: r for i, r in reports.items() if r["status"] == "graded"}
    first = next(iter(reports.values()))
    maximum = first["max_score"]
    exercises = [e["name"] for e in first["exercises"]] or [
        e["name"] for r in graded.values() for e in r["exercises"]
    ]
    exercises = list(dict.fromkeys(exercises))
    scores = [r["score"] for r in reports.values()]

    def full(report: dict[str, Any], name: str) -> bool:
        return any(e["name"] == name and e["score"] >= e["max_score"] for e in report["exercises"])

    exercise_rates = {
        name: sum(full(r, name) for r in reports.values()) / len(reports) for name in exercises
    }
    test_passes: Counter[str] = Counter()
    test_counts: Counter[str] = Counter()
    hints: Counter[tuple[str, str]] = Counter()
    for report in graded.values():
        seen = set()
        for test in report["tests"]:
            test_counts[test["name"]] += 1
            test_passes[test["name"]] += test["status"] == "passed"
            # A hint may name two mistakes, or a callee's: each misconception counts once.
            for part in hint_parts(test["hint"] or "", test["exercise"]):
                if part not in seen:
                    seen.add(part)
                    hints[part] += 1
    test_rates = {name: test_passes[name] / test_counts[name] for name in test_counts}
    figures = _figures(scores, maximum, exercise_rates)
    title = _h(f"{first['assignment']}: {len(reports)} submissions")
    stats = (
        f"<span>mean {statistics.fmean(scores):.1f} / {maximum:g}</span>"
        f"<span>median {statistics.median(scores):.1f}</span>"
        f"<span>full marks {sum(s >= maximum for s in scores)}</span>"
        f"<span>not gradable {len(reports) - len(graded)}</span>"
    )
    mistakes = (
        "".join(
            f"<tr><td class=n>{count}</td><td>{_h(exercise)}</td>"
            f"<td>{_h(hint, HINT_TEXT)}</td></tr>"
            for (exercise, hint), count in hints.most_common(15)
        )
        or "<tr><td colspan=3>no mistake diagnosed</td></tr>"
    )
    head = "".join(f'<th class=n data-key="{_h(_key(e))}">{_h(e)}</th>' for e in exercises)
    rows = "".join(_submission_row(i, r, exercises) for i, r in reports.items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>{STYLE}</style></head><body>
<h1>{title}</h1>
<p class=stats>{stats}</p>
<div class=figs>{"".join(figures)}</div>
<h2>Exercises: share of submissions with full marks</h2>
<table id=exercises><tbody>{_rate_rows(exercise_rates)}</tbody></table>
<h2>Most common diagnosed misconceptions (submissions)</h2>
<table id=mistakes><thead><tr><th class=n>count</th><th>exercise</th><th>hint</th></tr></thead>
<tbody>{mistakes}</tbody></table>
<h2>Tests: share of graded submissions passing</h2>
<table id=tests><tbody>{_rate_rows(test_rates)}</tbody></table>
<h2>Submissions</h2>
<table id=submissions><thead><tr><th data-key="id">id</th><th data-key="status">status</th>
<th class=n data-key="score">score</th>{head}</tr></thead><tbody>{rows}</tbody></table>
<script>{SCRIPT}</script>
</body></html>
"""


def _key(name: str) -> str:
    """A data-* attribute key: letters and digits only."""
    return "x" + "".join(c for c in name.lower() if c.isalnum())


def _submission_row(ident: str, report: dict[str, Any], exercises: Sequence[str]) -> str:
    points = {e["name"]: e["score"] for e in report["exercises"]}
    data = {"id": ident, "status": report["status"], "score": f"{report['score']:g}"}
    data |= {_key(e): f"{points.get(e, 0):g}" for e in exercises}
    attributes = " ".join(f'data-{k}="{_h(v)}"' for k, v in data.items())
    cells = "".join(f"<td class=n>{points[e]:g}</td>" if e in points else "<td class=n>-</td>"
                    for e in exercises)  # fmt: skip
    return (f"<tr {attributes}><td>{_h(ident)}</td><td>{_h(report['status'])}</td>"
            f"<td class=n>{report['score']:g}</td>{cells}</tr>")  # fmt: skip


def write_class_report(*, directory: Sequence[Path], output: str) -> int:
    """Write the page for every report in ``directory``; return how many submissions."""
    reports = load_reports(directory)
    write_text(render_class_report(reports), output)
    return len(reports)
