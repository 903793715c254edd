package org.systemarena.agents;

/**
 * The decision protocol's version and its JSON Schemas (docs/agent-protocol.md). The version changes only when a
 * field's meaning changes or a required field is added; new optional fields keep it, and agents ignore fields they do
 * not know, as the arena ignores unknown response fields.
 */
public final class AgentProtocol {
    /** The protocol version every request carries in {@code protocol}. */
    public static final int VERSION = 1;

    /** Class-path resource of the request's JSON Schema (draft 2020-12). */
    public static final String REQUEST_SCHEMA = "/org/systemarena/agents/request.schema.json";

    /** Class-path resource of the response's JSON Schema (draft 2020-12). */
    public static final String RESPONSE_SCHEMA = "/org/systemarena/agents/response.schema.json";

    /** Visible events sent by default: the latest 20, the trigger included. */
    public static final int DEFAULT_HISTORY = 20;

    private AgentProtocol() {
    }
}
