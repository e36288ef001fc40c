"""Build exercises/forward.ipynb from exercises/forward.py, so the two never drift.

    python -m assignments.forward.make_notebook     # rewrites exercises/forward.ipynb

The stubs and their docstrings are taken from forward.py as they are; the
explanation cells retell the course material's worked examples; each exercise
has a check cell (tagged skip-grading, so ``grade forward.ipynb`` ignores it).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
STUBS = ROOT / "exercises" / "forward.py"
NOTEBOOK = ROOT / "exercises" / "forward.ipynb"
SKIP = {"tags": ["skip-grading"]}

INTRO = """\
# Forward propagation

A neural network turns inputs into a prediction by *forward propagation*:
each node multiplies its inputs by weights, adds them up (and a bias), and
passes the sum through an activation function. You will write the six
functions below, then run each check cell. `grade forward.ipynb` in a
terminal gives the full grade, with hidden tests.

Conventions: examples are rows; a layer's weight matrix has shape
`(n_in, n_out)` and its column `j` holds the weights into node `j`; biases
have shape `(n_out,)`."""

EXPLAIN = {
    "relu": """\
## 1. ReLU

The rectified linear activation returns a positive input unchanged and turns
a negative input into 0: `relu(3) = 3`, `relu(-3) = 0`. Your version must
also work elementwise on arrays.""",
    "node_value": """\
## 2. One node

The bank example predicts transactions from 2 children and 3 accounts. The
top hidden node has weights `[1, 1]`: `2*1 + 3*1 = 5`. The bottom node has
weights `[-1, 1]`: `2*(-1) + 3*1 = 1`. Multiply, then add up.""",
    "hidden_layer": """\
## 3. A hidden layer

All nodes of a layer at once: `inputs @ weights` gives every node's sum,
then add the biases and apply ReLU. In the deeper network, inputs `[3, 5]`
and weights `[[2, 4], [4, -5]]` give `[26, -13]`, so the layer is `[26, 0]`.""",
    "forward": """\
## 4. The whole network

Repeat the layer for every hidden layer, then compute the output layer
*without* ReLU: predictions may be negative. The bank network predicts
`[9]`; the deeper network with inputs 3 and 5 predicts `[182]`.""",
    "softmax": """\
## 5. Softmax

Softmax turns each row of raw scores into probabilities that sum to 1:
`exp(z_j) / sum_k exp(z_k)`. Subtract the row maximum first, so that
`softmax([1000, 1000])` is `[0.5, 0.5]` instead of `nan`.""",
    "cross_entropy_loss": """\
## 6. Cross-entropy loss

The loss of one example is `-log` of the probability softmax gives its true
class; the loss of a batch is the mean over its rows. Computed stably,
`cross_entropy_loss([[1000, 0]], [1])` is `1000.0`.""",
}


def stub_sources() -> dict[str, str]:
    """Each stub function's source, exactly as exercises/forward.py has it."""
    text = STUBS.read_text()
    tree = ast.parse(text)
    return {
        node.name: ast.get_source_segment(text, node) or ""
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
    }


def build(functions: dict[str, str] | None = None) -> Any:
    """The notebook; ``functions`` replaces stubs (the tests fill in the reference)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    sources = {**stub_sources(), **(functions or {})}
    cells = [
        new_markdown_cell(INTRO),
        new_code_cell("import numpy as np"),
        new_code_cell("from grader.notebook import check", metadata=SKIP),
    ]
    for name, explanation in EXPLAIN.items():
        cells += [
            new_markdown_cell(explanation),
            new_code_cell(sources[name]),
            new_code_cell(f'check("{name}")', metadata=SKIP),
        ]
    cells += [
        new_markdown_cell("## All together\n\nRun this before you hand the notebook in."),
        new_code_cell("check()", metadata=SKIP),
    ]
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}  # fmt: skip
    # Stable ids, so that regenerating gives the same file.
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number:02d}"
    nbformat.validate(notebook)
    return notebook


def text(functions: dict[str, str] | None = None) -> str:
    import nbformat

    return str(nbformat.writes(build(functions))) + "\n"


if __name__ == "__main__":
    NOTEBOOK.write_text(text())
    print(f"wrote {NOTEBOOK}")
