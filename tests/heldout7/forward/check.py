#!/usr/bin/env python3
"""Check labels.json against the held-out forward-propagation submissions.

Usage:  python tests/heldout/forward/check.py [-v] [file.py ...]

Every submission is run in its own subprocess (with a timeout); nothing in
it is trusted.  For every label the checker verifies that

  * importing the file fails with exactly the labelled exception, or succeeds
    when no import_error is given;
  * every function NOT listed under "bugs" agrees with solutions/forward.py
    on every case below (same shape, allclose, arguments left unmodified);
  * every function listed under "bugs" disagrees (or raises, or modifies its
    arguments) on at least one case.  A function may be listed twice (two
    mistakes in one function); it then only has to disagree somewhere.

Cases: the course's worked examples (given as Python lists, as in the
docstrings) and seeded random float64 inputs: scalars, 1-D, 2-D and batches,
negative values, several sizes, 1 to 4 layers, with and without biases, and
large logits.

When a file cannot be imported, its functions are still checked on a copy of
the module that keeps only imports, assignments, function and class
definitions (each run on its own, failures skipped); notebook magics
(lines starting with % or !) are dropped.  If the file does not parse at all,
the SyntaxError's line must fall inside a listed function (or outside every
function when none is listed).
"""

from __future__ import annotations

import ast
import copy
import importlib.util
import json
import math
import os
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np

# Another round's folder (tests/heldout2/...) reuses this checker: its check.py sets
# HELDOUT_FOLDER, which the worker subprocesses inherit.
HERE = Path(os.environ.get("HELDOUT_FOLDER") or Path(__file__).resolve().parent)
REPO = HERE.parents[2]
REFERENCE = REPO / "solutions" / "forward.py"
FUNCS = ["relu", "node_value", "hidden_layer", "forward", "softmax", "cross_entropy_loss"]
TIMEOUT = 90
RTOL, ATOL = 1e-7, 1e-9


