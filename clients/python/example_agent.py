"""The example workflow's agent (examples/lead-followup), as a stdio worker or an HTTP server.

    bin/arena run examples/lead-followup -p process:cmd='python3 clients/python/example_agent.py'

Calls leads with a large budget that have gone quiet and nudges everyone else by email, like the Java
CallHotLeadsPolicy, but it keeps some probability on the other allowed actions, so its conversion can be estimated
from the log, and it reports usage as an LLM-backed agent would.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import arena_agent  # noqa: E402


def decide(request):
    values = request["values"]
    days = values.get("days_since_last_contact")
    budget = values.get("budget")
    allowed = [a["type"] for a in request["allowed_actions"]]
    if days is not None and days > 3 and budget is not None and budget >= 50000 and "make_call" in allowed:
        action, params, why = "make_call", {}, "budget %s, quiet for %.1f days" % (budget, days)
    else:
        action, params, why = "send_email", {"template": "gentle_nudge"}, "default nudge"
    others = [a for a in allowed if a != action]
    rest = 0.4 / len(others) if others else 0.0
    probabilities = {a: rest for a in others}
    probabilities[action] = 1.0 - rest * len(others)
    return {
        "action": action,
        "params": params,
        "probabilities": probabilities,
        "score": days or 0.0,
        "reasoning": why,
        "usage": {"tokens_in": len(request["history"]["events"]), "tokens_out": 1, "cost": 0.0, "model": "rules-v1"},
    }


if __name__ == "__main__":
    arena_agent.main(decide)
