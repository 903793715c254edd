package org.systemarena.test;

import java.util.List;
import java.util.Map;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.DecisionContext;
import org.systemarena.policy.Policy;

/** docs/testing.md's policy: the example's reps, with a fifth of their probability moved to phone calls. */
public final class MoreCallsPolicy implements Policy {
    private final Policy policy = new SoftenedRepsPolicy(Map.of("reps", "0.8", "toward", "make_call",
            "name", "more-calls"));

    @Override
    public String name() {
        return policy.name();
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        return policy.decide(snapshot, allowedActions);
    }

    @Override
    public Decision decide(DecisionContext context, CaseSnapshot snapshot, List<Action> allowedActions) {
        return policy.decide(context, snapshot, allowedActions);
    }
}
