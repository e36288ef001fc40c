"""The class report's similarity section: clusters, the most similar pairs, side by side.

A signal for a person, never a verdict: the page says so, and no score changes. Each
listed pair gets a view with both submissions' code next to each other (stacked on a
phone), the lines each shares with the other marked; each student's section links to
the pairs it is in. All student text is cleaned, then HTML-escaped, before it is placed.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from .similarity import THRESHOLD, Pair, Similarity
from .text import clean

SHOWN_PAIRS = 20  # pairs listed beyond the flagged ones
MAX_VIEWS = 40  # side-by-side views on the page, most similar first
MAX_LINES = 400  # lines of one submission shown in a view
LINE_TEXT = 300  # characters of one line shown

STYLE = """
.sbs{display:flex;flex-wrap:wrap;gap:1rem}.sbs>div{flex:1 1 22rem;min-width:0}
.code{overflow-x:auto;margin:.3rem 0}
.code pre{font:13px/1.35 ui-monospace,monospace;background:#f7f7f7;padding:.4rem;margin:0;
white-space:pre;overflow-wrap:normal;width:max-content;min-width:100%}
.code span{display:block}.code .no{color:#555;display:inline-block;min-width:2.5em;
user-select:none}
.code mark{background:#ffe08a;color:#222;display:block}
.flag{font-weight:bold;color:#8a1c1c}
"""


def _h(value: object, limit: int = 200) -> str:
    return html.escape(clean(str(value), limit), quote=True)


def pair_anchor(index: int) -> str:
    return f"pair-{index + 1}"


def shown_pairs(similarity: Similarity) -> list[Pair]:
    """The pairs the page lists: every flagged pair, then the next most similar few."""
    flagged = similarity.flagged()
    rest = [p for p in similarity.pairs if not p.flagged][:SHOWN_PAIRS]
    return flagged + rest


def summary(similarity: Similarity | None, anchors: Mapping[str, str]) -> str:
    """The top of the page: the clusters, linked, or that nothing was flagged."""
    if similarity is None:
        return ""
    if not similarity.clusters:
        return (f"<h2>Similar code</h2><p id=clusters>No pair of submissions scored "
                f"{THRESHOLD:g} or more. <a href=#similar>The most similar pairs</a>."
                "</p>")  # fmt: skip
    items = "".join(
        f"<li>{len(cluster)} submissions: "
        + ", ".join(_link(i, anchors) for i in cluster)
        + "</li>"
        for cluster in similarity.clusters
    )
    return (
        f"<h2>Similar code</h2><p>Groups of submissions whose code is the same up to names, "
        f"formatting, comments and order (score {THRESHOLD:g} or more; a signal to look "
        f'at, not a verdict): <a href="#similar">pairs side by side</a>.</p>'
        f"<ol id=clusters>{items}</ol>"
    )


def _link(ident: str, anchors: Mapping[str, str]) -> str:
    anchor = anchors.get(ident)
    return f'<a href="#{_h(anchor)}">{_h(ident)}</a>' if anchor else _h(ident)


def section(
    similarity: Similarity | None, texts: Mapping[str, str], anchors: Mapping[str, str]
) -> str:
    """The pairs table and a side-by-side view per listed pair."""
    if similarity is None:
        return ""
    pairs = shown_pairs(similarity)
    intro = (
        "<h2 id=similar>Most similar pairs</h2><p>Scores from 0 (nothing shared) to 1 (the "
        "same code up to names, formatting, comments and the order of functions and "
        "statements), with the stub every student received and code most of the class "
        f"shares left out. Pairs from {THRESHOLD:g} are flagged. Grades do not change: "
        "look at the code.</p>"
    )
    left = _left_out(similarity)
    if not pairs:
        return intro + "<p>No two submissions share code beyond the stub.</p>" + left
    rows = "".join(_pair_row(n, p, anchors) for n, p in enumerate(pairs))
    table = (
        "<div class=scroll tabindex=0 role=region aria-labelledby=similar><table id=pairs>"
        "<thead><tr><th scope=col class=n>score</th><th scope=col>submission</th>"
        "<th scope=col>submission</th><th scope=col class=n>shared lines</th>"
        f"<th scope=col>view</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )
    views = "".join(_view(n, p, texts, anchors) for n, p in enumerate(pairs[:MAX_VIEWS]))
    return intro + table + left + views


def _pair_row(index: int, pair: Pair, anchors: Mapping[str, str]) -> str:
    flag = " <span class=flag>flagged</span>" if pair.flagged else ""
    view = f'<a href="#{pair_anchor(index)}">side by side</a>' if index < MAX_VIEWS else "-"
    return (f"<tr><td class=n>{pair.score:.2f}{flag}</td><td>{_link(pair.a, anchors)}</td>"
            f"<td>{_link(pair.b, anchors)}</td>"
            f"<td class=n>{len(pair.lines_a)} / {len(pair.lines_b)}</td>"
            f"<td>{view}</td></tr>")  # fmt: skip


def _left_out(similarity: Similarity) -> str:
    if not similarity.left_out:
        return ""
    items = "".join(
        f"<li>{_h(i)}: {_h(reason, 300)}</li>" for i, reason in similarity.left_out.items()
    )
    return (f"<details><summary>{len(similarity.left_out)} not compared</summary>"
            f"<ul id=not-compared>{items}</ul></details>")  # fmt: skip


def _view(index: int, pair: Pair, texts: Mapping[str, str], anchors: Mapping[str, str]) -> str:
    anchor = pair_anchor(index)
    head = (f'<h3 id="{anchor}">{_h(pair.a)} and {_h(pair.b)}: {pair.score:.2f}'
            f"{' (flagged)' * pair.flagged}</h3>")  # fmt: skip
    if pair.a not in texts or pair.b not in texts:
        return (f"<section class=pair>{head}<p>The code is not available here (the files "
                "were not found where they were graded).</p></section>")  # fmt: skip
    sides = "".join(
        f"<div><h4>{_link(ident, anchors)}</h4>"
        f"{_code(f'{ident} (pair {index + 1})', texts[ident], set(lines))}</div>"
        for ident, lines in ((pair.a, pair.lines_a), (pair.b, pair.lines_b))
    )
    return (f"<section class=pair aria-labelledby={anchor}>{head}<p>Marked lines are code "
            f"the other submission has too.</p><div class=sbs>{sides}</div>"
            '<p><a href="#similar">back to the pairs</a></p></section>')  # fmt: skip


def _code(name: str, text: str, marked: set[int]) -> str:
    """The code with line numbers, the shared lines in <mark>."""
    lines = text.split("\n")
    out = []
    for number, line in enumerate(lines[:MAX_LINES], start=1):
        body = f"<span class=no>{number}</span>{_h(line, LINE_TEXT)}"
        out.append(f"<mark>{body}</mark>" if number in marked else f"<span>{body}</span>")
    if len(lines) > MAX_LINES:
        out.append(f"<span>... {len(lines) - MAX_LINES} more lines</span>")
    return (f'<div class=code tabindex=0 role=region aria-label="code of {_h(name)}">'
            f'<pre>{"".join(out)}</pre></div>')  # fmt: skip


def student_links(similarity: Similarity | None, ident: str) -> str:
    """For a student's section: the listed pairs this submission is in, linked."""
    if similarity is None:
        return ""
    links = [
        f'<a href="#{pair_anchor(n)}">{_h(p.b if p.a == ident else p.a)} ({p.score:.2f})</a>'
        for n, p in enumerate(shown_pairs(similarity)[:MAX_VIEWS])
        if ident in (p.a, p.b) and (p.flagged or n < 5)
    ]
    if not links:
        return ""
    return f"<p class=similar>Similar code: {', '.join(links)}</p>"
