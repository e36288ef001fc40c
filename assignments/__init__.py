"""Assignments graded by the forward-grader engine: one module per assignment.

A module here defines ``ASSIGNMENT`` (a ``grader.spec.Assignment``); the engine
loads it by name (``grade --assignment forward``).
"""
