"""A class report: one self-contained HTML page over a folder of reports.

Score histogram and per-exercise pass rates (matplotlib, inlined as SVG, so
the page works offline), per-test pass rates, the most common diagnosed
misconceptions (each counted once per submission, also when a hint names two
mistakes or a callee's), a table of submissions sortable by any column
(click a header, or open the page with ``#sort=score-desc``), and a section per
student (``#s-<id>``, linked from the table) with every test's status, message
and hint, and the reason a submission could not be graded. Scores show two
decimals at most; the means are ``summary.class_mean``'s, as in the terminal.
The layout works on a phone: wide tables scroll on their own, the page never does.

Every string from a report (ids, statuses, names, hints) reaches the page
through ``_h``: cleaned (``text.clean``), then HTML-escaped, quotes included,
so it is safe in text and in attributes. Plot labels are cleaned too, and
their ``$`` escaped, since matplotlib would parse them as math.
"""

from __future__ import annotations

import html
import io
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import similarityview
from .classsimilarity import Compared, compare_reports, read_similarity, write_similarity
from .diagnose import hint_parts
from .errors import UsageError
from .export import class_maximum, collect_reports
from .report import write_text
from .similarity import Similarity
from .spec import Assignment
from .summary import class_mean, points
from .text import clean

NAME_TEXT = 200  # ids, names and statuses on the page
HINT_TEXT = 2000
MESSAGE_TEXT = 4000  # a test's message is ~2000 bytes; this bounds a tampered report
OUTPUT_TEXT = 5000  # the student's printed output (the report keeps 4 KB of each stream)

STYLE = """
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:70rem;color:#222;
overflow-wrap:break-word}
h1{font-size:1.5rem;overflow-wrap:anywhere}h2{font-size:1.25rem;margin-top:2rem}
h3{font-size:1.1rem;margin:0 0 .5rem;overflow-wrap:anywhere}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:15px}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.rate{width:40%}
th button{font:inherit;font-weight:bold;color:inherit;background:none;border:0;padding:0;
cursor:pointer;text-align:inherit}th button:hover,th button:focus-visible{background:#eef}
th button:focus-visible{outline:2px solid #1a4d8f}
th[aria-sort=ascending] button::after{content:" \\2191"}
th[aria-sort=descending] button::after{content:" \\2193"}
.scroll:focus-visible{outline:2px solid #1a4d8f}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
figure{margin:0}figcaption{font-size:14px;color:#444}
.figs{display:flex;flex-wrap:wrap;gap:1rem}.fig{flex:1 1 20rem;min-width:0}
.fig svg{width:100%;height:auto}
#submissions tr>:first-child{position:sticky;left:0;background:#fff}
table.exercises{width:auto;min-width:60%}
.bar{background:#4c72b0;height:.8rem;display:inline-block;max-width:100%}
.stats span{display:inline-block;margin-right:1.5rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:14px;background:#f5f5f5;
padding:.4rem .6rem;margin:.3rem 0}
.student{border-top:2px solid #ccc;margin-top:1.5rem;padding-top:.75rem}
.st{font-size:14px;padding:0 .4em;border-radius:.3em;background:#fde2e2;white-space:nowrap}
.st.passed,.st.graded{background:#dff3df}
ol.tests{padding-left:1.4rem}ol.tests li{margin:.6rem 0}
.hint{margin:.2rem 0;color:#7a4b00}.meta{color:#555;overflow-wrap:anywhere}
"""

SCRIPT = """
function sortBy(key, desc) {
  const body = document.querySelector('#submissions tbody');
  document.querySelectorAll('#submissions th[data-key]').forEach(th => th.setAttribute(
    'aria-sort', th.dataset.key === key ? (desc ? 'descending' : 'ascending') : 'none'));
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
document.querySelectorAll('#submissions th[data-key] button').forEach(button => {
  const key = button.parentElement.dataset.key;
  button.addEventListener('click',
    () => sortBy(key, document.body.dataset.sorted === key + '-asc'));
});
const wanted = /^#sort=(\\w+)-(asc|desc)$/.exec(location.hash);
if (wanted) sortBy(wanted[1], wanted[2] === 'desc');
"""


