"""Authoring from one file: the reference solution is the single source of stubs and notebook.

An assignment's solution file (``solutions/NAME.py``, named by ``Assignment.solution``) is
an ordinary, importable Python module written in jupytext's "percent" style. The
generator derives from it the student's stub module and the student's notebook, so the
three never drift apart; a test keeps the generated files equal to what is on disk.

Commands (from the repository root)::

    python -m grader.authoring build NAME...   # rewrite exercises/ for these assignments
    python -m grader.authoring check NAME...   # exit 1 and show a diff if exercises/ is stale
    python -m grader.authoring new NAME        # scaffold a new assignment (see scaffold())

The format
==========

Cells. A line ``# %%`` starts a code cell and ``# %% [markdown]`` a markdown cell; the
text before the first such line is a code cell. After ``# %%`` jupytext's option
``active="py"`` makes a code cell appear in the stub module only, and ``active="ipynb"``
in the notebook only; the lines of an ``active="ipynb"`` cell are commented out with
``# `` in the solution (so importing the solution never runs them) and uncommented in
the notebook. Every line of a markdown cell is ``#`` or ``# text``; the ``# `` prefix is
removed. Markdown cells go to the notebook only: they retell the course's worked
examples around each exercise. Blank lines at the start and end of a cell are dropped.

Markers, inside code cells only, each alone on its line, indented like the code they
enclose, BEGIN and END at the same indentation, never nested:

- ``# BEGIN SOLUTION`` ... ``# END SOLUTION``: what the student writes. Must be inside a
  function (or method). In the stub the whole region, markers included, becomes the
  single line ``raise NotImplementedError("QUALNAME: replace this line with your code")``
  at the marker's indentation, QUALNAME being the enclosing function's qualified name
  (``relu``, ``Layer.forward``). Every exercise's function needs at least one region.
- ``# BEGIN SOLUTION ONLY`` ... ``# END SOLUTION ONLY``: lines (a helper, an import, the
  solution's module docstring) that exist only in the solution; dropped from the stub
  and the notebook. When the block is preceded by a blank line, the blank lines after it
  are dropped too, so removing a helper leaves no gap.
- ``# BEGIN STUB`` ... ``# END STUB``: lines that exist only in the stub and the
  notebook, written commented out (``# `` + line, or ``#`` for a blank line); they are
  uncommented there. This is how the stub gets its own module docstring ("fill in the
  functions ... Check your work with: grade NAME.py") in place of the solution's.

A comment that looks like a marker but is not exactly one (``#BEGIN SOLUTION``, ``# end
solution``), an END without BEGIN, a BEGIN without END, a marker in a markdown cell, a
solution region outside a function, or a stub that is not valid Python is an
``AuthoringError`` naming the solution file and line: a slip never leaks solution code.

What is generated
=================

- The stub module: the code cells that are not ``active="ipynb"``, markers applied,
  joined by two blank lines, ending with one newline.
- The notebook (nbformat 4, python3 kernelspec, cell ids ``cell-00``...): markdown cells
  and the code cells that are not ``active="py"``, markers applied, in file order. After
  each code cell that defines an exercise's function at top level comes one check cell
  per exercise defined there, tagged ``skip-grading`` (so ``grade NAME.ipynb`` ignores it)::

      from grader.notebook import check
      check("relu", assignment="NAME")

  and the notebook ends with a markdown cell "All together" and a check of every exercise.
- Where: the stub is ``exercises/<Assignment.submission_name>`` and the notebook
  ``exercises/<its stem>.ipynb``, in the ``exercises/`` folder next to the ``solutions/``
  folder that holds the solution file (``<solution>.parent.parent / "exercises"``).
- The stub may import only the standard library and the assignment's ``packages``.
"""

from __future__ import annotations
