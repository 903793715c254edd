package org.systemarena.agents;

import org.systemarena.core.ArenaException;

/**
 * What went wrong talking to an agent at one decision point: a malformed response, a crashed worker, an HTTP
 * failure, a time-out. The policy throws it from {@code decide}, so the runner records it on that decision point
 * (kind {@code EXCEPTION}, message {@code AgentException: ...}) and the run goes on.
 */
public final class AgentException extends ArenaException {
    private static final long serialVersionUID = 1L;

    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
