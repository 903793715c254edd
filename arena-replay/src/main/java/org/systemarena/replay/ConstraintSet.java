package org.systemarena.replay;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.core.ArenaException;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.Timestamps;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.decision.expr.Bindings;
import org.systemarena.decision.expr.Expression;
import org.systemarena.policy.Decision;

/**
 * The manifest's constraints, compiled once. A rule sees every snapshot name plus {@code action_type},
 * {@code action.params.<name>} and {@code policy_actions('type', days)}: how many times this policy chose that action
 * earlier in this case within the last {@code days} days (the current decision not included).
 */
final class ConstraintSet {
    static final String ACTION_TYPE = "action_type";
    static final String ACTION_PARAMS = "action.params.";
    static final String POLICY_ACTIONS = "policy_actions";

    private final List<ConstraintSpec> specs;
    private final Expression[] rules;

    ConstraintSet(List<ConstraintSpec> specs) {
        this.specs = List.copyOf(specs);
        this.rules = new Expression[specs.size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = Expression.parse(specs.get(i).rule(), specs.get(i).rulePosition());
        }
    }

    List<ConstraintSpec> specs() {
        return specs;
    }

    /**
     * Evaluates every constraint on the decision in {@code row}, setting a violation bit per constraint that held;
     * returns the evaluation failures, or null when there were none (the common case allocates nothing else).
     */
    List<DecisionError> evaluate(CaseSnapshot snapshot, Decision decision, PolicyHistory history, long nowMicros,
                                 PolicyColumns out, int row) {
        if (rules.length == 0) {
            return null;
        }
        DecisionBindings bindings = new DecisionBindings(snapshot, decision, history, nowMicros);
        List<DecisionError> errors = null;
        for (int i = 0; i < rules.length; i++) {
            try {
                if (rules[i].test(bindings)) {
                    out.violate(row, i);
                }
            } catch (ArenaException e) {
                if (errors == null) {
                    errors = new ArrayList<>(1);
                }
                errors.add(new DecisionError(DecisionError.Kind.CONSTRAINT_ERROR,
                        "constraint '" + specs.get(i).name() + "': " + e.getMessage()));
            }
        }
        return errors;
    }

    private record DecisionBindings(CaseSnapshot snapshot, Decision decision, PolicyHistory history, long nowMicros)
            implements Bindings {
        @Override
        public Object get(String name) {
            if (ACTION_TYPE.equals(name)) {
                return decision.action();
            }
            if (name.startsWith(ACTION_PARAMS)) {
                return decision.params().get(name.substring(ACTION_PARAMS.length()));
            }
            return snapshot.get(name);
        }

        @Override
        public Object call(String function, List<Object> args) {
            if (!POLICY_ACTIONS.equals(function)) {
                return Bindings.super.call(function, args);
            }
            if (args.size() != 2 || !(args.get(0) instanceof String type) || !(args.get(1) instanceof Number days)) {
                throw new ArenaException("policy_actions takes ('action type', days), got " + args);
            }
            double d = days.doubleValue();
            if (!(d >= 0)) {
                throw new ArenaException("policy_actions days must be >= 0, got " + days);
            }
            long window = (long) Math.min(Long.MAX_VALUE / 2.0, d * Timestamps.MICROS_PER_DAY);
            return history.count(type, nowMicros, window);
        }
    }
}
