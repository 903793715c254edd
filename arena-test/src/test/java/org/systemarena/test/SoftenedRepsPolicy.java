package org.systemarena.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.datasets.synthetic.DecisionTrigger;
import org.systemarena.datasets.synthetic.LeadBehaviourPolicy;
import org.systemarena.policy.Decision;
import org.systemarena.policy.DecisionContext;
import org.systemarena.policy.Policy;

/**
 * A policy for the tests, a mixture of the example's logging policy (its reps' probabilities) and the uniform one:
 * with the default share of 0.8 its conversion is estimable and near the reps'; with a small share it is near
 * random's. Options: {@code reps} (the reps' share, default 0.8), {@code toward} (an action
 * that takes the rest, instead of spreading it evenly) and {@code name} (default {@code softened-reps}).
 */
public final class SoftenedRepsPolicy implements Policy {
    private static final List<String> ACTIONS = List.of("send_email", "make_call", "wait", "escalate");

    private final double share;
    private final String name;
    private final String toward;

    public SoftenedRepsPolicy(Map<String, String> options) {
        this.share = Double.parseDouble(options.getOrDefault("reps", "0.8"));
        this.name = options.getOrDefault("name", "softened-reps");
        this.toward = options.get("toward");
    }

    public SoftenedRepsPolicy() {
        this(Map.of());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        throw new UnsupportedOperationException("decides with its context");
    }

    @Override
    public Decision decide(DecisionContext context, CaseSnapshot snapshot, List<Action> allowedActions) {
        DecisionTrigger trigger = context.rule().equals("inbound_reply") ? DecisionTrigger.INBOUND_INTERACTION
                : DecisionTrigger.FOLLOW_UP_CHECK;
        double days = snapshot.get("days_since_last_contact") instanceof Number n ? n.doubleValue() : 0;
        long budget = snapshot.get("budget") instanceof Number n ? n.longValue() : 0;
        double[] reps = LeadBehaviourPolicy.probabilities(trigger, days, budget);
        Map<String, Double> p = new LinkedHashMap<>();
        for (int i = 0; i < ACTIONS.size(); i++) {
            double rest = toward == null ? 1.0 / ACTIONS.size() : ACTIONS.get(i).equals(toward) ? 1.0 : 0.0;
            p.put(ACTIONS.get(i), share * reps[i] + (1 - share) * rest);
        }
        double u = Math.floorMod((snapshot.caseId() + snapshot.asOf()).hashCode() * 2654435761L, 1_000_003L)
                / 1_000_003.0;
        String chosen = ACTIONS.get(ACTIONS.size() - 1);
        double cumulative = 0;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            cumulative += e.getValue();
            if (u < cumulative) {
                chosen = e.getKey();
                break;
            }
        }
        return Decision.of(chosen).withProbabilities(p);
    }
}
