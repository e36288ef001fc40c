"""The grader's own exception types; only the CLI turns them into messages."""

from __future__ import annotations


class GraderError(Exception):
    """Base class: something the grader could not do, said in one line."""

    exit_code = 1


class UsageError(GraderError):
    """The command was asked for something impossible (no such file, a directory...)."""

    exit_code = 2


class UnknownAssignment(UsageError):
    """No assignment by that name or path, or none could be chosen for a submission."""


class SandboxUnavailable(GraderError):
    """The requested sandbox cannot run on this machine."""

    exit_code = 2


class UnreadableSubmission(UsageError):
    """There is no readable file where a submission was named."""


class NotebookError(GraderError):
    """The file is not a notebook that can be graded."""


class Interrupted(GraderError):
    """The user stopped a batch; what was graded is kept."""

    exit_code = 130


class InternalError(GraderError):
    """The grader itself failed; the report says so."""
