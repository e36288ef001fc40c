"""Verify labels.json against the submissions in this folder.

    python tests/heldout/backward/check.py            # every file
    python tests/heldout/backward/check.py a.py b.py  # some files
    python tests/heldout/backward/check.py -v         # also show what each listed function got wrong

Plain Python + numpy. Every submission is imported and run in its own
subprocess (this same script with --worker), with a wall-clock timeout for the
whole file and an alarm for every single call, so a submission that hangs,
exits, prints or crashes cannot take the checker with it; only the worker's last
marked line of output is trusted, and a worker that produces none counts as
broken.

What is verified, per file:

* import: a file labelled "import_error" must fail to import with exactly that
  exception class; any other file must import.  For files that fail to import
  nothing else can be run, so their "bugs" only document where the error is.
* every function of the stub (softmax, relu_grad, softmax_cross_entropy_grad,
  dense_backward, backward, sgd_step) is called on the worked examples of the
  docstrings and on random float64 inputs (batch sizes 1 to 8, networks of 1 to 3
  layers, pre-activations that are exactly 0, large scores, int labels as numpy
  arrays and as lists, rows whose scores are far apart, duplicate rows), and its
  result is compared with solutions/backward.py on the same input.
  Comparison: containers (tuples/lists) must have the reference's length; arrays
  must have the reference's shape exactly and agree to rtol 1e-6 / atol 1e-9 with
  no nan; dtypes are not compared.  A function "disagrees" on an input if it
  raises, times out, returns something different, or modifies any of its
  arguments (arrays or the lists holding them; the spec forbids that).
* functions NOT listed in the file's "bugs" must agree on every input; every
  listed function must disagree on at least one.
* isolation: while function F is evaluated, the module's globals for the five
  other stub functions are replaced by the reference's, so a student backward()
  that calls the student's relu_grad() or dense_backward() is judged with the
  reference's versions of them.  Helper functions the student wrote under other
  names (relu_derivative, one_hot, a Layer class ...) are NOT replaced: a mistake
  inside such a helper is attributed to the stub function that uses it.
* inputs: the worked examples of relu_grad, softmax_cross_entropy_grad and
  dense_backward are passed as the Python lists written in their docstrings (so a
  function that only accepts numpy arrays disagrees there); backward and sgd_step
  ("lists of arrays") always get lists of float64 numpy arrays.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

import numpy as np

# Another round's folder (tests/heldout2/...) reuses this checker: its check.py sets
# HELDOUT_FOLDER, which the worker subprocesses inherit.
HERE = Path(os.environ.get("HELDOUT_FOLDER") or Path(__file__).resolve().parent)
ROOT = HERE.parents[2]
REFERENCE = ROOT / "solutions" / "backward.py"
LABELS = HERE / "labels.json"
FUNCS = ["softmax", "relu_grad", "softmax_cross_entropy_grad", "dense_backward", "backward", "sgd_step"]
MARK = "@@CHECK-RESULT-7f3a@@"
FILE_TIMEOUT = 120
CALL_TIMEOUT = 10
RTOL, ATOL = 1e-6, 1e-9


# ----------------------------------------------------------------------------- inputs

def _arr(x):
    return np.array(x, dtype=float)


def cases_softmax(rng):
    yield "1-D [1,2,3]", ([1.0, 2.0, 3.0],)
    yield "[1000, 1000]", (_arr([1000, 1000]),)
    yield "2-D rows far apart", (_arr([[1000, 0, -5], [0, 0, 0], [-1000, -999, -1001]]),)
    for m, n in [(1, 2), (4, 3), (7, 5)]:
        yield f"random ({m},{n})", (rng.normal(size=(m, n)) * 3,)


def cases_relu_grad(rng):
    yield "worked example [3, -3] (list)", ([3, -3],)
    yield "worked example [2, 0, -1] (list)", ([2, 0, -1],)
    yield "worked example [[26, -13]] (list)", ([[26, -13]],)
    for shape in [(5,), (4, 3), (2, 3, 4), (1, 1)]:
        z = rng.normal(size=shape)
        z.flat[:: 3] = 0.0
        yield f"random {shape} with exact zeros", (z,)
    yield "large values", (_arr([[1e6, -1e6, 0.0, 1e-300, -1e-300]]),)
    yield "all zeros", (np.zeros((3, 2)),)


def _labels(rng, m, n, low_classes=False):
    hi = max(1, n - 2) if low_classes else n
    return rng.integers(0, hi, size=m).astype(np.int64)


def cases_scg(rng):
    yield "worked example [[9, 9]], [0] (lists)", ([[9, 9]], [0])
    yield "worked example [[0, 0], [0, 0]], [0, 1] (lists)", ([[0, 0], [0, 0]], [0, 1])
    yield "worked example [[1000, 0]], [1] (lists)", ([[1000, 0]], [1])
    for m, n in [(1, 3), (2, 2), (5, 4), (8, 3), (3, 5)]:
        yield f"random scores ({m},{n}), int labels", (rng.normal(size=(m, n)) * 2, _labels(rng, m, n))
    yield "labels list, (3,3)", (rng.normal(size=(3, 3)), [2, 0, 1])
    yield "labels never reach the last class (6,4)", (rng.normal(size=(6, 4)), _labels(rng, 6, 4, True))
    yield "large scores (4,3)", (rng.normal(size=(4, 3)) * 800, _labels(rng, 4, 3))
    yield "rows far apart (3,3)", (_arr([[1000, 999, 998], [0, 1, 2], [-1000, -1002, -1001]]), np.array([0, 2, 1]))
    yield "int32 labels (4,2)", (rng.normal(size=(4, 2)), np.array([1, 0, 1, 1], dtype=np.int32))


def cases_dense(rng):
    yield "worked example, bank output layer (lists)", ([[5, 1]], [[2, 1], [-1, 4]], [[-0.5, 0.5]])
    for m, n_in, n_out in [(1, 3, 2), (3, 2, 4), (6, 4, 3), (4, 3, 3), (2, 1, 5)]:
        yield f"random m={m} {n_in}->{n_out}", (
            rng.normal(size=(m, n_in)), rng.normal(size=(n_in, n_out)), rng.normal(size=(m, n_out)))


def _net(rng, sizes, integer=False, scale=1.0, m=3, zero_bias=False):
    if integer:
        ws = [rng.integers(-3, 4, size=(a, b)).astype(float) for a, b in zip(sizes[:-1], sizes[1:])]
        bs = [rng.integers(-2, 3, size=b).astype(float) for b in sizes[1:]]
        x = rng.integers(-3, 4, size=(m, sizes[0])).astype(float)
    else:
        ws = [rng.normal(size=(a, b)) * scale for a, b in zip(sizes[:-1], sizes[1:])]
        bs = [rng.normal(size=b) * 0.5 for b in sizes[1:]]
        x = rng.normal(size=(m, sizes[0]))
    if zero_bias:
        bs = [np.zeros_like(b) for b in bs]
    y = _labels(rng, m, sizes[-1])
    return x, ws, bs, y


def _force_zero_preactivation(x, ws, bs):
    """Set a hidden bias so that row 0 of the first hidden layer's z is exactly 0 (integer nets)."""
    if len(ws) > 1:
        z = x @ ws[0]
        bs[0][0] = -z[0, 0]
    return x, ws, bs


