package org.systemarena.test;

import java.util.List;
import java.util.Map;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.DecisionContext;
import org.systemarena.policy.Policy;

/**
 * A policy for the invariant tests that breaks each invariant somewhere: it answers an inbound reply with a fax,
 * builds probabilities summing to 0.9 for leads quiet more than 20 days, and otherwise calls.
 */
public final class SloppyPolicy implements Policy {
    @Override
    public String name() {
        return "sloppy";
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        throw new UnsupportedOperationException("decides with its context");
    }

    @Override
    public Decision decide(DecisionContext context, CaseSnapshot snapshot, List<Action> allowedActions) {
        if (context.rule().equals("inbound_reply")) {
            return Decision.of("fax");
        }
        if (snapshot.get("days_since_last_contact") instanceof Number days && days.doubleValue() > 20) {
            return Decision.of("make_call").withProbabilities(Map.of("make_call", 0.5, "wait", 0.4));
        }
        return Decision.of("make_call");
    }
}
