"""``python -m grader``: the same as the ``grade`` command."""

from .cli import main

main(prog_name="grade")
