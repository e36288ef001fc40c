"""What the sandbox needs stays reachable wherever it lives: a package under /tmp (a
checkout or a venv there) is not hidden by the runner's own fresh /tmp."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from grader.execute import Calls, run
from grader.sandbox import Limits, Sandbox

from .conftest import SANDBOXES


@pytest.mark.parametrize("kind", SANDBOXES)
def test_an_allowed_package_under_tmp_imports_in_the_runner(tmp_path: Path, kind: str) -> None:
    assert str(tmp_path).startswith("/tmp/"), "pytest's temporary folders live in /tmp here"
    package = tmp_path / "tinypkg_under_tmp"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "lazy.py").write_text("VALUE = 42\n")  # imported only when a call needs it
    sys.path.insert(0, str(tmp_path))
    try:
        box = Sandbox(kind, Limits(), packages=("tinypkg_under_tmp",))
        source = "def answer():\n    from tinypkg_under_tmp.lazy import VALUE\n    return VALUE\n"
        execution, box = run(source=source, filename="x.py", batches=[Calls("answer", [()])],
                             sandbox=box, limits=Limits())  # fmt: skip
        box.close()
    finally:
        sys.path.remove(str(tmp_path))
    outcome = execution.outcomes[(0, 0)]
    assert outcome.status == "returned", outcome.error
    assert outcome.value is not None and outcome.value.values is not None
    assert float(outcome.value.values) == 42
