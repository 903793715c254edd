package org.systemarena.policy;

import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;

/**
 * Uses {@code primary} unless it throws or picks an action that is not allowed; then {@code fallback} decides, and
 * the decision's metadata says why ({@code fallback_reason}).
 */
public final class FallbackPolicy implements Policy {
    private final Policy primary;
    private final Policy fallback;

    private FallbackPolicy(Policy primary, Policy fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    public static FallbackPolicy of(Policy primary, Policy fallback) {
        return new FallbackPolicy(primary, fallback);
    }

    @Override
    public String name() {
        return primary.name() + "|" + fallback.name();
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        return decide(null, snapshot, allowedActions);
    }

    /** Passes the context on to both policies (an agent behind {@code primary} needs the decision id). */
    @Override
    public Decision decide(DecisionContext context, CaseSnapshot snapshot, List<Action> allowedActions) {
        String reason;
        try {
            Decision d = context == null ? primary.decide(snapshot, allowedActions)
                    : primary.decide(context, snapshot, allowedActions);
            if (d != null && allowedActions.stream().anyMatch(a -> a.type().equals(d.action()))) {
                return d;
            }
            reason = d == null ? "primary returned no decision" : "primary chose disallowed action " + d.action();
        } catch (RuntimeException e) {
            reason = "primary failed: " + e.getMessage();
        }
        Decision d = context == null ? fallback.decide(snapshot, allowedActions)
                : fallback.decide(context, snapshot, allowedActions);
        return d.withMetadata("fallback_reason", reason);
    }
}
