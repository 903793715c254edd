package org.systemarena.policy;

import java.util.Objects;

/**
 * What the runner knows about a decision point beyond the snapshot: its stable id ({@code <event_id>/<rule>}) and
 * the name of the manifest rule that made it. Neither reveals anything later than the snapshot; a policy that talks
 * to an outside agent sends them so the agent's logs and the arena's traces can be matched.
 */
public record DecisionContext(String decisionId, String rule) {
    public DecisionContext {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(rule, "rule");
    }
}
