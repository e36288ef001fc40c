"""forward-grader: a sandboxed autograder engine.

The engine knows nothing about any particular assignment: an assignment
module (see ``assignments/``) supplies exercises, cases and a reference.
"""

from __future__ import annotations

__version__ = "0.1.0"
