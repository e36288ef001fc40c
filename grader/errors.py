"""The grader's own exception types; only the CLI turns them into messages."""

from __future__ import annotations


class GraderError(Exception):
    """Base class: something the grader could not do, said in one line."""

    exit_code = 1


class UsageError(GraderError):
    """The command was asked for something impossible (no such file, a directory...)."""

    exit_code = 2


class SandboxUnavailable(GraderError):
    """The requested sandbox cannot run on this machine."""

    exit_code = 2
