"""Notebooks: graded like .py files, located by cell and line, and checked from a kernel."""

from __future__ import annotations

import ast
import csv
import importlib.util
import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from assignments.forward import ASSIGNMENT
from grader import authoring, ipynb
from grader.ipynb import cell_as_python, prepare
from grader.notebook import check
from grader.notebook_builder import notebook_text

from .conftest import REFERENCE, ROOT, STUB

SKIP = {"tags": ["skip-grading"]}


def reference_functions() -> dict[str, str]:
    tree = ast.parse(REFERENCE)
    return {n.name: ast.get_source_segment(REFERENCE, n) or "" for n in tree.body
            if isinstance(n, ast.FunctionDef)}  # fmt: skip


def write(tmp_path: Path, cells: list, name: str = "work.ipynb") -> Path:
    path = tmp_path / name
    path.write_text(nbformat.writes(new_notebook(cells=cells)))
    return path


def filled_notebook() -> str:
    """The exercise notebook with the reference's code in place of every stub."""
    names = [e.name for e in ASSIGNMENT.exercises]
    return notebook_text(authoring.notebook(REFERENCE, "forward", names, solution=True))


def test_the_exercise_notebook_is_generated_from_the_solution() -> None:
    committed = (ROOT / "exercises" / "forward.ipynb").read_text()
    generated = authoring.generate(ASSIGNMENT, ROOT / "solutions" / "forward.py")
    assert committed == generated[(ROOT / "exercises" / "forward.ipynb").resolve()], (
        "run: python -m grader.authoring build forward"
    )
    notebook = nbformat.reads(committed, as_version=4)
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    stubs = ast.parse(STUB)
    for node in stubs.body:
        if isinstance(node, ast.FunctionDef):
            assert ast.get_source_segment(STUB, node) in code
            assert f'check("{node.name}", assignment="forward")' in code


def test_distributed_notebook_scores_zero_and_filled_scores_full(grade, tmp_path: Path) -> None:
    empty = grade((ROOT / "exercises" / "forward.ipynb").read_bytes(), name="forward.ipynb")
    assert empty["status"] == "graded" and empty["score"] == 0
    assert {t["status"] for t in empty["tests"]} == {"not_implemented"}
    filled = grade(filled_notebook(), name="forward.ipynb")
    assert filled["score"] == 100


def test_same_score_as_the_equivalent_py_file(grade) -> None:
    source = STUB.replace("def relu(x):", "def relu(x):\n    return abs(x)\n\ndef _old(x):")
    as_py = grade(source)
    notebook = nbformat.writes(new_notebook(cells=[new_code_cell(source)]))
    as_ipynb = grade(notebook, name="forward.ipynb")
    assert as_py["score"] == as_ipynb["score"]
    assert [t["status"] for t in as_py["tests"]] == [t["status"] for t in as_ipynb["tests"]]


def every_kind_of_cell(broken: bool) -> list:
    relu = reference_functions()["relu"]
    return [
        new_markdown_cell("# My work\nSome *notes*."),
        new_code_cell("%matplotlib inline\nimport numpy as np\n!pip install nothing\nfiles = !ls"),
        new_code_cell("def relu(x)\n    return x" if broken else "np.sum?\n?np.mean\nx = 1"),
        new_code_cell("%%time\nfor i in range(10**9):\n    pass"),
        new_code_cell("while True:\n    pass  # a slow experiment", metadata=SKIP),
        new_code_cell(
            relu, outputs=[new_output("stream", name="stdout", text="hello\n")], execution_count=3
        ),
        new_code_cell("def softmax(z):\n    z = np.asarray(z)\n    return z / undefined_name"),
    ]


def test_magics_shell_help_skipped_cells_and_outputs(grade, tmp_path: Path) -> None:
    report = grade(nbformat.writes(new_notebook(cells=every_kind_of_cell(broken=False))),
                   name="work.ipynb")  # fmt: skip
    assert report["status"] == "graded"
    assert next(e for e in report["exercises"] if e["name"] == "relu")["score"] == 10
    softmax = next(t for t in report["tests"] if t["exercise"] == "softmax")
    assert "NameError" in softmax["message"]
    assert 'File "work.ipynb", cell 7, line 3, in softmax' in softmax["message"]


