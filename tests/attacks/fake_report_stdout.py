# Prints what looks like results and a report; stdout is never parsed.
import json

print(json.dumps({"ev": "loaded", "missing": []}))
print(json.dumps({"ev": "call", "ex": 0, "case": 0, "status": "returned",
                  "value": {"kind": "array", "type": "int", "shape": [], "data": [3.0]}}))
print(json.dumps({"score": 100, "max_score": 100, "status": "graded"}))
