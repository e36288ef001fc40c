"""Similarity across a class: copies found through their disguises, honest work and the stub not.

The copies are made the way copiers make them: every name the file binds renamed,
functions reordered, comments and docstrings rewritten, the layout reformatted, a line
added. The honest files are the labelled corpus (tests/corpus/forward/), written as different
students would; the stub-only files are the stub with each function filled in from a
different honest file, so they share the stub's docstrings and signatures and nothing else.
"""

from __future__ import annotations

import ast
import builtins
import io
import json
import keyword
import random
import textwrap
import time
import tokenize
from itertools import combinations
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader import similarity
from grader.classsimilarity import compare_files, stub_texts, write_similarity
from grader.cli import main
from grader.registry import load
from grader.report import validate, write_json
from grader.results import ExerciseTotal, Report, SubmissionInfo
from grader.similarity import boilerplate_of, compare, fingerprint

from .submissions import ROOT

CORPUS = ROOT / "tests" / "corpus" / "forward"
STUB = (ROOT / "exercises" / "forward.py").read_text()
API = {"relu", "node_value", "hidden_layer", "forward", "softmax", "cross_entropy_loss"}


def corpus() -> dict[str, str]:
    """The tuned corpus's files that are no near-copy of another: some of its families
    are one template with one function changed (five of six functions the same, word
    for word), which is what a copier hands in, not what honest students write."""
    texts = {p.stem: p.read_text() for p in sorted(CORPUS.glob("*.py")) if p.stem != "check_labels"}
    functions = {
        name: {ast.dump(f) for f in ast.parse(text).body if isinstance(f, ast.FunctionDef)}
        for name, text in texts.items()
    }
    near = {
        name
        for pair in combinations(texts, 2)
        if len(functions[pair[0]] & functions[pair[1]]) >= 5
        for name in pair
    }
    return {name: text for name, text in texts.items() if name not in near}


# --- A copier's disguises --------------------------------------------------------------------


def rename(source: str, rng: random.Random) -> str:
    """Every name the file binds renamed (not the graded API), token by token."""
    bound: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
    bound -= API | set(dir(builtins))
    words = ["val", "tmp", "my", "thing", "res", "item", "data"]
    mapping = {name: f"{rng.choice(words)}_{n}" for n, name in enumerate(sorted(bound))}
    out, previous = [], None
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if (token.type == tokenize.NAME and token.string in mapping
                and not keyword.iskeyword(token.string)
                and not (previous is not None and previous.string == ".")):  # fmt: skip
            token = token._replace(string=mapping[token.string])
        out.append(token)
        if token.type not in (tokenize.NL, tokenize.COMMENT):
            previous = token
    return tokenize.untokenize(out)


def reorder(source: str, rng: random.Random) -> str:
    """The top-level functions shuffled; what is not a function stays first."""
    lines = source.splitlines()
    functions, rest, end = [], [], 0
    for node in ast.parse(source).body:
        chunk = "\n".join(lines[end : node.end_lineno])
        end = node.end_lineno or end
        (functions if isinstance(node, ast.FunctionDef) else rest).append(chunk)
    original = list(functions)
    while len(functions) > 1 and functions == original:
        rng.shuffle(functions)
    return "\n".join(rest + functions + lines[end:]) + "\n"


def recomment(source: str, rng: random.Random) -> str:
    """Every comment rewritten, and new docstrings."""
    notes = ["my own work", "step two", "see lecture 3", "TODO tidy", "works now"]
    out = [t._replace(string=f"# {rng.choice(notes)}") if t.type == tokenize.COMMENT else t
           for t in tokenize.generate_tokens(io.StringIO(source).readline)]  # fmt: skip
    lines = []
    for line in tokenize.untokenize(out).splitlines():
        lines.append(line)
        if line.lstrip().startswith("def ") and line.rstrip().endswith(":"):
            indent = line[: len(line) - len(line.lstrip())] + "    "
            lines.append(f'{indent}"""{rng.choice(notes).capitalize()}."""')
    return "\n".join(lines) + "\n"