def test_a_syntax_error_is_located_by_cell_and_line(grade) -> None:
    report = grade(nbformat.writes(new_notebook(cells=every_kind_of_cell(broken=True))),
                   name="work.ipynb")  # fmt: skip
    assert report["status"] == "error"
    assert (
        "SyntaxError" in report["message"] and "cell 3, line 1 of work.ipynb" in report["message"]
    )


@pytest.mark.parametrize("content, words", [
    (b"this is not json", "not a readable Jupyter notebook"),
    (json.dumps({"nbformat": 5, "nbformat_minor": 0, "cells": [], "metadata": {}}).encode(),
     "Unsupported nbformat version 5"),
    (nbformat.writes(new_notebook(cells=[new_markdown_cell("only words")])).encode(),
     "no code cells"),
])  # fmt: skip
def test_broken_notebooks_get_an_error_report(grade, content: bytes, words: str) -> None:
    report = grade(content, name="broken.ipynb")
    assert report["status"] == "error" and words in report["message"], report["message"]


def load(tmp_path: Path, source: str) -> dict:
    """A namespace like a kernel's: functions whose source inspect can find."""
    path = tmp_path / "kernel_cells.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("kernel_cells", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


def test_check_grades_kernel_functions_on_visible_cases_only(tmp_path: Path) -> None:
    namespace = load(tmp_path, "import numpy as np\n\n" + reference_functions()["relu"]
                     + "\n\ndef node_value(inputs, weights, bias=0.0):\n"
                     "    return np.asarray(inputs) * np.asarray(weights)\n")  # fmt: skip
    good = check("relu", namespace=namespace, sandbox="process")
    assert good.passed and str(good).startswith("PASS  relu: 3/3 checks")
    assert all(t.visibility == "visible" for t in good.report.tests)
    bad = check("node_value", namespace=namespace, sandbox="process")
    assert not bad.passed and "FAIL  node_value" in str(bad)
    assert "<pre" in bad._repr_html_()
    everything = check(namespace=namespace, sandbox="process")
    assert "FAIL  forward: 0/3 checks" in str(everything)


def test_check_uses_helpers_and_modules_the_functions_need(tmp_path: Path) -> None:
    namespace = load(tmp_path, "import numpy\nimport math as m\n\n"
                     "def _positive(v):\n    return numpy.maximum(0, v) + m.floor(0.5)\n\n"
                     "def relu(x):\n    return _positive(x)\n")  # fmt: skip
    assert check("relu", namespace=namespace, sandbox="process").passed


def test_check_in_a_real_kernel(tmp_path: Path) -> None:
    nbclient = pytest.importorskip("nbclient", reason="a real kernel needs nbclient")
    pytest.importorskip("ipykernel", reason="a real kernel needs ipykernel")
    functions = reference_functions()
    notebook = new_notebook(cells=[
        new_code_cell("import numpy as np\nfrom grader.notebook import check"),
        new_code_cell(functions["relu"]),
        new_code_cell('check("relu", sandbox="process")'),
        new_code_cell("def softmax(z):\n    return np.exp(z) / np.exp(z).sum()"),
        new_code_cell('check("softmax", sandbox="process")'),
    ])  # fmt: skip
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    relu_out = notebook.cells[2].outputs[0]["data"]
    assert "PASS  relu: 3/3 checks" in relu_out["text/plain"] and "<pre" in relu_out["text/html"]
    softmax_out = notebook.cells[4].outputs[0]["data"]["text/plain"]
    assert "FAIL  softmax" in softmax_out and "hint: np.exp overflows" in softmax_out


RELU = "def relu(x):\n    return np.maximum(0, x)\n"


def notebook_json(cells: object = None, **top: object) -> bytes:
    """A version 4 notebook's JSON with the given cells, and top-level fields replaced."""
    document = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells, **top}
    return json.dumps(document).encode()


