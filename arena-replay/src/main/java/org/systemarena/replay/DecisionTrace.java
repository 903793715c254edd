package org.systemarena.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.policy.Decision;

/**
 * What happened at one decision point under one policy.
 *
 * @param snapshotSummary the built-in snapshot values at the decision point (for reading traces)
 * @param decision the policy's decision; null when an error voids it
 * @param loggedProbability the policy's probability of the logged action, pi(a_logged | s); null without a logged
 *                          action or a valid decision
 * @param matchesLogged whether the decided action equals the logged one; null without either
 * @param latencyNanos time spent in the policy (not part of deterministic output)
 */
public record DecisionTrace(
        String decisionId,
        String caseId,
        String rule,
        Instant time,
        Map<String, Object> snapshotSummary,
        Decision decision,
        String loggedAction,
        Double loggedPropensity,
        Double loggedProbability,
        Boolean matchesLogged,
        String outcome,
        OutcomeCategory outcomeCategory,
        List<Violation> violations,
        List<DecisionError> errors,
        long latencyNanos) {

    public DecisionTrace {
        Objects.requireNonNull(decisionId, "decisionId");
        snapshotSummary = org.systemarena.core.Values.immutableMap(snapshotSummary);
        violations = List.copyOf(violations);
        errors = List.copyOf(errors);
    }

    /** The decided action, or null when an error voids the decision. */
    public String action() {
        return decision == null ? null : decision.action();
    }

    public boolean hasError() {
        return decision == null;
    }
}
