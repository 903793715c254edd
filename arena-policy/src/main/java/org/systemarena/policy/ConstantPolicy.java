package org.systemarena.policy;

import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;

/** Always the same action (an error at decision points where it is not allowed). */
public final class ConstantPolicy implements Policy {
    private final String action;

    private ConstantPolicy(String action) {
        this.action = action;
    }

    public static ConstantPolicy of(String action) {
        return new ConstantPolicy(action);
    }

    @Override
    public String name() {
        return "constant:" + action;
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        return Decision.of(action).withReasoning("always " + action);
    }
}