def reformat(source: str) -> str:
    """What a formatter makes of it: comments gone, parentheses and spacing its own."""
    return ast.unparse(ast.parse(source)) + "\n"


def add_line(source: str, rng: random.Random) -> str:
    """One line a copier adds to look different: a print at the end of a function."""
    tree = ast.parse(source)
    functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    chosen = rng.choice(functions)
    first = chosen.body[0]
    lines = source.splitlines()
    indent = " " * first.col_offset
    lines.insert(first.lineno - 1, f'{indent}print("running {chosen.name}")')
    return "\n".join(lines) + "\n"


DISGUISES = ["rename reorder", "rename recomment", "reorder rename reformat recomment",
             "rename reorder add_line"]  # fmt: skip


def disguise(source: str, steps: str, seed: int) -> str:
    rng = random.Random(seed)
    for step in steps.split():
        source = reformat(source) if step == "reformat" else globals()[step](source, rng)
    return source


def stub_filled(donors: list[str], given: str = STUB) -> str:
    """The stub with each function's body taken from a donor (one donor per function)."""
    stub = ast.parse(given)
    lines = given.splitlines()
    bodies = {}
    todo = [n for n in stub.body if isinstance(n, ast.FunctionDef) and n.name in API]
    for n, node in enumerate(todo):
        donor = donors[n % len(donors)]
        found = [f for f in ast.parse(donor).body
                 if isinstance(f, ast.FunctionDef) and f.name == node.name]  # fmt: skip
        if found:
            body = found[0].body
            text = "\n".join(donor.splitlines()[body[0].lineno - 1 : body[-1].end_lineno])
            bodies[node.body[-1].lineno] = textwrap.indent(textwrap.dedent(text), "    ")
    out = []
    for number, line in enumerate(lines, start=1):
        out.append(bodies.get(number, line))
    return "\n".join(out) + "\n"


# --- A class of 40 ---------------------------------------------------------------------------

SIZES = (4, 3, 2)  # the planted copy clusters: an original and its disguised copies


def make_class(seed: int) -> tuple[dict[str, str], list[set[str]], list[str]]:
    """40 submissions: 3 copy clusters, 3 stub-only files, 28 honest corpus files.

    The corpus files are drawn at random (``seed``); originals, donors and honest files
    never overlap, so no two files of the class share code except the planted copies.
    """
    rng = random.Random(seed)
    names = list(corpus())
    rng.shuffle(names)
    texts = corpus()
    files: dict[str, str] = {}
    clusters: list[set[str]] = []
    for number, size in enumerate(SIZES):
        original = names.pop()
        members = {f"student-c{number}-0"}
        files[f"student-c{number}-0"] = texts[original]
        for copy in range(1, size):
            ident = f"student-c{number}-{copy}"
            files[ident] = disguise(texts[original], DISGUISES[(number + copy) % 4], seed + copy)
            members.add(ident)
        clusters.append(members)
    stub_only = []
    for number in range(3):
        donors = [texts[names.pop()] for _ in range(3)]
        files[f"student-stub-{number}"] = stub_filled(donors)
        stub_only.append(f"student-stub-{number}")
    honest = 40 - len(files)
    for number in range(honest):
        files[f"student-h{number:02d}"] = texts[names.pop()]
    assert len(files) == 40
    return files, clusters, stub_only


def compare_class(files: dict[str, str], stub: bool = True) -> similarity.Similarity:
    boilerplate = boilerplate_of(stub_texts(load("forward"))) if stub else frozenset()
    return compare([fingerprint(i, t, boilerplate) for i, t in files.items()], stub=stub)


