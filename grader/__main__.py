"""``python -m grader``: the same as the ``grade`` command."""

from .entry import main

main(prog_name="grade")
