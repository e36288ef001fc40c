"""The expected-values cache: reused when valid, never trusted otherwise, private, atomic.

Each test has its own cache folder (GRADER_CACHE_DIR). An assignment is made in a
temporary folder and loaded by path, so that editing its sources is a real edit.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from grader import cache, registry
from grader.compare import close
from grader.plan import make_plan

ASSIGNMENT = textwrap.dedent("""
    import numpy as np
    from grader.spec import Assignment, Case, Exercise
    from {helper} import scale, CALLS

    def double(x):
        return scale * np.asarray(x, dtype=float)

    def make_cases(seed):
        CALLS.append(seed)
        rng = np.random.default_rng(seed)
        return [Case("example", "double", (np.array([1.0, 2.0]),), "visible"),
                Case("scalar", "double", (3,), "hidden"),
                Case("nested", "double", ([1.5, -0.0],), "hidden")] + [
                Case(f"random {{k}}", "double", (rng.normal(size=(2, 3)),)) for k in range(3)]

    ASSIGNMENT = Assignment(name="{name}", title="t", exercises=(Exercise("double", 10),),
                            reference={{"double": double}}, make_cases=make_cases)
""")


def make_assignment(folder: Path, name: str = "doubling", scale: float = 2.0) -> Path:
    helper = f"{name}_helper"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{helper}.py").write_text(f"scale = {scale}\nCALLS = []\n")
    path = folder / f"{name}.py"
    path.write_text(ASSIGNMENT.format(name=name, helper=helper))
    return path


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("GRADER_CACHE_DIR", str(folder))
    monkeypatch.delenv("GRADER_CACHE", raising=False)
    return folder


def load(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.syspath_prepend(str(path.parent))
    return registry.load(str(path))


def calls_of(spec: Any) -> list[int]:
    import sys

    module = sys.modules[spec.make_cases.__module__]
    return module.CALLS  # type: ignore[no-any-return]


def same_plan(a: Any, b: Any) -> bool:
    for (ea, ca, va), (eb, cb, vb) in zip(a.groups, b.groups, strict=True):
        if ea != eb or [c.name for c in ca] != [c.name for c in cb]:
            return False
        for x, y in zip(ca, cb, strict=True):
            if not close(x.args, y.args) or [type(i) for i in x.args] != [type(i) for i in y.args]:
                return False
        if not close(va, vb):
            return False
    return True


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json"))


def test_a_second_plan_comes_from_the_cache_and_equals_the_computed_one(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = load(make_assignment(tmp_path / "course"), monkeypatch)
    first = make_plan(spec, 7)
    second = make_plan(spec, 7)
    assert calls_of(spec) == [7]  # computed once
    assert same_plan(first, second)
    assert len(entries(store)) == 1
    assert (store.stat().st_mode & 0o777) == 0o700
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in store.iterdir())
    make_plan(spec, 8)  # another seed, another entry
    assert calls_of(spec) == [7, 8] and len(entries(store)) == 2
    visible = make_plan(spec, 7, visible_only=True)  # the same entry serves checks
    assert calls_of(spec) == [7, 8]
    assert [c.name for _, cases, _ in visible.groups for c in cases] == ["example"]


def test_an_edited_source_makes_the_entry_stale(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_assignment(tmp_path / "course", name="edited")
    spec = load(path, monkeypatch)
    make_plan(spec, 1)
    make_plan(spec, 1)
    assert calls_of(spec) == [1]
    helper = path.with_name("edited_helper.py")  # imported by the assignment, not named by it
    helper.write_text(helper.read_text().replace("scale = 2.0", "scale = 3.0"))
    make_plan(spec, 1)
    assert calls_of(spec) == [1, 1]


@pytest.mark.parametrize("change", ["value", "mac", "truncate", "garbage", "symlink"])
def test_a_tampered_entry_is_ignored_and_replaced(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    spec = load(make_assignment(tmp_path / "course", name=f"tampered_{change}"), monkeypatch)
    honest = make_plan(spec, 3)
    (entry,) = entries(store)
    text = entry.read_text()
    document = json.loads(text)
    if change == "value":  # a hidden answer changed by someone without the key
        document["body"]["expected"][1]["data"] = [0.0]
        entry.write_text(json.dumps(document))
    elif change == "mac":  # and a MAC made with another key
        document["body"]["expected"][1]["data"] = [0.0]
        document["mac"] = "0" * 64
        entry.write_text(json.dumps(document))
    elif change == "truncate":
        entry.write_text(text[: len(text) // 2])
    elif change == "garbage":
        entry.write_bytes(b"\xff\x00" * 100)
    else:
        target = tmp_path / "elsewhere.json"
        target.write_text(text)
        entry.unlink()
        entry.symlink_to(target)
    again = make_plan(spec, 3)
    assert calls_of(spec) == [3, 3]  # computed again, not read
    assert same_plan(honest, again)
    assert make_plan(spec, 3) and calls_of(spec) == [3, 3]  # and the entry was replaced


def test_a_folder_others_can_enter_is_not_used(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = load(make_assignment(tmp_path / "course", name="shared"), monkeypatch)
    store.mkdir(mode=0o755)
    store.chmod(0o755)
    make_plan(spec, 5)
    make_plan(spec, 5)
    assert calls_of(spec) == [5, 5]
    assert list(store.iterdir()) == []


def test_a_key_file_others_can_read_is_not_used(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = load(make_assignment(tmp_path / "course", name="leaky"), monkeypatch)
    make_plan(spec, 5)
    (store / "key").chmod(0o644)
    make_plan(spec, 5)
    assert calls_of(spec) == [5, 5]


def test_values_that_would_not_come_back_the_same_are_not_kept(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_assignment(tmp_path / "course", name="scalars")
    # A numpy scalar argument would come back as a Python float: no entry at all.
    text = path.read_text().replace('"double", (3,)', '"double", (np.float64(3),)')
    path.write_text(text)
    spec = load(path, monkeypatch)
    make_plan(spec, 2)
    make_plan(spec, 2)
    assert calls_of(spec) == [2, 2]
    assert entries(store) == []


def test_switched_off(tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRADER_CACHE", "0")
    spec = load(make_assignment(tmp_path / "course", name="off"), monkeypatch)
    make_plan(spec, 1)
    make_plan(spec, 1)
    assert calls_of(spec) == [1, 1] and not store.exists()


@pytest.mark.parametrize(
    "value",
    [
        {"t": "array", "dtype": "float64", "shape": [2], "data": [1.0]},
        {"t": "array", "dtype": "float32", "shape": [1], "data": [1.0]},
        {"t": "array", "dtype": "float64", "shape": [-1], "data": []},
        {"t": "array", "dtype": "int64", "shape": [1], "data": [1.5]},
        {"t": "float", "v": "1"},
        {"t": "int", "v": True},
        {"t": "pickle", "v": "gASVAAAAAAAAAAB9lC4="},
        {"t": "dict", "items": [[1, {"t": "none"}]]},
        {"t": "list", "items": {"t": "none"}},
        [],
    ],
)
def test_entries_are_parsed_strictly(value: Any) -> None:
    with pytest.raises(cache._Invalid):
        cache._decode(value)


def test_round_trip_keeps_types() -> None:
    values = [None, True, 3, -0.0, float("nan"), "text", (1, [2.0]), {"a": np.arange(3)},
              np.zeros((0, 2)), np.array([True, False]), np.array(2.5)]  # fmt: skip
    from grader.sandbox.protocol import encode_arg

    for value in values:
        assert cache._same(cache._decode(json.loads(json.dumps(encode_arg(value)))), value)
    assert not cache._same(0.0, -0.0) and not cache._same(np.float64(1), 1.0)


def _plan_in_child(args: tuple[str, str, str]) -> list[list[float]]:
    folder, path, syspath = args
    import sys

    os.environ["GRADER_CACHE_DIR"] = folder
    sys.path.insert(0, syspath)
    spec = registry.load(path)
    plan = make_plan(spec, 11)
    return [np.asarray(v).tolist() for _, _, values in plan.groups for v in values]


def test_concurrent_runs_write_whole_entries(tmp_path: Path, store: Path) -> None:
    path = make_assignment(tmp_path / "course", name="racing")
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        results = pool.map(_plan_in_child, [(str(store), str(path), str(path.parent))] * 8)
    assert all(r == results[0] for r in results)
    (entry,) = entries(store)
    assert json.loads(entry.read_text())["body"]["key"][-1] == 11
    assert not [p for p in store.iterdir() if p.name.startswith(".")]  # no temporary left


def test_not_used_where_the_graded_code_could_reach_it(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ordinary user's process sandbox runs as that user, who owns the folder: no cache.
    Bubblewrap (no home folder inside) or a root grader (sandboxes as uids of their own) may."""
    spec = load(make_assignment(tmp_path / "course", name="reachable"), monkeypatch)
    monkeypatch.setattr(cache, "_root_on_linux", lambda: False)  # as an ordinary user
    with cache.grading_in("process"):
        make_plan(spec, 4)
        make_plan(spec, 4)
    assert calls_of(spec) == [4, 4] and not store.exists()
    with cache.grading_in("bwrap"):
        make_plan(spec, 4)
        make_plan(spec, 4)
    assert calls_of(spec) == [4, 4, 4] and len(entries(store)) == 1