# --------------------------------------------------------------------- cases
def _rng_cases():
    rng = np.random.default_rng(20261204)
    cases = {f: [] for f in FUNCS}

    def add(fn, desc, *args, **kwargs):
        cases[fn].append((desc, args, kwargs))

    # relu
    for v in (3, -3, 0, 2.5, -0.5, 7):
        add("relu", f"relu({v!r})", v)
    add("relu", "relu(np.float64(-1.5))", np.float64(-1.5))
    add("relu", "relu(np.float64(4.25))", np.float64(4.25))
    add("relu", "relu of a list [3, -3, 0.5, -0.5]", [3, -3, 0.5, -0.5])
    add("relu", "relu of a nested list [[1, -2], [-3, 4]]", [[1, -2], [-3, 4]])
    add("relu", "relu of an int array [-2, 0, 5]", np.array([-2, 0, 5]))
    for shape in [(1,), (4,), (7,), (3, 4), (5, 2), (1, 6), (2, 3, 2)]:
        add("relu", f"relu of random float array {shape}", rng.normal(size=shape) * 3)

    # node_value
    add("node_value", "worked: node_value([2, 3], [1, 1]) == 5", [2, 3], [1, 1])
    add("node_value", "worked: node_value([2, 3], [-1, 1]) == 1", [2, 3], [-1, 1])
    for n in (1, 2, 3, 5, 8):
        x, w = rng.normal(size=n) * 2, rng.normal(size=n)
        add("node_value", f"random n={n}, default bias", x, w)
        add("node_value", f"random n={n}, bias", x, w, float(rng.normal() * 2))
        add("node_value", f"random n={n}, bias keyword", x, w, bias=float(rng.normal() - 1))

    # hidden_layer
    add("hidden_layer", "worked: hidden_layer([3, 5], [[2, 4], [4, -5]]) == [26, 0]", [3, 5], [[2, 4], [4, -5]])
    add("hidden_layer", "bank hidden layer [2, 3] -> [5, 1]", [2, 3], [[1, -1], [1, 1]])
    add("hidden_layer", "list inputs with list biases", [1.0, -2.0, 0.5], [[1, 0], [0, 1], [2, -1]], [0.5, -0.25])
    for n_in, n_out in [(2, 3), (3, 2), (4, 4), (5, 1), (1, 3), (3, 3)]:
        W = rng.normal(size=(n_in, n_out))
        b = rng.normal(size=n_out)
        x1 = rng.normal(size=n_in) * 2
        add("hidden_layer", f"1-D input, W {n_in}x{n_out}, no biases", x1, W)
        add("hidden_layer", f"1-D input, W {n_in}x{n_out}, biases", x1, W, b)
        for m in (1, 4, 6):
            X = rng.normal(size=(m, n_in)) * 2
            add("hidden_layer", f"batch m={m}, W {n_in}x{n_out}, biases", X, W, b)
            add("hidden_layer", f"batch m={m}, W {n_in}x{n_out}, biases=None", X, W, None)

    # forward
    add("forward", "worked bank example == [9]", [2, 3], [[[1, -1], [1, 1]], [[2], [-1]]])
    add("forward", "worked deep-ReLU example == [182]", [3, 5],
        [[[2, 4], [4, -5]], [[-1, 1], [2, 2]], [[2], [7]]])
    add("forward", "bank example as a batch of 2 rows", [[2, 3], [0, 1]], [[[1, -1], [1, 1]], [[2], [-1]]])
    for sizes in ([3, 1], [2, 3, 1], [3, 4, 2], [4, 5, 3, 2], [2, 3, 3, 3, 1], [5, 2, 4, 3], [3, 3, 3]):
        Ws = [rng.normal(size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        bs = [rng.normal(size=b) for b in sizes[1:]]
        L = len(Ws)
        x1 = rng.normal(size=sizes[0]) * 2
        X = rng.normal(size=(5, sizes[0])) * 2
        X1 = rng.normal(size=(1, sizes[0])) * 2
        add("forward", f"{L} layers {sizes}, 1-D input, no biases", x1, Ws)
        add("forward", f"{L} layers {sizes}, 1-D input, biases", x1, Ws, bs)
        add("forward", f"{L} layers {sizes}, batch of 5, biases", X, Ws, bs)
        add("forward", f"{L} layers {sizes}, batch of 5, no biases", X, Ws)
        add("forward", f"{L} layers {sizes}, batch of 1, biases", X1, Ws, bs)

    # softmax
    add("softmax", "worked: softmax([1000, 1000]) == [0.5, 0.5]", [1000, 1000])
    add("softmax", "worked: softmax([0, 0]) == [0.5, 0.5]", [0, 0])
    add("softmax", "list of lists [[1, 2, 3], [3, 2, 1]]", [[1, 2, 3], [3, 2, 1]])
    for shape in [(2,), (3,), (5,), (4, 3), (3, 3), (2, 5), (1, 4), (6, 2)]:
        add("softmax", f"random logits {shape}", rng.normal(size=shape) * 2)
    add("softmax", "large 1-D logits [1000, 999, 998]", np.array([1000.0, 999.0, 998.0]))
    add("softmax", "very negative 1-D logits", np.array([-1000.0, -1001.0, -999.5]))
    add("softmax", "rows on different scales [[1000, 999], [-1000, -1001]]",
        np.array([[1000.0, 999.0], [-1000.0, -1001.0]]))
    add("softmax", "large random batch (4, 3) * 500", rng.normal(size=(4, 3)) * 500)

    # cross_entropy_loss
    add("cross_entropy_loss", "worked: ([[1000, 0]], [1]) == 1000", [[1000, 0]], [1])
    add("cross_entropy_loss", "worked: ([[0, 0]], [0]) == log 2", [[0, 0]], [0])
    for m, n in [(1, 3), (4, 3), (3, 3), (5, 2), (6, 4), (2, 7)]:
        S = rng.normal(size=(m, n)) * 2
        y = rng.integers(0, n, size=m)
        add("cross_entropy_loss", f"random scores ({m}, {n})", S, y)
    S = rng.normal(size=(4, 3))
    add("cross_entropy_loss", "labels as a Python list", S, [0, 2, 1, 2])
    add("cross_entropy_loss", "large logits batch", np.array([[1000.0, -1000.0, 0.0], [5.0, 5000.0, -3.0]]), np.array([0, 1]))
    add("cross_entropy_loss", "large random logits (5, 4) * 300", rng.normal(size=(5, 4)) * 300, rng.integers(0, 4, size=5))
    return cases


def _snapshot(obj):
    try:
        return copy.deepcopy(obj)
    except Exception:  # pragma: no cover
        return obj


def _same_arg(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)):
            return False
        return a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b, equal_nan=True)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same_arg(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and (a == b or (a != a and b != b))


def _close(student, ref):
    try:
        s = np.asarray(student, dtype=float)
    except Exception as exc:
        return f"returned {type(student).__name__} that is not numeric ({type(exc).__name__})"
    r = np.asarray(ref, dtype=float)
    if s.shape != r.shape:
        return f"shape {s.shape} instead of {r.shape}"
    if not np.allclose(s, r, rtol=RTOL, atol=ATOL):
        return f"value {np.array2string(s, precision=6, threshold=8)} instead of {np.array2string(r, precision=6, threshold=8)}"
    return None


def _compare(student_fn, ref_fn, cases):
    diffs = []
    for desc, args, kwargs in cases:
        ref = ref_fn(*_snapshot(args), **_snapshot(kwargs))
        a, k = _snapshot(args), _snapshot(kwargs)
        a0, k0 = _snapshot(a), _snapshot(k)
        try:
            out = student_fn(*a, **k)
        except (Exception, SystemExit) as exc:
            diffs.append(f"{desc}: raises {type(exc).__name__}: {str(exc)[:80]}")
            continue
        problem = _close(out, ref)
        if problem is None and not (_same_arg(list(a), list(a0)) and _same_arg(list(k.values()), list(k0.values()))):
            problem = "modifies its arguments"
        if problem:
            diffs.append(f"{desc}: {problem}")
    return diffs


def _partial_module(source, filename):
    """Imports, assignments, defs and classes of source, each run alone."""
    tree = ast.parse(source, filename)
    ns = {"__name__": "student_partial", "__file__": filename, "__builtins__": __builtins__}
    keep = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign)
    for node in tree.body:
        if isinstance(node, keep):
            code = compile(ast.Module([node], type_ignores=[]), filename, "exec")
            try:
                exec(code, ns)
            except Exception:
                pass
    return ns


