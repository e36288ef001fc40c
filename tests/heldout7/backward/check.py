"""Verify this folder's labels.json with round 1's checker, tests/heldout/backward/check.py
(the same inputs, comparison and isolation; see its docstring).

Usage:  python tests/heldout7/backward/check.py [-v] [a.py ...]
"""

import os
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
os.environ["HELDOUT_FOLDER"] = str(HERE)
CHECKER = HERE.parents[1] / "heldout" / "backward" / "check.py"
sys.argv[0] = str(CHECKER)
runpy.run_path(str(CHECKER), run_name="__main__")