def _h(value: object, limit: int = NAME_TEXT) -> str:
    """Report text for the page: cleaned, then escaped for text and attributes alike."""
    return html.escape(clean(str(value), limit), quote=True)


def _label(name: str) -> str:
    """A plot label: cleaned (matplotlib's fonts refuse surrogates), ``$`` not math."""
    return clean(name, NAME_TEXT).replace("$", r"\$")


def _svg(figure: Any, ident: str, title: str) -> str:
    """The figure as inline SVG: an image named by its title, its labels real text."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    opened = text.index(">") + 1
    start = len("<svg")
    return (f'<svg role="img" aria-labelledby="{ident}"{text[start:opened]}'
            f'<title id="{ident}">{_h(title)}</title>{text[opened:]}')  # fmt: skip


def _figures(scores: list[float], maximum: float, rates: dict[str, float]) -> list[str]:
    """The two charts, each a figure with a caption and its numbers as text."""
    try:
        import matplotlib
        import matplotlib.ticker

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise UsageError(
            "the class report needs matplotlib: pip install 'forward-grader[report]'"
        ) from None
    # Labels stay text (fonttype none): readable by a screen reader, searchable, zoomable.
    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "forward-grader"})
    histogram, ax = plt.subplots(figsize=(6, 3.2))
    counts, edges, _ = ax.hist(scores, bins=10, range=(0, maximum or 1), color="#4c72b0",
                               edgecolor="white")  # fmt: skip
    ax.set(xlabel="score", ylabel="submissions", title="Scores")
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    bars, bx = plt.subplots(figsize=(6, 3.2))
    bx.barh([_label(n) for n in rates][::-1], [100 * v for v in rates.values()][::-1],
            color="#55a868")  # fmt: skip
    bx.set(xlabel="% of submissions with full marks", xlim=(0, 100), title="Exercises")
    scores_title = "Scores: how many submissions scored in each tenth of the points"
    exercises_title = "Exercises: share of submissions with full marks"
    bins = "".join(
        f"<tr><td>{points(low)} to {points(high)}</td><td class=n>{int(n)}</td></tr>"
        for low, high, n in zip(edges[:-1], edges[1:], counts, strict=True)
    )
    svgs = [
        f"<figure>{_svg(histogram, 'fig-scores', scores_title)}<figcaption>{scores_title}."
        f"<details><summary>The histogram as a table</summary><table id=histogram>"
        f"<thead><tr><th scope=col>score</th><th scope=col class=n>submissions</th></tr>"
        f"</thead><tbody>{bins}</tbody></table></details></figcaption></figure>",
        f"<figure>{_svg(bars, 'fig-exercises', exercises_title)}<figcaption>"
        f'{exercises_title}; the numbers are in <a href="#exercises">the table below</a>.'
        f"</figcaption></figure>",
    ]
    plt.close("all")
    return svgs


def _rate_rows(rates: dict[str, float]) -> str:
    return "".join(
        f"<tr><td>{_h(name)}</td><td class=n>{100 * rate:.0f}%</td>"
        f'<td class=rate><span class=bar style="width:{100 * rate:.1f}%"></span></td></tr>'
        for name, rate in rates.items()
    )


def _rate_table(ident: str, what: str, rates: dict[str, float]) -> str:
    """A table of pass rates with its header row (the bar repeats the percentage)."""
    return (f'<div class=scroll tabindex=0 role=region aria-labelledby="h-{ident}">'
            f"<table id={ident}><thead><tr><th scope=col>{what}</th>"
            f"<th scope=col class=n>share</th><th scope=col>bar</th></tr></thead>"
            f"<tbody>{_rate_rows(rates)}</tbody></table></div>")  # fmt: skip


def render_class_report(
    reports: dict[str, dict[str, Any]],
    notes: Sequence[str] = (),
    similar: Compared | None = None,
) -> str:
    """The page as text; ``notes`` are what reading the reports left out (shown at the top).

    ``similar``: the class's similarity and the code compared, for its section.
    """
    graded = {i: r for i, r in reports.items() if r["status"] == "graded"}
    first = next(iter(reports.values()))
    maximum = class_maximum(reports)  # an old ungradable report says 0
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
    stats = _stats(reports, maximum)
    mistakes = (
        "".join(
            f"<tr><td class=n>{count}</td><td>{_h(exercise)}</td>"
            f"<td>{_h(hint, HINT_TEXT)}</td></tr>"
            for (exercise, hint), count in hints.most_common(15)
        )
        or "<tr><td colspan=3>no mistake diagnosed</td></tr>"
    )
    head = "".join(_sort_header(_key(e), e, "n") for e in exercises)
    anchors = _anchors(reports)
    rows = "".join(_submission_row(i, r, exercises, anchors[i]) for i, r in reports.items())
    similarity = similar.similarity if similar else None
    students = "".join(_student(i, r, anchors[i], maximum, similarity)
                       for i, r in reports.items())  # fmt: skip
    similar_summary = similarityview.summary(similarity, anchors)
    similar_section = similarityview.section(similarity, similar.texts if similar else {}, anchors)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
<style>{STYLE}{similarityview.STYLE}</style></head><body><main>
<h1>{title}</h1>
<p class=stats>{stats}</p>
{_notes(notes)}{_ungradable(reports, anchors)}{similar_summary}
<div class=figs>{"".join(f"<div class=fig>{svg}</div>" for svg in figures)}</div>
<h2 id=h-exercises>Exercises: share of submissions with full marks</h2>
{_rate_table("exercises", "exercise", exercise_rates)}
<h2 id=h-mistakes>Most common diagnosed misconceptions (submissions)</h2>
<div class=scroll tabindex=0 role=region aria-labelledby=h-mistakes><table id=mistakes>
<thead><tr><th scope=col class=n>count</th><th scope=col>exercise</th><th scope=col>hint</th>
</tr></thead><tbody>{mistakes}</tbody></table></div>
<h2 id=h-tests>Tests: share of graded submissions passing</h2>
{_rate_table("tests", "test", test_rates)}
<h2 id=h-submissions>Submissions</h2>
<p>Sort by a column with its header button.</p>
<div class=scroll tabindex=0 role=region aria-labelledby=h-submissions><table id=submissions>
<thead><tr>{_sort_header("id", "id")}{_sort_header("status", "status")}\
{_sort_header("score", "score", "n")}{head}</tr></thead>
<tbody>{rows}</tbody></table></div>
{similar_section}
<h2>Students</h2>
{students}
</main>
<script>{SCRIPT}</script>
</body></html>
"""


