"""check() in a real Jupyter kernel grades what ``grade`` would of the kernel's cells."""

from __future__ import annotations

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from .test_notebook import reference_functions

nbclient = pytest.importorskip("nbclient", reason="a real kernel needs nbclient")
pytest.importorskip("ipykernel", reason="a real kernel needs ipykernel")

SOFTMAX = """def softmax(z):
    z = np.asarray(z, dtype=float)
    e = exp(z - z.max(axis=-1, keepdims=True))
    return e / (e.sum(axis=-1, keepdims=True) + EPS)"""


def run(cells: list[str]) -> list[str]:
    """Each cell's text output after running them all in a fresh kernel."""
    notebook = new_notebook(cells=[new_code_cell(c) for c in cells])
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    outputs = []
    for cell in notebook.cells:
        texts = [o.get("data", {}).get("text/plain", "") or o.get("text", "")
                 for o in cell.outputs]  # fmt: skip
        outputs.append("\n".join(texts))
    return outputs


def test_check_sees_globals_imports_and_names_cells_as_jupyter_does() -> None:
    out = run([
        "import numpy as np\nfrom numpy import exp\nfrom grader.notebook import check",
        "EPS = 1e-12  # right?",
        "%timeit -n1 -r1 sum(range(10))\n" + SOFTMAX,
        'check("softmax", sandbox="process")',
        "def node_value(inputs, weights, bias=0.0):\n    total = 0.0\n    return helper(inputs)",
        'check("node_value", sandbox="process")',
        "def relu(x):\n    return x",  # a first try, replaced below
        reference_functions()["relu"],
        'check("relu", sandbox="process")',
    ])  # fmt: skip
    assert "PASS  softmax" in out[3], out[3]
    assert "FAIL  node_value" in out[5] and "NameError" in out[5], out[5]
    assert "cell In [5], line 3, in node_value" in out[5], out[5]
    assert "notebook.py" not in out[5] and "grader/notebook" not in out[5]
    assert "PASS  relu" in out[8], out[8]


def test_check_notes_what_grading_leaves_out() -> None:
    out = run([
        # nbformat: installed in the kernel, not in the sandbox
        "import numpy as np\nimport nbformat as nbf\nfrom grader.notebook import check",
        "def relu(x):\n    return np.maximum(0, x)",
        "def softmax(z):\n    return nbf.softmax(z)",
        'check("relu", "softmax", sandbox="process")',
    ])  # fmt: skip
    assert "PASS  relu" in out[3], out[3]
    assert "FAIL  softmax" in out[3] and "nbf has no value when grading" in out[3], out[3]
    assert "cell In [1], line 2: `import nbformat as nbf` is not run" in out[3], out[3]