def cases_backward(rng):
    yield "worked example, bank classifier", (
        _arr([[2, 3]]), [_arr([[1, -1], [1, 1]]), _arr([[2, 1], [-1, 4]])], [np.zeros(2), np.zeros(2)], np.array([0]))
    yield "worked example, deep-ReLU network (label 1)", (
        _arr([[3, 5]]), [_arr([[2, 4], [4, -5]]), _arr([[2, 1], [7, 9]])], [np.zeros(2), _arr([0, 26])], np.array([1]))
    yield "bank customer twice (m=2)", (
        _arr([[2, 3], [2, 3]]), [_arr([[1, -1], [1, 1]]), _arr([[2, 1], [-1, 4]])], [np.zeros(2), np.zeros(2)], np.array([0, 0]))
    for sizes, m in [([3, 4, 2], 1), ([3, 4, 2], 5), ([2, 3], 4), ([4, 2], 1), ([3, 5, 4, 3], 6), ([2, 3, 3, 2], 2), ([4, 3, 5], 7)]:
        yield f"random float net {sizes} m={m}", _net(rng, sizes, m=m)
    for sizes, m in [([3, 4, 3], 4), ([2, 3, 4, 2], 5), ([3, 2], 3), ([2, 4, 2], 1)]:
        x, ws, bs, y = _net(rng, sizes, integer=True, m=m)
        yield f"integer net {sizes} m={m} with exact-zero pre-activations", (*_force_zero_preactivation(x, ws, bs), y)
    yield "large scores net [3, 4, 3] m=4", _net(rng, [3, 4, 3], scale=40.0, m=4)
    yield "zero-bias net [3, 3, 2] m=3", _net(rng, [3, 3, 2], m=3, zero_bias=True)


