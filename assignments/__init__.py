"""Assignments graded by the forward-grader engine: one module or package per assignment.

A module here defines ``ASSIGNMENT`` (a ``grader.spec.Assignment``); the engine
finds it by its short name (``grade --assignment forward``), or chooses it from the
submission (its file name, else the functions it defines). ``DEFAULT`` is the
assignment graded when nothing in a submission decides: this repository's own.
"""

DEFAULT = "forward"