def test_a_grade_plans_for_the_sandbox_that_runs_it(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from grader.grade import grade

    path = make_assignment(tmp_path / "course", name="graded")
    spec = load(path, monkeypatch)
    submission = tmp_path / "work.py"
    submission.write_text("import numpy as np\n\ndef double(x):\n    return 2 * np.asarray(x)\n")
    monkeypatch.setattr(cache, "_root_on_linux", lambda: False)  # as an ordinary user
    for _ in range(2):
        report = grade(submission, assignment=spec, seed=9, sandbox="process")
        assert report.status == "graded" and report.score == 10
    assert calls_of(spec) == [9, 9] and not store.exists()


# ------------------------------------------------------------------ mistakes' simulations


def _simulations(plan: Any, count: int) -> dict[tuple[str, ...], Any]:
    """The behaviours of ``count`` single mistakes and as many pairs, on the plan's cases."""
    spec = plan.spec
    exercise = next(m.exercise for m in spec.mistakes)
    own = [m for m in spec.mistakes if m.exercise == exercise][:count]
    combos = [(m,) for m in own] + list(itertools.pairwise(own))
    return {(exercise, *(m.name for m in c)): plan.behaviours(exercise, c) for c in combos}


def _same_behaviours(a: list[Any], b: list[Any]) -> bool:
    return len(a) == len(b) and all(
        x.raised == y.raised and x.mutated == y.mutated and x.unread == y.unread
        and cache._same(x.values, y.values)
        for x, y in zip(a, b, strict=True)
    )  # fmt: skip


@pytest.fixture
def simulations_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many simulations ran (diagnose.simulate_all, looked up when one is needed)."""
    from grader import diagnose

    ran: list[int] = []
    real = diagnose.simulate_all

    def counted(*args: Any, **kwargs: Any) -> Any:
        ran.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(diagnose, "simulate_all", counted)
    return ran


def test_mistakes_simulations_come_back_from_the_cache_bit_for_bit(
    store: Path, simulations_counted: list[int]
) -> None:
    spec = registry.load("forward")
    with cache.grading_in("bwrap"):
        first = make_plan(spec, 5)
    made = _simulations(first, 8)
    assert len(simulations_counted) == len(made) > 8
    first.keep_simulations()
    with cache.grading_in("bwrap"):
        second = make_plan(spec, 5)
    kept = _simulations(second, 8)
    assert len(simulations_counted) == len(made)  # none ran again: all read
    assert all(_same_behaviours(made[k], kept[k]) for k in made)
    with cache.grading_in("bwrap"):
        other_seed = make_plan(spec, 6)
    _simulations(other_seed, 8)
    assert len(simulations_counted) == 2 * len(made)  # another seed's cases: simulated


@pytest.mark.parametrize("change", ["value", "index", "mac"])
def test_a_tampered_simulations_entry_is_ignored(
    store: Path, simulations_counted: list[int], change: str
) -> None:
    spec = registry.load("forward")
    with cache.grading_in("bwrap"):
        first = make_plan(spec, 5)
    made = _simulations(first, 4)
    first.keep_simulations()
    (entry,) = [p for p in entries(store) if "distinct" in json.loads(p.read_text())["body"]]
    document = json.loads(entry.read_text())
    body = document["body"]
    if change == "value":  # a mistake made to look like the reference, without the key
        body["distinct"][0]["raised"] = "ValueError: planted"
    elif change == "index":
        body["simulated"][0][1][0] = 10**6
    else:
        body["distinct"][0]["raised"] = "ValueError: planted"
        document["mac"] = "0" * 64
    entry.write_text(json.dumps(document))
    ran = len(simulations_counted)
    with cache.grading_in("bwrap"):
        again = make_plan(spec, 5)
    kept = _simulations(again, 4)
    assert len(simulations_counted) == 2 * ran  # simulated again, not read
    assert all(_same_behaviours(made[k], kept[k]) for k in made)


def test_simulations_are_not_kept_where_the_graded_code_could_reach_them(
    store: Path, monkeypatch: pytest.MonkeyPatch, simulations_counted: list[int]
) -> None:
    monkeypatch.setattr(cache, "_root_on_linux", lambda: False)  # as an ordinary user
    spec = registry.load("forward")
    with cache.grading_in("process"):
        plan = make_plan(spec, 5)
    _simulations(plan, 3)
    plan.keep_simulations()
    assert plan.simulations_key is None and not store.exists()