@pytest.mark.parametrize("seed", range(6))
def test_a_class_of_40_lists_exactly_the_planted_clusters_at_the_top(seed: int) -> None:
    files, planted, stub_only = make_class(seed)
    found = compare_class(files)
    assert not found.left_out
    assert sorted(map(sorted, found.clusters)) == sorted(map(sorted, planted))
    copies = {frozenset(p) for c in planted for p in combinations(c, 2)}
    top = found.pairs[: len(copies)]
    assert {frozenset((p.a, p.b)) for p in top} == copies
    lowest_copy = min(p.score for p in top)
    honest = [p for p in found.pairs if frozenset((p.a, p.b)) not in copies]
    assert all(p.score < lowest_copy for p in honest)
    assert all(not p.flagged for p in honest)
    assert lowest_copy >= similarity.THRESHOLD
    for ident in stub_only:
        assert not found.partners(ident)


GIVEN = '''import numpy as np

SIZES = [2, 3, 1]


def make_network(sizes, seed=0):
    """Given: random weights and zero biases for layers of these sizes."""
    rng = np.random.default_rng(seed)
    weights, biases = [], []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        weights.append(rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_in, n_out)))
        biases.append(np.zeros(n_out))
    return weights, biases


def accuracy(scores, labels):
    """Given: the share of rows whose highest score is the label."""
    return float(np.mean(np.argmax(scores, axis=1) == labels))


def forward(inputs, weights, biases=None):
    """Yours."""
    raise NotImplementedError
'''


def test_code_that_came_with_the_stub_counts_for_nobody() -> None:
    """Two students keep the stub's given helpers and write their own forward: not alike.

    Without the stub discounted, the helpers they both kept would make them a pair.
    """
    texts = corpus()
    students = {}
    for ident, donor in (("ann", "correct_recursive_forward"), ("ben", "forward_loop_over_rows"),
                         ("cy", "correct_reduce_functional")):  # fmt: skip
        students[ident] = stub_filled([texts[donor]], GIVEN)
    boilerplate = boilerplate_of([GIVEN])
    honest = compare([fingerprint(i, t, boilerplate) for i, t in students.items()], stub=True)
    naive = compare([fingerprint(i, t) for i, t in students.items()])
    assert not honest.flagged() and not honest.clusters
    best_honest = max((p.score for p in honest.pairs), default=0.0)
    best_naive = max((p.score for p in naive.pairs), default=0.0)
    assert best_honest < 0.1 < 0.3 < best_naive, (best_honest, best_naive)
    # ... and in a class of 40, none of the three stub-only files is in a flagged pair
    files, _, stub_only = make_class(2)
    found = compare_class(files)
    assert not any(found.partners(i) for i in stub_only)
    assert all(i in found.compared for i in stub_only)


def test_the_whole_corpus_stays_below_the_planted_copies() -> None:
    """All 104 corpus files at once, with the copies of three of them: the copies first."""
    files, planted, _ = make_class(1)
    texts = corpus()
    original = {text: name for name, text in texts.items()}
    everything = dict(texts)
    clusters = []
    for cluster in planted:
        members = set()
        for ident in cluster:
            if files[ident] in original:  # the original: in the corpus under its own name
                members.add(original[files[ident]])
            else:
                everything[ident] = files[ident]
                members.add(ident)
        clusters.append(members)
    found = compare_class(everything)
    assert sorted(map(sorted, found.clusters)) == sorted(map(sorted, clusters))
    copies = {frozenset(p) for c in clusters for p in combinations(c, 2)}
    assert {frozenset((p.a, p.b)) for p in found.pairs[: len(copies)]} == copies
    # The corpus has near-twins (one template, one mistake changed): listed, not flagged.
    twins = [p for p in found.pairs if p.a in texts and p.b in texts and
             frozenset((p.a, p.b)) not in copies]  # fmt: skip
    assert twins and not any(p.flagged for p in twins)


