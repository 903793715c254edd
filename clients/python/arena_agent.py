"""System Arena decision protocol, version 1 (docs/agent-protocol.md), with no dependencies.

Write a function ``decide(request) -> response`` and hand it to ``main``::

    import arena_agent

    def decide(request):
        days = request["values"].get("days_since_last_contact") or 0
        return {"action": "make_call" if days > 3 else "wait", "score": days}

    if __name__ == "__main__":
        arena_agent.main(decide)

``python3 my_agent.py`` is then a stdio worker (``-p process:cmd=python3 my_agent.py``) and
``python3 my_agent.py --http 8000`` an HTTP server (``-p http:url=http://127.0.0.1:8000/decide``).

``decide`` gets the request as a dict and returns a dict with at least ``action`` (or just the action as a string).
An exception in ``decide`` becomes ``{"error": "..."}``, which the arena records on that decision point; the worker
keeps serving. In a stdio worker, ``print`` writes to stderr: stdout carries answers only.
"""

import json
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROTOCOL = 1


def answer(decide, request):
    """The response to one request (a dict): decide's answer with the decision id echoed, or an error."""
    try:
        if request.get("protocol") != PROTOCOL:
            return {"error": "this agent speaks protocol %d, the request is protocol %r"
                             % (PROTOCOL, request.get("protocol"))}
        response = decide(request)
        if isinstance(response, str):
            response = {"action": response}
        elif not isinstance(response, dict):
            return {"error": "decide returned %s, not a dict or an action name" % type(response).__name__}
        else:
            response = dict(response)
    except Exception as e:  # the arena records it on this decision point; the worker goes on
        return {"error": "%s: %s" % (type(e).__name__, e), "decision_id": request.get("decision_id")}
    response.setdefault("decision_id", request.get("decision_id"))
    return response


def encode(response):
    """One line of JSON (no NaN: the arena reads standard JSON)."""
    try:
        return json.dumps(response, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as e:
        return json.dumps({"error": "response is not JSON-serialisable: %s" % e})


def serve_stdio(decide, stdin=None, stdout=None):
    """Answers one request per line of stdin on stdout until stdin ends."""
    out = stdout or sys.stdout
    stdin = stdin or sys.stdin
    if stdout is None:
        sys.stdout = sys.stderr  # print() in decide must not corrupt the answers
    for line in stdin:
        line = line.strip()
        if not line:
            continue
        try:
            request = json.loads(line)
        except ValueError as e:
            response = {"error": "request is not JSON: %s" % e}
        else:
            response = answer(decide, request) if isinstance(request, dict) else {"error": "request is not an object"}
        out.write(encode(response) + "\n")
        out.flush()


def serve_http(decide, port=8000, host="127.0.0.1"):
    """Answers POSTed requests (any path) until interrupted; GET /health answers 200."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: the arena reuses connections

        def setup(self):
            super().setup()
            # Headers and body are separate writes: without this, Nagle's algorithm and delayed ACKs hold each
            # answer back for about 40 ms.
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            try:
                request = json.loads(self.rfile.read(length))
            except ValueError as e:
                self._send(400, {"error": "request is not JSON: %s" % e})
                return
            self._send(200, answer(decide, request) if isinstance(request, dict)
                       else {"error": "request is not an object"})

        def do_GET(self):
            self._send(200 if self.path == "/health" else 404, {"status": "ok"})

        def _send(self, status, body):
            data = encode(body).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format, *args):  # quiet by default; the arena logs failures
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    print("arena agent listening on http://%s:%d/" % (host, server.server_address[1]), file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def main(decide, argv=None):
    """``--http [PORT]`` serves HTTP (default port 8000, 0 picks a free one); otherwise a stdio worker."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--http":
        serve_http(decide, int(argv[1]) if len(argv) > 1 else 8000)
    else:
        serve_stdio(decide)
