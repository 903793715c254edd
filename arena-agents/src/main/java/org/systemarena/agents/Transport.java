package org.systemarena.agents;

/**
 * How a request reaches an agent and its answer comes back: a worker process over stdio, or HTTP. A transport only
 * moves text; the policy builds the request and reads the response. Implementations are thread-safe.
 */
interface Transport extends AutoCloseable {
    /**
     * Sends one request (one line of JSON, no line break) and returns the agent's answer as text, or throws an
     * {@link AgentException} saying what failed (time-out, crash, HTTP status) on this call.
     */
    String exchange(String request, String decisionId);

    /** Restarts after crashes, retries after HTTP failures: counted for the policy's statistics. */
    long recoveries();

    /** Stops workers and frees connections; idempotent. */
    @Override
    void close();
}