def _sort_header(key: str, label: str, kind: str = "") -> str:
    """A column header whose button sorts the table (keyboard and mouse alike)."""
    css = f" class={kind}" if kind else ""
    return (f'<th scope=col{css} data-key="{_h(key)}" aria-sort=none>'
            f"<button type=button>{_h(label)}</button></th>")  # fmt: skip


def _key(name: str) -> str:
    """A data-* attribute key: letters and digits only."""
    return "x" + "".join(c for c in name.lower() if c.isalnum())


def _submission_row(
    ident: str, report: dict[str, Any], exercises: Sequence[str], anchor: str
) -> str:
    points_of = {e["name"]: e["score"] for e in report["exercises"]}
    data = {"id": ident, "status": report["status"], "score": f"{report['score']:g}"}
    data |= {_key(e): f"{points_of.get(e, 0):g}" for e in exercises}
    attributes = " ".join(f'data-{k}="{_h(v)}"' for k, v in data.items())
    cells = "".join(f"<td class=n>{points(points_of[e])}</td>" if e in points_of
                    else "<td class=n>-</td>" for e in exercises)  # fmt: skip
    return (f'<tr {attributes}><td><a href="#{anchor}">{_h(ident)}</a></td>'
            f"<td>{_h(report['status'])}</td>"
            f"<td class=n>{points(report['score'])}</td>{cells}</tr>")  # fmt: skip


