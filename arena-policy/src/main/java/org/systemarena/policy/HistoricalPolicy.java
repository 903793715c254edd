package org.systemarena.policy;

import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.CaseSnapshot;

/**
 * Replays what was actually done: the logged action of each decision point, with its logged propensity as the
 * probability. The logged action lies after the snapshot's cut-off, so no ordinary policy may see it; the runner
 * recognises this policy and calls {@link #decideLogged} with the label it extracted. Where the log has no action
 * for a decision point, it decides {@code fallbackAction}.
 */
public final class HistoricalPolicy implements Policy {
    private final String fallbackAction;

    private HistoricalPolicy(String fallbackAction) {
        this.fallbackAction = fallbackAction;
    }

    public static HistoricalPolicy create() {
        return new HistoricalPolicy(null);
    }

    public static HistoricalPolicy withFallback(String fallbackAction) {
        return new HistoricalPolicy(fallbackAction);
    }

    @Override
    public String name() {
        return "historical";
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        throw new ArenaException("HistoricalPolicy needs the logged action; run it through BenchmarkRunner");
    }

    /** The decision for a decision point whose logged action (may be null) and propensity (may be null) are known. */
    public Decision decideLogged(String loggedAction, Double loggedPropensity) {
        if (loggedAction == null) {
            if (fallbackAction == null) {
                throw new ArenaException("no logged action at this decision point and no fallback action");
            }
            return Decision.of(fallbackAction).withReasoning("no logged action; fallback " + fallbackAction);
        }
        Decision d = Decision.of(loggedAction).withReasoning("logged action");
        return loggedPropensity == null ? d : d.withMetadata("logged_propensity", loggedPropensity);
    }
}
