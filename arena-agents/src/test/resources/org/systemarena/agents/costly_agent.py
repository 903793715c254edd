"""Answers 'wait' at a cost of 0.01 per answer, for the cost cap's test."""
import json
import sys

for line in sys.stdin:
    sys.stdout.write(json.dumps({"action": "wait", "usage": {"cost": 0.01, "tokens_in": 100, "tokens_out": 5}}) + "\n")
    sys.stdout.flush()