def _stats(reports: dict[str, dict[str, Any]], maximum: float) -> str:
    """Means (all, and graded only: both labelled), median, full marks, ungradable."""
    mean = class_mean(reports.values())
    scores = [r["score"] if r["status"] == "graded" else 0.0 for r in reports.values()]
    spans = [f"mean {points(mean.overall)} / {points(maximum)} (ungradable as 0)"]
    if mean.graded is not None and mean.graded_count < mean.count:
        spans.append(f"mean of the {mean.graded_count} graded {points(mean.graded)}")
    spans += [f"median {points(statistics.median(scores))}",
              f"full marks {sum(s >= maximum for s in scores)}",
              f"not gradable {mean.count - mean.graded_count}"]  # fmt: skip
    return "".join(f"<span>{span}</span>" for span in spans)


def _notes(notes: Sequence[str]) -> str:
    """What reading the reports left out (files that are not reports, duplicate ids)."""
    if not notes:
        return ""
    items = "".join(f"<li>{_h(note, HINT_TEXT)}</li>" for note in notes)
    return f"<h2>Left out</h2><ul id=notes>{items}</ul>"


def _ungradable(reports: dict[str, dict[str, Any]], anchors: dict[str, str]) -> str:
    """The submissions that could not be graded, each with the first line of its reason."""
    items = "".join(
        f'<li><a href="#{anchors[i]}">{_h(i)}</a>: {_h(_first_line(r.get("message", "")))}</li>'
        for i, r in reports.items() if r["status"] != "graded"
    )  # fmt: skip
    return f"<h2>Could not be graded</h2><ul id=ungradable>{items}</ul>" if items else ""


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or ["(no reason given)"])[0]


_SAFE_ID = re.compile(r"[A-Za-z0-9_.-]{1,100}")


def _anchors(reports: dict[str, dict[str, Any]]) -> dict[str, str]:
    """An HTML id per submission: ``s-<id>`` when the id is plain, else ``s<n>`` (no clash)."""
    return {ident: f"s-{ident}" if _SAFE_ID.fullmatch(ident) else f"s{n}"
            for n, ident in enumerate(reports)}  # fmt: skip


def _student(
    ident: str,
    report: dict[str, Any],
    anchor: str,
    maximum: float,
    similarity: Similarity | None = None,
) -> str:
    """One student's section: score, exercises, every test, or why it could not be graded."""
    status = report["status"]
    path = (report.get("submission") or {}).get("path", "")
    head = (f'<h3><a href="#{anchor}">{_h(ident)}</a> <span class="st {_h(status)}">'
            f"{_h(status)}</span> {points(report['score'])} / {points(maximum)}</h3>")  # fmt: skip
    meta = f"<p class=meta>{_h(path)}</p>" if path else ""
    meta += similarityview.student_links(similarity, ident)
    if status != "graded":
        what = "The grader failed" if status == "internal_error" else "Could not be graded"
        reason = _h(report.get("message") or "(no reason given)", MESSAGE_TEXT)
        body = f"<p>{what}:</p><pre>{reason}</pre>"
    else:
        body = _exercise_table(report) + _tests(report["tests"])
    return (f'<section class=student id="{anchor}">{head}{meta}{body}{_printed(report)}'
            '<p><a href="#submissions">back to the table</a></p></section>\n')  # fmt: skip


def _exercise_table(report: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{_h(e['name'])}</td><td class=n>{points(e['score'])} / "
        f"{points(e['max_score'])}</td><td class=n>{e.get('passed', '?')} / "
        f"{e.get('tests', '?')} tests</td></tr>"
        for e in report["exercises"]
    )
    return ("<div class=scroll><table class=exercises><thead><tr><th scope=col>exercise</th>"
            "<th scope=col class=n>points</th><th scope=col class=n>tests passed</th></tr>"
            f"</thead><tbody>{rows}</tbody></table></div>")  # fmt: skip


