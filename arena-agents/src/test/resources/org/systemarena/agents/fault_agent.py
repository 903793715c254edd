"""A stdio agent for the fault tests: answers 'wait', except for the cases named below, where it misbehaves in one
way each. Faults depend only on the request, so any number of workers fails on the same decision points."""
import json
import sys
import time

FAULTS = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {
    "lead-000002": "garbage",
    "lead-000003": "crash",
    "lead-000005": "bad_action",
    "lead-000006": "exit_silently",
    "lead-000008": "no_action",
    "lead-000011": "wrong_type",
    "lead-000013": "agent_error",
    "lead-000020": "bad_probabilities",
    "lead-000021": "invalid_json",
    "lead-000025": "too_long",
    "lead-000026": "extra_fields",
    "lead-000029": "wrong_id",
}

out = sys.stdout
for line in sys.stdin:
    request = json.loads(line)
    fault = FAULTS.get(request["case_id"])
    response = {"action": "wait", "decision_id": request["decision_id"]}
    if fault == "garbage":
        out.write("thinking about " + request["case_id"] + "...\n")
    elif fault == "crash":
        sys.stderr.write("crashing on purpose at " + request["case_id"] + "\n")
        sys.stderr.flush()
        sys.exit(3)
    elif fault == "exit_silently":
        sys.exit(0)
    elif fault == "slow":
        time.sleep(30)
    elif fault == "bad_action":
        response["action"] = "fly_to_the_moon"
    elif fault == "no_action":
        del response["action"]
        response["score"] = 1
    elif fault == "wrong_type":
        response["score"] = "high"
    elif fault == "agent_error":
        response = {"error": "model overloaded"}
    elif fault == "bad_probabilities":
        response["probabilities"] = {"wait": 0.5, "send_email": 0.25}
    elif fault == "invalid_json":
        out.write('{"action": wait}\n')
        out.flush()
        continue
    elif fault == "too_long":
        out.write('{"action": "wait", "reasoning": "' + "x" * (1 << 21) + '"}\n')
        out.flush()
        continue
    elif fault == "extra_fields":
        response["thoughts"] = {"steps": [1, 2, 3]}
        response["usage"] = {"tokens_in": 10, "tokens_out": 2, "cost": 0.001, "model": "m", "cached": True}
    elif fault == "wrong_id":
        response["decision_id"] = "someone-else"
    if fault != "garbage":
        out.write(json.dumps(response) + "\n")
    out.flush()
