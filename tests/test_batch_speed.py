"""What a batch worker keeps between submissions changes nothing that a report says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from grader import registry
from grader.diagnose import Given, simulate_all, simulated
from grader.grade import grade
from grader.session import Grader
from grader.spec import Case

from .submissions import REFERENCE, ROOT, STUB, as_submission, with_replaced


def _cases() -> list[Case]:
    return [
        Case("a", "f", (np.array([1.0, -0.0, np.nan]), [1, 2]), "visible"),
        Case("b", "f", ([0.5, -0.0],), "hidden"),
    ]


def _appends(x, *rest):  # type: ignore[no-untyped-def]
    for arg in (x, *rest):
        if isinstance(arg, list):
            arg.append(9)
    return np.asarray(len(rest[0]) if rest else len(x), dtype=float)


def _sign_flip(x, *rest):  # type: ignore[no-untyped-def]
    if isinstance(x, list):
        x[1] = 0.0  # -0.0 == 0.0: a change only a bit-for-bit comparison sees
    return np.asarray(0.0)


def _unlocks(x, *rest):  # type: ignore[no-untyped-def]
    if isinstance(x, np.ndarray):
        x.flags.writeable = True
        x[0] = 5.0
    return np.asarray(0.0)


def _reads(x, *rest):  # type: ignore[no-untyped-def]
    if isinstance(x, np.ndarray):
        return np.asarray([x[0], np.copysign(1, x[1]), float(len(rest[0]))])
    return np.asarray([x[0], np.copysign(1, x[1])])


def test_kept_arguments_are_what_fresh_copies_would_be() -> None:
    """Each implementation sees the case's arguments as they were, whatever ran before."""
    cases = _cases()
    given = [Given(c.args) for c in cases]
    for spoiler in (_appends, _sign_flip, _unlocks, _reads):
        kept = simulate_all(spoiler, cases, given)
        fresh = [simulated(spoiler, c.args) for c in cases]
        assert [(b.raised, b.mutated) for b in kept] == [(b.raised, b.mutated) for b in fresh]
        for a, b in zip(kept, fresh, strict=True):
            np.testing.assert_array_equal(a.values, b.values)
        after = simulate_all(_reads, cases, given)
        for a, c in zip(after, cases, strict=True):
            np.testing.assert_array_equal(a.values, simulated(_reads, c.args).values)
    # The case's own arguments are never the ones handed out.
    assert cases[0].args[1] == [1, 2] and cases[1].args[0] == [0.5, -0.0]
    assert cases[0].args[0].flags.writeable


def test_a_change_is_reported_as_before() -> None:
    cases = _cases()
    given = [Given(c.args) for c in cases]
    assert [b.mutated for b in simulate_all(_appends, cases, given)] == [True, True]
    assert [b.mutated for b in simulate_all(_reads, cases, given)] == [False, False]


def _without_times(report: dict[str, Any]) -> dict[str, Any]:
    report = {k: v for k, v in report.items() if k not in ("duration_s", "graded_at")}
    report["tests"] = [{k: v for k, v in t.items() if k != "duration_s"} for t in report["tests"]]
    return report


def test_a_worker_judges_each_submission_as_a_single_grade_would(tmp_path: Path) -> None:
    """A batch worker remembers what it judged (correct and buggy submissions that return
    the same values, a shared mistake): each report is still exactly its own single grade's,
    whatever came before it, the order of the exercises' failures included."""
    from assignments.forward.mistakes import EXAMPLES, MISTAKES

    examples = [(m.exercise, EXAMPLES[m.id]) for m in MISTAKES if m.id in EXAMPLES][:6]
    texts = [REFERENCE, STUB, "import no_such_module\n"]
    texts += [as_submission(exercise, function) for exercise, function in examples]
    texts += [with_replaced(relu="def relu(x):\n    raise ValueError('nope')\n")]
    order = list(range(len(texts))) + list(range(len(texts)))[::-1]  # each seen twice
    paths = []
    for n, k in enumerate(order):
        path = tmp_path / f"student{n:02d}.py"
        path.write_text(f"# {n}\n{texts[k]}")
        paths.append(path)
    worker = Grader(sandbox="auto")
    worker.keep_ready = True
    with worker:
        kept = [grade(p, assignment="forward", grader=worker).to_dict() for p in paths]
    assert worker.plan(registry.load("forward"), 0).memo, "the worker remembered nothing"
    for path, report in zip(paths, kept, strict=True):
        alone = grade(path, assignment="forward").to_dict()
        assert _without_times(report) == _without_times(alone), path.name
    assert any(t["hint"] for r in kept for t in r["tests"])  # buggy ones were diagnosed


@pytest.mark.parametrize("mix", ["ffffbbb", "fb", "bbbbbf", "ffbb", "xxf", "xx", "fxbxb"])
def test_a_class_gets_the_assignment_reading_every_file_would_give(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mix: str
) -> None:
    """The parent stops reading a class's files once the rest cannot change the choice."""
    texts = {"f": REFERENCE, "b": (ROOT / "solutions" / "backward.py").read_text(),
             "x": "def unrelated():\n    return 1\n"}  # fmt: skip
    files: list[tuple[Path, Path | None]] = []
    for n, kind in enumerate(mix):
        path = tmp_path / f"student{n}.py"
        path.write_text(texts[kind])
        files.append((path, None))
    quick = registry._choose(files, None)
    monkeypatch.setattr(registry, "_decided", lambda *args: False)
    every = registry._choose(files, None)
    assert (quick.ref, quick.reason) == (every.ref, every.reason)


def test_a_replayed_result_differs_from_the_judged_one_in_its_duration_alone() -> None:
    """judging._timed builds a TestResult field by field (a batch replays thousands): it must
    be replace(duration_s=...) for every field there is, including any added later."""
    import dataclasses

    from grader.judging import _timed
    from grader.spec import TestResult

    values: dict[str, Any] = {
        "name": "n", "exercise": "e", "status": "failed", "score": 0.5, "max_score": 2.0,
        "visibility": "hidden", "message": "m", "duration_s": 0.25, "hint": "h",
        "hint_ids": ("a", "b"),
    }  # fmt: skip
    assert [f.name for f in dataclasses.fields(TestResult)] == list(values)
    test = TestResult(**values)
    assert _timed(test, 1.5) == dataclasses.replace(test, duration_s=1.5)
