package org.systemarena.policy;

import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;

/**
 * A policy: given what was knowable at a decision point and the actions allowed there, what would it do?
 *
 * <p>Implementations must be thread-safe (the runner may call {@link #decide} for different cases concurrently)
 * and deterministic for a given snapshot: stochastic policies derive their randomness from the snapshot (see
 * {@link DecisionRandom}) rather than from shared mutable state, so results do not depend on thread scheduling.
 */
public interface Policy {
    /** A short, stable name used in reports and the registry. */
    String name();

    /**
     * Decides on one action among {@code allowedActions}. Returning another action, throwing, or exceeding the
     * runner's time-out is recorded as an error on this decision point.
     */
    Decision decide(CaseSnapshot snapshot, List<Action> allowedActions);

    /**
     * As {@link #decide(CaseSnapshot, List)}, also told which decision point this is; the runner calls this one. The
     * default ignores the context, so only policies that need the id or the rule (such as agents outside the JVM)
     * override it.
     */
    default Decision decide(DecisionContext context, CaseSnapshot snapshot, List<Action> allowedActions) {
        return decide(snapshot, allowedActions);
    }
}