def test_twelve_copies_in_a_class_of_twenty_are_one_cluster() -> None:
    """Code most of the class shares counts less, but a file twelve of twenty copied shows."""
    texts = corpus()
    names = sorted(texts)
    original = texts["correct_internal_classes"]
    files = {f"copy{n:02d}": disguise(original, DISGUISES[n % 4], n) for n in range(12)}
    files |= {name: texts[name] for name in names[::13][:8]}
    found = compare_class(files)
    assert found.clusters == (tuple(sorted(f"copy{n:02d}" for n in range(12))),)


def test_every_flagged_pair_is_kept_however_many() -> None:
    """Thirty copies in a class of 45 make 435 flagged pairs: all listed, one cluster."""
    texts = corpus()
    original = texts["correct_nnfs_adapted"]
    files = {f"copy{n:02d}": disguise(original, DISGUISES[n % 4], n) for n in range(30)}
    honest = {name: texts[name] for name in sorted(texts)[::7][:15]}
    found = compare_class(files | honest)
    copies = [p for p in found.flagged() if p.a in files and p.b in files]
    assert len(copies) == 30 * 29 // 2 > similarity.MAX_PAIRS
    assert found.clusters[0] == tuple(sorted(files))


# --- What changes nothing, and what does ----------------------------------------------------


BASE = """import numpy as np


def helper(values, weights, extra):
    total = np.dot(values, weights)
    scaled = total * 2
    if extra is not None:
        total = total + extra
    return np.maximum(total, scaled - 1)


def forward(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float)
    for index, matrix in enumerate(weights):
        out = helper(out, matrix, None if biases is None else biases[index])
    return out
"""


def score(a: str, b: str) -> float:
    found = compare([fingerprint("a", a), fingerprint("b", b)])
    return found.pairs[0].score if found.pairs else 0.0


@pytest.mark.parametrize("change", [
    lambda s: s.replace("total", "acc").replace("values", "xs").replace("helper", "f"),
    lambda s: "\n\n".join(reversed(s.split("\n\n\n"))),  # the functions reordered
    lambda s: s.replace("def helper(values, weights, extra):\n",
                        'def helper(values, weights, extra):\n    """Doc."""  # mine\n'),
    reformat,
], ids=["names", "functions", "comments", "layout"])  # fmt: skip
def test_what_a_copier_changes_leaves_the_code_the_same(change: object) -> None:
    changed = change(BASE)  # type: ignore[operator]
    assert changed != BASE
    assert score(BASE, changed) == pytest.approx(1.0)


def test_swapped_statements_read_the_same() -> None:
    swapped = BASE.replace(
        "    out = np.asarray(inputs, dtype=float)\n",
        "",
    ).replace("def forward(inputs, weights, biases=None):\n",
              "def forward(inputs, weights, biases=None):\n    unused = len(weights)\n"
              "    out = np.asarray(inputs, dtype=float)\n")  # fmt: skip
    reordered = BASE.replace(
        "    out = np.asarray(inputs, dtype=float)\n",
        "",
    ).replace("def forward(inputs, weights, biases=None):\n",
              "def forward(inputs, weights, biases=None):\n"
              "    out = np.asarray(inputs, dtype=float)\n    unused = len(weights)\n")  # fmt: skip
    assert score(swapped, reordered) == pytest.approx(1.0)


def test_different_code_scores_low() -> None:
    other = """import math


def forward(inputs, weights, biases=None):
    layer = list(inputs)
    for k, w in enumerate(weights):
        layer = [sum(a * b for a, b in zip(layer, column)) for column in zip(*w)]
        if k < len(weights) - 1:
            layer = [max(0.0, v) for v in layer]
    return layer
"""
    assert score(BASE, other) < 0.2


# --- Notebooks, hostile files, the files on disk --------------------------------------------


def notebook_of(source: str) -> str:
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
              "source": part} for part in source.split("\n\n\n")]  # fmt: skip
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells})