def code_cell(**fields: object) -> dict:
    return {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
            "source": "import numpy as np\n" + RELU, **fields}  # fmt: skip


NESTED = b"[" * 100_000 + b"]" * 100_000
MALFORMED = {
    "a list": (b"[1, 2, 3]", "its JSON is a list, not an object"),
    "a string": (b'"forward"', "its JSON is a str, not an object"),
    "deeply nested": (NESTED, "nested too deeply"),
    "deep inside": (b'{"nbformat": 4, "cells": [], "x": ' + NESTED + b"}", "nested too deeply"),
    "cells not a list": (notebook_json(cells={"0": code_cell()}), '"cells" is missing or not'),
    "no cells": (json.dumps({"nbformat": 4}).encode(), '"cells" is missing or not a list'),
    "cell not an object": (notebook_json(cells=[code_cell(), "print(1)"]), "cell 2 is not"),
    "source a number": (notebook_json(cells=[code_cell(source=5)]), '"source" is not text'),
    "source a list of numbers": (notebook_json(cells=[code_cell(source=[1])]), "not text"),
    "no source": (notebook_json(cells=[{"cell_type": "code"}]), 'cell without "source"'),
    "metadata a list": (notebook_json(cells=[code_cell(metadata=[])]), '"metadata" is not'),
    "tags a string": (notebook_json(cells=[code_cell(metadata={"tags": 7})]), '"tags" are not'),
    "version a string": (notebook_json(cells=[code_cell()], nbformat="4"), "version '4'"),
    "version true": (notebook_json(cells=[code_cell()], nbformat=True), "version True"),
    "version 3, broken": (json.dumps({"nbformat": 3, "worksheets": 5}).encode(), "readable"),
    "lone surrogate": (notebook_json(cells=[code_cell(source="x = '\ud800'")]), "UTF-8"),
    "NUL in a cell": (notebook_json(cells=[code_cell(source="x = 1\0")]), "NUL bytes"),
    "not UTF-8": (b'{"nbformat": 4, "cells": ["\xff"]}', "not a readable Jupyter notebook"),
    "huge code": (
        notebook_json(cells=[code_cell(source="x = 1\n" * 300_000)]),
        "code cells: the file is larger than 1024 KiB",
    ),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_notebooks_get_an_error_report(grade, name: str) -> None:
    content, words = MALFORMED[name]
    report = grade(content, name="work.ipynb")
    assert report["status"] == "error" and report["score"] == 0 and report["tests"] == []
    message = report["message"]
    assert message.startswith("cannot grade: ") and words in message, message
    if "larger than" not in message and "UTF-8" not in message and "NUL" not in message:
        assert "save it again from Jupyter" in message, message  # what to do next


def test_well_formed_variants_are_graded(grade) -> None:
    lines = ["import numpy as np\n", *RELU.splitlines(keepends=True)]  # as stored on disk
    report = grade(notebook_json(cells=[code_cell(source=lines)]), name="work.ipynb")
    assert report["status"] == "graded" and report["exercises"][0]["score"] == 10
    image = {"output_type": "display_data", "metadata": {},
             "data": {"image/png": "A" * (3 << 20)}}  # fmt: skip
    big = notebook_json(cells=[code_cell(outputs=[image])])  # a plot: 3 MiB, 2 lines of code
    assert grade(big, name="work.ipynb")["exercises"][0]["score"] == 10
    cell = {"cell_type": "code", "input": "".join(lines), "language": "python", "outputs": []}
    v3 = {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": [cell]}]}
    assert grade(json.dumps(v3), name="work.ipynb")["exercises"][0]["score"] == 10


def test_a_class_of_malformed_notebooks_finishes_with_every_row(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from grader.cli import main

    subs = tmp_path / "subs"
    subs.mkdir()
    names = [name for name in MALFORMED if name != "huge code"]
    for k, name in enumerate(names):
        (subs / f"s{k:02d}.ipynb").write_bytes(MALFORMED[name][0])
    (subs / "good.ipynb").write_text(filled_notebook())
    out = tmp_path / "reports"
    for _ in range(2):  # and again: a re-run must not trip over the same files
        result = CliRunner().invoke(main, [str(subs), "-o", str(out), "--sandbox", "process"])
        assert result.exit_code == 0, result.output
    with (out / "summary.csv").open() as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert len(rows) == len(names) + 1 and rows["good"]["score"] == "100.0"
    assert {rows[f"s{k:02d}"]["status"] for k in range(len(names))} == {"error"}


# ------------------------------------------------------------- notebooks as students write them

PLOTTING = [
    "import numpy as np\nimport matplotlib.pyplot as plt\nimport pandas as pd\nimport seaborn",
    RELU,
    "xs = np.linspace(-3, 3)\nfig, ax = plt.subplots()\nax.plot(xs, relu(xs))\nplt.show()",
    "frame = pd.DataFrame({'x': xs})\nseaborn.lineplot(data=frame)",
    "def softmax(z):\n    return pd.Series(z).to_numpy()",
]


def test_plotting_imports_are_left_out_with_a_note_in_notebooks_and_py_files(grade) -> None:
    notebook = grade(nbformat.writes(new_notebook(cells=[new_code_cell(c) for c in PLOTTING])),
                     name="work.ipynb")  # fmt: skip
    as_py = grade("\n\n".join(PLOTTING))
    for report in (notebook, as_py):
        assert report["status"] == "graded", report["message"]
        scores = {e["name"]: e["score"] for e in report["exercises"]}
        assert scores["relu"] == 10 and scores["softmax"] == 0
        softmax = next(t for t in report["tests"] if t["exercise"] == "softmax")
        assert "pd has no value when grading: it comes from pandas" in softmax["message"]
        assert "matplotlib is not available when grading" in report["message"]
        assert "tagged skip-grading" in report["message"]
    assert notebook["score"] == as_py["score"]
    assert "cell 1, line 2: `import matplotlib.pyplot as plt` is not run" in notebook["message"]
    assert "line 2: `import matplotlib.pyplot as plt` is not run" in as_py["message"]
    assert "cell 3, line 2: `fig, ax = plt.subplots()` is not run" in notebook["message"]


def test_prepare_stubs_what_the_sandbox_lacks_and_keeps_lines() -> None:
    source = "\n\n".join(PLOTTING) + "\nx = 1; import json, pandas as pd2  # two\n"
    prepared = prepare(source, ("numpy",))
    assert prepared.text.count("\n") == source.count("\n")
    namespace: dict = {}
    exec(compile(prepared.text, "work.py", "exec"), namespace)  # runs numpy and the stubs only
    assert namespace["relu"](-2) == 0 and namespace["json"].dumps(1) == "1"
    with pytest.raises(ModuleNotFoundError, match="plt has no value when grading"):
        namespace["plt"].plot([1])
    with pytest.raises(ModuleNotFoundError, match=r"ax has no value .* set by `fig, ax = plt"):
        namespace["ax"].plot([1])
    assert not hasattr(namespace["seaborn"], "__wrapped__")  # dunders stay AttributeError
    assert len(prepared.notes) == 9 and prepared.messages()[-1] == "... and 4 more like these"
    assert prepare(source, ("numpy", "matplotlib", "pandas", "seaborn")).notes == ()
    assert prepare(source).notes == ()  # no packages given: imports are left alone


def test_outputs_do_not_count_toward_the_size_limit(grade) -> None:
    image = {"output_type": "display_data", "metadata": {},
             "data": {"image/png": "A" * (3 << 20)}}  # fmt: skip
    report = grade(notebook_json(cells=[code_cell(outputs=[image])]), name="work.ipynb")
    assert report["status"] == "graded" and report["exercises"][0]["score"] == 10


def test_twenty_megabytes_of_outputs_are_graded(grade) -> None:
    image = {"output_type": "display_data", "metadata": {},
             "data": {"image/png": "A" * (20 << 20)}}  # fmt: skip
    report = grade(notebook_json(cells=[code_cell(outputs=[image])]), name="work.ipynb")
    assert report["status"] == "graded" and report["exercises"][0]["score"] == 10


IPYTHON_CELLS = [
    "import numpy as np\n%timeit np.zeros(3)\n!pip install numpy\nfiles = !ls\nnp.sum?\n??np",
    'def relu(x):  # right?\n    y = """is this a question?\n"""\n    return np.maximum(0, x)',
    "%%time\nwhile True:\n    pass",
    "for f in files:\n    %time print(f)",
    # a cell indented as a whole, as pasted: IPython dedents it
    "  def softmax(z):\n      %time z = np.asarray(z)\n      return 1 / undefined_name",
]


def test_ipython_syntax_is_read_by_ipython(grade) -> None:
    cells = [new_code_cell(c) for c in IPYTHON_CELLS]
    report = grade(nbformat.writes(new_notebook(cells=cells)), name="work.ipynb")
    assert report["status"] == "graded", report["message"]
    assert report["exercises"][0]["score"] == 10
    softmax = next(t for t in report["tests"] if t["exercise"] == "softmax")
    assert 'File "work.ipynb", cell 5, line 3, in softmax' in softmax["message"]


def test_lines_stay_put_through_ipython() -> None:
    assert cell_as_python("def relu(x):  # right?\n    return x") == (
        ["def relu(x):  # right?", "    return x"], None)  # fmt: skip
    lines, _ = cell_as_python("\n%matplotlib \\\n  inline\nx = f?\ny = 2")
    assert len(lines) == 5 and lines[0] == "" and lines[2] == "" and lines[4] == "y = 2"
    lines, note = cell_as_python("%%time\ndef relu(x):\n    return x")
    assert lines == ["", "", ""] and note and "remove the %%time line" in note
    prepared = prepare("\n".join(cell_as_python(IPYTHON_CELLS[0])[0]) + "\nprint(files)\n")
    assert [n.line for n in prepared.notes] == [4, 7]
    assert "`files = !ls` is not run" in prepared.notes[0].text


def test_fallback_without_ipython_is_conservative(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ipynb, "_manager", lambda: None)
    lines, _ = cell_as_python("def relu(x):  # right?\n    %time y = x\n    return x\nf?\n!ls")
    assert lines == ["def relu(x):  # right?", "    pass", "    return x", "pass", "pass"]


def test_check_cells_are_no_ops_when_grading(grade) -> None:
    cells = [
        new_code_cell("import numpy as np\nfrom grader.notebook import check"),
        new_code_cell(RELU + 'check("relu", assignment="forward")'),
        new_code_cell('check("forward")\nresult = check()\nprint(result)'),
        new_code_cell("import grader.notebook\ngrader.notebook.check()"),
    ]
    report = grade(nbformat.writes(new_notebook(cells=cells)), name="work.ipynb")
    assert report["status"] == "graded", report["message"]
    assert report["exercises"][0]["score"] == 10 and "check" not in report["message"]
    untagged = [new_code_cell("import numpy as np\n" + RELU), new_code_cell('check("forward")')]
    report = grade(nbformat.writes(new_notebook(cells=untagged)), name="work.ipynb")
    assert report["status"] == "graded" and report["exercises"][0]["score"] == 10


def test_a_cell_that_fails_on_import_says_what_to_do(grade) -> None:
    cells = [new_code_cell("import numpy as np\n" + RELU), new_code_cell("relu(undefined)")]
    report = grade(nbformat.writes(new_notebook(cells=cells)), name="work.ipynb")
    assert report["status"] == "error" and "cell 2, line 1" in report["message"]
    assert "tag it skip-grading" in report["message"] and "Run All" in report["message"]


def test_a_cell_magic_over_a_function_says_what_to_do() -> None:
    cells = [new_code_cell("import numpy as np"), new_code_cell("%%time\n" + RELU)]
    converted = ipynb.convert(nbformat.writes(new_notebook(cells=cells)).encode())
    assert converted.notes == ("cell 2, line 1: the cell starts with %%time, so it is not "
                               "graded and neither is relu: remove the %%time line to have "
                               "it graded",)  # fmt: skip
