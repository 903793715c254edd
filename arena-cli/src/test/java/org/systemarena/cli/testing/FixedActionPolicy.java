package org.systemarena.cli.testing;

import java.util.List;
import java.util.Map;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

/** A policy class found by name on the class path: always the action given as option {@code action}. */
public final class FixedActionPolicy implements Policy {
    private final String action;

    public FixedActionPolicy(Map<String, String> options) {
        this.action = options.getOrDefault("action", "wait");
    }

    @Override
    public String name() {
        return "fixed-" + action;
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        return Decision.of(action);
    }
}