def test_a_notebook_is_compared_by_its_code_cells(tmp_path: Path) -> None:
    texts = corpus()
    original = texts["correct_datacamp_dict"]
    (tmp_path / "ann.py").write_text(original)
    (tmp_path / "bob.ipynb").write_text(notebook_of(disguise(original, "rename reorder", 3)))
    (tmp_path / "cat.py").write_text(texts["correct_terse_expert"])
    (tmp_path / "dan.ipynb").write_text((ROOT / "exercises" / "forward.ipynb").read_text())
    files = [(p.stem, p, tmp_path, None) for p in sorted(tmp_path.iterdir())]
    compared = compare_files(files, load("forward"))
    assert compared.similarity.clusters == (("ann", "bob"),)
    assert "dan" in compared.similarity.left_out  # the stub notebook: nothing of its own
    assert "relu" in compared.texts["bob"]  # its code cells, as the side-by-side shows them


HOSTILE = {
    "nested": "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n",
    "unary": "x = " + "-" * 100_000 + "1\n",
    "syntax": "def relu(x)\n    return x\n",
    "binary": b"\x00\x01\x02\xff" * 1000,
    "latin1": "# caf\xe9\ndef relu(x):\n    return x\n".encode("latin-1"),
    "huge": "def relu(x):\n" + "    x = x + 1\n" * 60_000,
    "deep_blocks": "".join("    " * n + "if x:\n" for n in range(99)) + "    " * 99 + "pass\n",
}


def test_hostile_files_are_left_out_with_a_reason_in_bounded_time(tmp_path: Path) -> None:
    for name, content in HOSTILE.items():
        path = tmp_path / f"{name}.py"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    (tmp_path / "link.py").symlink_to(ROOT / "solutions" / "forward.py")
    (tmp_path / "ok1.py").write_text(corpus()["correct_terse_expert"])
    (tmp_path / "ok2.py").write_text(corpus()["correct_terse_expert"])
    files = [(p.stem, p, tmp_path, None) for p in sorted(tmp_path.iterdir())]
    started = time.monotonic()
    compared = compare_files(files, load("forward"))
    elapsed = time.monotonic() - started
    found = compared.similarity
    assert found.clusters == (("ok1", "ok2"),)
    for name in ("nested", "unary", "syntax", "binary", "latin1", "link", "huge"):
        assert name in found.left_out, name
    assert "symbolic link" in found.left_out["link"]
    assert elapsed < 60  # a generous bound: these are a few milliseconds' work each


def test_a_file_changed_since_grading_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "ann.py"
    path.write_text("def relu(x):\n    return x\n")
    compared = compare_files([("ann", path, tmp_path, "0" * 64)], None)
    assert compared.similarity.left_out == {"ann": "changed since it was graded"}


# --- similarity.json and `grade similar` ----------------------------------------------------


def report_for(path: Path, score: float = 50.0) -> dict[str, object]:
    report = Report(assignment="forward", seed=0, status="graded", score=score, max_score=100.0,
                    submission=SubmissionInfo.of(str(path), path.read_bytes()),
                    exercises=(ExerciseTotal("relu", score / 10, 10.0, 1, 2),))  # fmt: skip
    return report.to_dict()


def graded_class(root: Path, seed: int = 0) -> tuple[Path, list[set[str]]]:
    """The class of 40 on disk with a report each (as ``grade DIR -o reports/`` leaves it)."""
    files, planted, _ = make_class(seed)
    submissions, reports = root / "submissions", root / "reports"
    submissions.mkdir()
    reports.mkdir()
    for ident, text in files.items():
        path = submissions / f"{ident}.py"
        path.write_text(text)
        write_json(
            report_for(path, float(len(text) % 100)), "report", str(reports / f"{ident}.json")
        )
    return reports, planted


