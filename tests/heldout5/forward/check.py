"""Verify this folder's labels.json with round 1's checker, tests/heldout/forward/check.py
(the same inputs, comparison and isolation; see its docstring).

Usage:  python tests/heldout5/forward/check.py [-v] [file.py ...]
"""

import os
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
os.environ["HELDOUT_FOLDER"] = str(HERE)
CHECKER = HERE.parents[1] / "heldout" / "forward" / "check.py"
sys.argv[0] = str(CHECKER)
runpy.run_path(str(CHECKER), run_name="__main__")
