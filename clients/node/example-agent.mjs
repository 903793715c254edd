// The example workflow's agent (examples/lead-followup) in Node.js, as a stdio worker or an HTTP server:
//
//   bin/arena run examples/lead-followup -p process:cmd='node clients/node/example-agent.mjs'
//
// The same rules as clients/python/example_agent.py, so both give the same results: call big, quiet leads, email
// everyone else, keep 40% of the probability on the other allowed actions, report usage.
import { pathToFileURL } from "node:url";
import { main } from "./arena-agent.mjs";

export function decide(request) {
  const values = request.values;
  const days = values.days_since_last_contact;
  const budget = values.budget;
  const allowed = request.allowed_actions.map((a) => a.type);
  let action, params, why;
  if (days != null && days > 3 && budget != null && budget >= 50000 && allowed.includes("make_call")) {
    [action, params, why] = ["make_call", {}, `budget ${budget}, quiet for ${days.toFixed(1)} days`];
  } else {
    [action, params, why] = ["send_email", { template: "gentle_nudge" }, "default nudge"];
  }
  const others = allowed.filter((a) => a !== action);
  const rest = others.length > 0 ? 0.4 / others.length : 0.0;
  const probabilities = Object.fromEntries(others.map((a) => [a, rest]));
  probabilities[action] = 1.0 - rest * others.length;
  return {
    action,
    params,
    probabilities,
    score: days || 0.0,
    reasoning: why,
    usage: { tokens_in: request.history.events.length, tokens_out: 1, cost: 0.0, model: "rules-v1" },
  };
}

// Serve when run (node example-agent.mjs), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(decide);
}