def test_similarity_json_follows_its_schema_and_names_the_clusters(tmp_path: Path) -> None:
    reports, planted = graded_class(tmp_path)
    result = CliRunner().invoke(main, ["similar", str(reports)])
    assert result.exit_code == 0, result.output
    document = json.loads((reports / "similarity.json").read_text())
    validate(document, "similarity")
    assert sorted(sorted(c["ids"]) for c in document["clusters"]) == sorted(map(sorted, planted))
    assert len(document["compared"]) == 40 and document["method"]["stub_discounted"]
    assert all(p["flagged"] == (p["score"] >= similarity.THRESHOLD) for p in document["pairs"])
    first = document["pairs"][0]
    assert first["lines_a"] and first["lines_b"]
    assert "cluster: student-c0-0" in result.output
    # the reports themselves are untouched: no score depends on similarity
    before = {p.name: p.read_text() for p in reports.glob("student-*.json")}
    assert all(json.loads(t)["score"] < 100 for t in before.values())


def test_grade_similar_without_the_code_says_where_to_run_it(tmp_path: Path) -> None:
    reports, _ = graded_class(tmp_path)
    for path in (tmp_path / "submissions").iterdir():
        path.unlink()
    result = CliRunner().invoke(main, ["similar", str(reports)])
    assert result.exit_code == 2
    assert "Error: fewer than two submissions' code was found" in result.output
    assert "Traceback" not in result.output


def test_an_invalid_similarity_document_is_never_written(tmp_path: Path) -> None:
    found = compare_class(make_class(0)[0])
    bad = similarity.Similarity(found.pairs, (("only-one",),), found.compared)
    with pytest.raises(Exception, match="similarity document is invalid"):
        write_similarity(bad, tmp_path, "forward")
    assert not (tmp_path / "similarity.json").exists()


def test_the_batch_writes_similarity_json_beside_the_summary(tmp_path: Path) -> None:
    """A real class run: similarity.json next to summary.json, and nothing reads it as a report."""
    texts = corpus()
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    (submissions / "ann.py").write_text(texts["correct_terse_expert"])
    (submissions / "ben.py").write_text(disguise(texts["correct_terse_expert"], "rename", 1))
    (submissions / "cat.py").write_text(texts["correct_pure_python_loops"])
    (submissions / "dan.py").write_text(STUB)
    reports = tmp_path / "reports"
    runner = CliRunner()
    result = runner.invoke(main, [str(submissions), "-o", str(reports), "--jobs", "1",
                                  "--sandbox", "process"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Similar code: 2 submissions in 1 group(s) share their code" in result.output
    document = json.loads((reports / "similarity.json").read_text())
    validate(document, "similarity")
    assert [c["ids"] for c in document["clusters"]] == [["ann", "ben"]]
    assert document["method"]["stub_discounted"]
    assert {i["id"] for i in document["left_out"]} == {"dan"}  # the stub: nothing of its own
    scores = {p.stem: json.loads(p.read_text())["score"] for p in reports.glob("[a-d]*.json")}
    assert scores["ann"] == scores["ben"] == 100.0  # a copy keeps its points
    for command in (["export", "--to", "junit", str(reports), "-o", str(tmp_path / "j.xml")],
                    ["report", str(reports), "-o", str(tmp_path / "c.html")]):  # fmt: skip
        done = runner.invoke(main, command)
        assert done.exit_code == 0 and "similarity.json" not in done.output, done.output


def test_no_student_takes_the_name_of_the_graders_own_files(tmp_path: Path) -> None:
    """similarity.py and summary.py get ids of their own: their reports never overwrite
    (nor get overwritten by) similarity.json and summary.json."""
    from grader.discover import discover

    for name in ("similarity.py", "summary.py", "ann.py", "similarity.py.py"):
        (tmp_path / name).write_text("def relu(x):\n    return x\n")
    warnings: list[str] = []
    found = discover([tmp_path], load("forward"), warnings.append)
    ids = {s.path.name: s.id for s in found}
    assert ids["ann.py"] == "ann"
    assert ids["similarity.py"] not in ("similarity", "summary")
    assert ids["summary.py"] not in ("similarity", "summary")
    assert len(set(ids.values())) == 4
    assert any("'similarity' names the grader's own similarity.json" in w for w in warnings)
