"""``python -m grader``: the same as the ``grade`` command."""

from grader.launch import main

main()
