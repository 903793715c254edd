package org.systemarena.test;

import java.util.List;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.Action;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

/** A policy for the tests that throws on leads with a budget under 10,000 and waits on the others. */
public final class FailingPolicy implements Policy {
    @Override
    public String name() {
        return "failing";
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        if (snapshot.get("budget") instanceof Number budget && budget.doubleValue() < 10_000) {
            throw new IllegalStateException("no rule for a budget of " + budget);
        }
        return Decision.of("wait");
    }
}