def _tests(tests: Sequence[dict[str, Any]]) -> str:
    """Every test that did not pass with its message and hint; the passed ones by name."""
    failed = "".join(_test(t) for t in tests if t["status"] != "passed")
    passed = [t["name"] for t in tests if t["status"] == "passed"]
    text = f"<ol class=tests>{failed}</ol>" if failed else "<p>Every test passed.</p>"
    if passed:
        names = "".join(f"<li>{_h(name)}</li>" for name in passed)
        text += (f"<details><summary>{len(passed)} passed test{'s' * (len(passed) > 1)}"
                 f"</summary><ul class=passed>{names}</ul></details>")  # fmt: skip
    return text


def _test(test: dict[str, Any]) -> str:
    status = test["status"]
    where = f" ({_h(test['visibility'])})" if test.get("visibility") == "hidden" else ""
    message = test.get("message") or ""
    hint = test.get("hint") or ""
    return (
        f'<li><span class="st {_h(status)}">{_h(status)}</span> <b>{_h(test["name"])}</b>{where}'
        + (f"<pre>{_h(message, MESSAGE_TEXT)}</pre>" if message else "")
        + (f"<p class=hint>Hint: {_h(hint, HINT_TEXT)}</p>" if hint else "")
        + "</li>"
    )


def _printed(report: dict[str, Any]) -> str:
    """What the student's program printed, folded away: it explains odd failures."""
    parts = []
    for stream in ("stdout", "stderr"):
        text = report.get(stream) or ""
        if text.strip():
            parts.append(f"<details><summary>printed to {stream}</summary>"
                         f"<pre>{_h(text, OUTPUT_TEXT)}</pre></details>")  # fmt: skip
    return "".join(parts)


@dataclass(frozen=True)
class Written:
    """What ``write_class_report`` wrote: the page over ``count`` submissions, of which
    ``compared`` had their code compared for similarity."""

    count: int
    compared: int = 0


def write_class_report(*, directory: Sequence[Path], output: str) -> Written:
    """Write the page for every report in ``directory`` with the class's similarity.

    The submissions are compared as they are found where they were graded; when their
    code is not there any more, the similarity.json the batch wrote is shown instead.
    The report folders are only read.
    """
    found = collect_reports(directory)
    similar, _ = similarity_of(found.reports, directory, write=False)
    write_text(render_class_report(found.reports, found.warnings, similar), output)
    return Written(len(found.reports), len(similar.similarity.compared))


def similarity_of(
    reports: dict[str, dict[str, Any]], directory: Sequence[Path], *, write: bool
) -> tuple[Compared, Path | None]:
    """Compare the class's code; with ``write``, into similarity.json in the first folder.

    With fewer than two submissions' code found, a similarity.json written earlier (by
    the batch) is read instead, when there is one: its pairs, without the code.
    """
    assignment = _assignment(reports)
    compared = compare_reports(reports, directory, assignment)
    folders = [d for d in directory if d.is_dir()]
    if len(compared.similarity.compared) >= 2:
        if not (write and folders):
            return compared, None
        name = assignment.name if assignment else next(iter(reports.values()))["assignment"]
        return compared, write_similarity(compared.similarity, folders[0], name)
    earlier = read_similarity(folders[0]) if folders else None
    if earlier is not None:
        return Compared(Similarity.from_dict(earlier), {}), None
    return compared, None


def _assignment(reports: dict[str, dict[str, Any]]) -> Assignment | None:
    """The reports' assignment, when it can be loaded here (for its stub)."""
    from . import registry

    names = {r["assignment"] for r in reports.values()}
    if len(names) != 1:
        return None
    try:
        return registry.load(names.pop())
    except Exception:  # not installed here, or broken: compare without discounting a stub
        return None
