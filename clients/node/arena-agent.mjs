// System Arena decision protocol, version 1 (docs/agent-protocol.md), with no dependencies (Node.js 18+).
//
//   import { main } from "./arena-agent.mjs";
//   main((request) => ({ action: request.values.days_since_last_contact > 3 ? "make_call" : "wait" }));
//
// `node my-agent.mjs` is then a stdio worker (-p process:cmd='node my-agent.mjs') and `node my-agent.mjs --http 8000`
// an HTTP server (-p http:url=http://127.0.0.1:8000/decide). decide(request) may be async. An exception in decide
// becomes {"error": "..."}, which the arena records on that decision point; the worker keeps serving. In a stdio
// worker, console.log writes to stderr: stdout carries answers only.
import { createServer } from "node:http";
import { createInterface } from "node:readline";

export const PROTOCOL = 1;

/** The response to one request: decide's answer with the decision id echoed, or an error. */
export async function answer(decide, request) {
  try {
    if (request.protocol !== PROTOCOL) {
      return { error: `this agent speaks protocol ${PROTOCOL}, the request is protocol ${JSON.stringify(request.protocol)}` };
    }
    let response = await decide(request);
    if (typeof response === "string") {
      response = { action: response };
    } else if (response === null || typeof response !== "object" || Array.isArray(response)) {
      return { error: `decide returned ${response === null ? "null" : typeof response}, not an object or an action name` };
    } else {
      response = { ...response };
    }
    if (!("decision_id" in response)) {
      response.decision_id = request.decision_id;
    }
    return response;
  } catch (e) {
    return { error: `${e && e.name ? e.name : "Error"}: ${e && e.message !== undefined ? e.message : e}`,
      decision_id: request.decision_id };
  }
}

/** One line of JSON; a value JSON cannot hold (NaN, a cycle) is the agent's error, not a broken line. */
export function encode(response) {
  try {
    const text = JSON.stringify(response, (k, v) => {
      if (typeof v === "number" && !Number.isFinite(v)) {
        throw new Error(`${k || "value"} is ${v}`);
      }
      return v;
    });
    return text === undefined ? JSON.stringify({ error: "response is not JSON-serialisable" }) : text;
  } catch (e) {
    return JSON.stringify({ error: `response is not JSON-serialisable: ${e.message}` });
  }
}

async function parseAndAnswer(decide, text) {
  let request;
  try {
    request = JSON.parse(text);
  } catch (e) {
    return { error: `request is not JSON: ${e.message}` };
  }
  if (request === null || typeof request !== "object" || Array.isArray(request)) {
    return { error: "request is not an object" };
  }
  return answer(decide, request);
}

/** Answers one request per line of stdin on stdout, in order, until stdin ends. */
export async function serveStdio(decide, input = process.stdin, output = process.stdout) {
  if (output === process.stdout) {
    console.log = console.error; // console.log in decide must not corrupt the answers
    console.info = console.error;
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") {
      continue;
    }
    const response = await parseAndAnswer(decide, line);
    if (!output.write(encode(response) + "\n")) {
      await new Promise((resolve) => output.once("drain", resolve));
    }
  }
}

/** Answers POSTed requests (any path) until stopped; GET /health answers 200. Resolves to the server once listening. */
export function serveHttp(decide, port = 8000, host = "127.0.0.1") {
  const server = createServer((req, res) => {
    const send = (status, body) => {
      const data = Buffer.from(encode(body), "utf8");
      res.writeHead(status, { "Content-Type": "application/json", "Content-Length": data.length });
      res.end(data);
    };
    if (req.method !== "POST") {
      send(req.url === "/health" ? 200 : 404, { status: "ok" });
      return;
    }
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const text = Buffer.concat(chunks).toString("utf8");
      send(200, await parseAndAnswer(decide, text));
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      console.error(`arena agent listening on http://${host}:${address.port}/`);
      resolve(server);
    });
  });
}

/** `--http [PORT]` serves HTTP (default port 8000, 0 picks a free one); otherwise a stdio worker. */
export function main(decide, argv = process.argv.slice(2)) {
  if (argv[0] === "--http") {
    return serveHttp(decide, argv.length > 1 ? Number(argv[1]) : 8000);
  }
  return serveStdio(decide);
}