def _strip_magics(source):
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def check_one(path, out_path):
    """Run in a subprocess: compare one submission with the reference."""
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")
    sys.setrecursionlimit(3000)
    result = {"import_error": None, "import_detail": None, "syntax_lineno": None, "funcs": None, "partial": False}
    ref = importlib.util.module_from_spec(importlib.util.spec_from_file_location("reference_forward", REFERENCE))
    ref.__spec__.loader.exec_module(ref)
    funcs = None
    spec = importlib.util.spec_from_file_location("student_forward", path)
    mod = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(mod)
        funcs = {f: getattr(mod, f, None) for f in FUNCS}
    except (Exception, SystemExit) as exc:
        result["import_error"] = type(exc).__name__
        result["import_detail"] = str(exc)[:200]
        source = Path(path).read_text()
        try:
            ns = _partial_module(source, str(path))
        except SyntaxError as exc2:
            result["syntax_lineno"] = exc2.lineno
            try:
                ns = _partial_module(_strip_magics(source), str(path))
            except SyntaxError:
                ns = None
        if ns is not None:
            result["partial"] = True
            funcs = {f: ns.get(f) for f in FUNCS}
    if funcs is not None:
        cases = _rng_cases()
        result["funcs"] = {}
        for f in FUNCS:
            if not callable(funcs[f]):
                result["funcs"][f] = {"agree": False, "diffs": ["not defined"], "n_cases": 0}
                continue
            diffs = _compare(funcs[f], getattr(ref, f), cases[f])
            result["funcs"][f] = {"agree": not diffs, "diffs": diffs[:6], "n_diffs": len(diffs),
                                  "n_cases": len(cases[f])}
    Path(out_path).write_text(json.dumps(result))


def _def_ranges(source):
    try:
        tree = ast.parse(_strip_magics(source))
    except SyntaxError:
        tree = None
    ranges = {}
    lines = source.splitlines()
    # textual fallback: a def runs until the next top-level statement
    starts = [(i + 1, line.split("(")[0][4:].strip()) for i, line in enumerate(lines) if line.startswith("def ")]
    tops = [i + 1 for i, line in enumerate(lines) if line and not line[0].isspace() and not line.startswith(("#", ")"))]
    for lineno, name in starts:
        end = min([t - 1 for t in tops if t > lineno], default=len(lines))
        ranges[name] = (lineno, end)
    if tree is not None:
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                ranges[node.name] = (node.lineno, node.end_lineno)
    return ranges


def run_child(path):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        try:
            proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one", str(path), str(out)],
                                  cwd=tmp, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, timeout=TIMEOUT, env={**os.environ, "PYTHONHASHSEED": "0"})
        except subprocess.TimeoutExpired:
            return None, "timed out"
        if not out.exists():
            return None, f"checker child failed: {proc.stderr.decode(errors='replace')[-300:]}"
        return json.loads(out.read_text()), None