def cases_sgd(rng):
    yield "worked example, bank, lr 0.1", (
        [_arr([[1, -1], [1, 1]]), _arr([[2, 1], [-1, 4]])], [np.zeros(2), np.zeros(2)],
        [_arr([[-1, 5], [-1.5, 7.5]]), _arr([[-2.5, 2.5], [-0.5, 0.5]])], [_arr([-0.5, 2.5]), _arr([-0.5, 0.5])], 0.1)
    for sizes, lr in [([3, 2], 0.5), ([3, 4, 2], 0.01), ([2, 3, 3, 4], 1.0), ([4, 4, 4], 0.3)]:
        ws = [rng.normal(size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        bs = [rng.normal(size=b) for b in sizes[1:]]
        gws = [rng.normal(size=w.shape) for w in ws]
        gbs = [rng.normal(size=b.shape) for b in bs]
        yield f"random {sizes}, lr {lr}", (ws, bs, gws, gbs, lr)


CASES = {
    "softmax": cases_softmax, "relu_grad": cases_relu_grad, "softmax_cross_entropy_grad": cases_scg,
    "dense_backward": cases_dense, "backward": cases_backward, "sgd_step": cases_sgd,
}


# ----------------------------------------------------------------------------- comparison

def _same(ref, got, where="result"):
    """None if got matches ref, else a short reason."""
    if isinstance(ref, (tuple, list)):
        if isinstance(got, np.ndarray) and got.dtype != object:
            got = list(got)
        if not isinstance(got, (tuple, list)):
            return f"{where}: expected a sequence of {len(ref)}, got {type(got).__name__}"
        if len(got) != len(ref):
            return f"{where}: expected {len(ref)} items, got {len(got)}"
        for i, (r, g) in enumerate(zip(ref, got)):
            why = _same(r, g, f"{where}[{i}]")
            if why:
                return why
        return None
    ref = np.asarray(ref, dtype=float)
    try:
        g = np.asarray(got, dtype=float)
    except Exception as exc:  # noqa: BLE001
        return f"{where}: not numeric ({type(exc).__name__})"
    if g.shape != ref.shape:
        return f"{where}: shape {g.shape}, expected {ref.shape}"
    if not np.all(np.isfinite(g)):
        return f"{where}: contains nan/inf"
    if not np.allclose(g, ref, rtol=RTOL, atol=ATOL):
        return f"{where}: {np.array2string(g.ravel()[:6], precision=4)} expected {np.array2string(ref.ravel()[:6], precision=4)}"
    return None


def _snapshot(args):
    """Deep copy of the arguments, plus the identity of every list and array in them."""
    return copy.deepcopy(args)


def _mutated(args, snap):
    if isinstance(snap, (list, tuple)):
        if not isinstance(args, (list, tuple)) or len(args) != len(snap):
            return True
        return any(_mutated(a, s) for a, s in zip(args, snap))
    if isinstance(snap, np.ndarray):
        return not (isinstance(args, np.ndarray) and args.shape == snap.shape
                    and np.array_equal(args, snap, equal_nan=True))
    return args != snap


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def _call(fn, args):
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CALL_TIMEOUT)
    try:
        return fn(*args)
    finally:
        signal.alarm(0)


def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def worker(path):
    """Run one submission; print one marked JSON line."""
    import warnings
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")
    ref = _load(REFERENCE, "reference_backward")
    report = {"import_error": None, "functions": {}}
    os.chdir(tempfile.mkdtemp(prefix="heldout-bwd-"))
    try:
        stu = _load(path, "student_backward")
    except BaseException as exc:  # noqa: BLE001  (SystemExit, KeyboardInterrupt raised by the file count too)
        report["import_error"] = type(exc).__name__
        report["detail"] = "".join(traceback.format_exception_only(type(exc), exc)).strip()[-300:]
        return report
    originals = {name: getattr(stu, name, None) for name in FUNCS}
    for name in FUNCS:
        for other in FUNCS:  # the reference's versions of every other stub function
            setattr(stu, other, getattr(ref, other) if other != name else originals[name])
        fn = originals[name]
        rng = np.random.default_rng(20261204)
        first_bad, n_cases = None, 0
        for label, args in CASES[name](rng):
            n_cases += 1
            expected = getattr(ref, name)(*copy.deepcopy(args))
            if fn is None:
                first_bad = (label, "function missing")
                break
            mine = copy.deepcopy(args)
            snap = _snapshot(mine)
            try:
                with np.errstate(all="ignore"):
                    got = _call(fn, mine)
            except _Timeout:
                first_bad = (label, "timed out")
                break
            except BaseException as exc:  # noqa: BLE001
                first_bad = (label, f"raised {type(exc).__name__}: {str(exc)[:120]}")
                break
            why = _same(expected, got)
            if why is None and _mutated(mine, snap):
                why = "modified its arguments"
            if why:
                first_bad = (label, why)
                break
        report["functions"][name] = {"ok": first_bad is None, "cases": n_cases,
                                     "first_disagreement": first_bad}
    return report


def run_worker(path):
    try:
        proc = subprocess.run([sys.executable, __file__, "--worker", str(path)], capture_output=True,
                              text=True, timeout=FILE_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return {"broken": "timed out"}
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(MARK):
            try:
                return json.loads(line[len(MARK):])
            except ValueError:
                break
    return {"broken": f"no result (exit {proc.returncode}): {proc.stderr[-300:]}"}


# ----------------------------------------------------------------------------- labels

def verify(name, label, report, verbose):
    problems = []
    bugs = label.get("bugs", [])
    listed = [b["function"] for b in bugs]
    main = label.get("main")
    if bugs and not (isinstance(main, int) and 0 <= main < len(bugs)):
        problems.append(f"main {main!r} is not an index into bugs")
    if not bugs and main is not None:
        problems.append("main must be null for a correct file")
    for key in ("source", "style"):
        if not label.get(key):
            problems.append(f"missing {key}")
    for b in bugs:
        if not (b.get("what") and b.get("how_it_shows")):
            problems.append(f"bug in {b.get('function')} lacks what/how_it_shows")
    if "broken" in report:
        return problems + [f"worker broken: {report['broken']}"]
    if label.get("import_error"):
        if report["import_error"] != label["import_error"]:
            problems.append(f"import_error: expected {label['import_error']}, got {report['import_error']}")
        return problems
    if report["import_error"]:
        return problems + [f"unexpected import error {report['import_error']}: {report.get('detail')}"]
    for b in listed:
        if b not in FUNCS:
            problems.append(f"listed function {b!r} is not a stub function")
    for fname, res in report["functions"].items():
        if fname in listed and res["ok"]:
            problems.append(f"{fname}: listed as wrong but agrees with the reference on all {res['cases']} inputs")
        if fname not in listed and not res["ok"]:
            problems.append(f"{fname}: not listed but disagrees: {res['first_disagreement']}")
        if verbose and fname in listed and not res["ok"]:
            print(f"    {name} {fname}: {res['first_disagreement']}")
    return problems


def main(argv):
    if argv[:1] == ["--worker"]:
        try:
            report = worker(argv[1])
        except BaseException as exc:  # noqa: BLE001
            report = {"broken": f"worker crashed: {type(exc).__name__}: {exc}"}
        sys.stdout.write("\n" + MARK + json.dumps(report) + "\n")
        sys.stdout.flush()
        os._exit(0)
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    labels = json.loads(LABELS.read_text())
    files = sorted(p.name for p in HERE.glob("*.py") if p.name != "check.py")
    failures = 0
    for f in sorted(set(files) - set(labels)):
        print(f"UNLABELLED {f}")
        failures += 1
    for f in sorted(set(labels) - set(files)):
        print(f"MISSING FILE {f}")
        failures += 1
    todo = [f for f in files if f in labels and (not argv or f in argv)]
    kinds = {"correct": 0, "one bug": 0, "two bugs": 0, "more bugs": 0, "import error": 0}
    for f in todo:
        label = labels[f]
        report = run_worker(HERE / f)
        problems = verify(f, label, report, verbose)
        n = len(label.get("bugs", []))
        kind = "import error" if label.get("import_error") else (
            "correct" if n == 0 else "one bug" if n == 1 else "two bugs" if n == 2 else "more bugs")
        kinds[kind] += 1
        if problems:
            failures += 1
            print(f"FAIL {f}")
            for p in problems:
                print(f"    {p}")
        else:
            print(f"ok   {f}  ({kind})")
    print(f"\n{len(todo)} files checked, {len(todo) - failures if failures <= len(todo) else 0} labels verified, "
          f"{failures} failing.  " + ", ".join(f"{k}: {v}" for k, v in kinds.items()))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