def verify(name, label, res):
    problems = []
    bugs = label.get("bugs")
    if not isinstance(bugs, list):
        return ["bugs is not a list"]
    listed = [b.get("function") for b in bugs]
    for b in bugs:
        if b.get("function") not in FUNCS:
            problems.append(f"unknown function {b.get('function')!r}")
        for key in ("what", "how_it_shows"):
            if not b.get(key):
                problems.append(f"bug entry without {key}")
    main = label.get("main")
    if bugs and not (isinstance(main, int) and 0 <= main < len(bugs)):
        problems.append(f"main {main!r} is not an index into bugs")
    if not bugs and main is not None:
        problems.append("main must be null when bugs is empty")
    for key in ("source", "style"):
        if not label.get(key):
            problems.append(f"missing {key}")
    want_err = label.get("import_error")
    if want_err != res["import_error"]:
        problems.append(f"import_error labelled {want_err!r}, observed {res['import_error']!r} ({res['import_detail']})")
    if res["funcs"] is not None:
        for f in FUNCS:
            r = res["funcs"][f]
            if f in listed and r["agree"]:
                problems.append(f"{f} is listed as buggy but agrees with the reference on all {r['n_cases']} cases")
            if f not in listed and not r["agree"]:
                problems.append(f"{f} is not listed but disagrees: {r['diffs'][0]}")
    else:
        lineno = res["syntax_lineno"]
        source = (HERE / name).read_text()
        ranges = _def_ranges(source)
        inside = [f for f, (a, b) in ranges.items() if a <= (lineno or -1) <= b]
        if listed and not any(f in listed for f in inside):
            problems.append(f"SyntaxError at line {lineno} is not inside a listed function ({inside})")
        if not listed and inside:
            problems.append(f"SyntaxError at line {lineno} lies inside {inside} but no bug is listed")
    return problems


def sanity_reference():
    spec = importlib.util.spec_from_file_location("reference_forward", REFERENCE)
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    assert ref.relu(3) == 3 and ref.relu(-3) == 0
    assert ref.node_value([2, 3], [1, 1]) == 5 and ref.node_value([2, 3], [-1, 1]) == 1
    assert np.allclose(ref.hidden_layer([3, 5], [[2, 4], [4, -5]]), [26, 0])
    assert np.allclose(ref.forward([2, 3], [[[1, -1], [1, 1]], [[2], [-1]]]), [9])
    assert np.allclose(ref.forward([3, 5], [[[2, 4], [4, -5]], [[-1, 1], [2, 2]], [[2], [7]]]), [182])
    assert np.allclose(ref.softmax([1000, 1000]), [0.5, 0.5]) and np.allclose(ref.softmax([0, 0]), [0.5, 0.5])
    assert ref.cross_entropy_loss([[1000, 0]], [1]) == 1000.0
    assert math.isclose(ref.cross_entropy_loss([[0, 0]], [0]), math.log(2))


def main(argv):
    if argv[:1] == ["--one"]:
        check_one(argv[1], argv[2])
        return 0
    verbose = "-v" in argv
    only = [a for a in argv if a.endswith(".py")]
    sanity_reference()
    labels = json.loads((HERE / "labels.json").read_text())
    files = sorted(p.name for p in HERE.glob("*.py") if p.name != "check.py")
    failures = 0
    for missing in sorted(set(files) - set(labels)):
        print(f"FAIL {missing}: no label")
        failures += 1
    for extra in sorted(set(labels) - set(files)):
        print(f"FAIL {extra}: labelled but no such file")
        failures += 1
    kinds = {"correct": 0, "one bug": 0, "two bugs": 0, "three or more bugs": 0, "import failure": 0}
    import_errors = 0
    checked = 0
    for name in sorted(set(files) & set(labels)):
        if only and name not in only:
            continue
        label = labels[name]
        nb = len(label.get("bugs", []))
        if label.get("import_error"):
            import_errors += 1
            kinds["import failure"] += 1
        else:
            kinds[["correct", "one bug", "two bugs"][nb] if nb < 3 else "three or more bugs"] += 1
        res, err = run_child(HERE / name)
        checked += 1
        problems = [err] if err else verify(name, label, res)
        if problems:
            failures += 1
            print(f"FAIL {name}")
            for p in problems:
                print(f"     - {p}")
        elif verbose:
            how = "partial module" if res["partial"] else ("syntax only" if res["funcs"] is None else "imported")
            wrong = [f for f in FUNCS if res["funcs"] and not res["funcs"][f]["agree"]]
            print(f"ok   {name} ({how}; disagrees in: {', '.join(wrong) or 'none'})")
    print(f"\n{checked} files checked, {failures} failing")
    print("labels: " + ", ".join(f"{v} {k}" for k, v in kinds.items()))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
