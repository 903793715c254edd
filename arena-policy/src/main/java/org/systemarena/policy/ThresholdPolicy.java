package org.systemarena.policy;

import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.CaseSnapshot;

/**
 * Acts on one numeric snapshot value against a threshold (see {@link ThresholdConfig}). Its score is the value
 * itself, so a higher value ranks a decision point higher for Precision@K (missing values rank last).
 */
public final class ThresholdPolicy implements Policy {
    private final ThresholdConfig config;

    public ThresholdPolicy(ThresholdConfig config) {
        this.config = config;
    }

    public static ThresholdPolicy of(String field, double threshold, String actionAbove, String actionBelow) {
        return new ThresholdPolicy(new ThresholdConfig(field, threshold, actionAbove, actionBelow));
    }

    public ThresholdConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "threshold:" + config.field();
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        Object value = snapshot.get(config.field());
        if (value == null) {
            return Decision.of(config.actionBelow()).withScore(Double.NEGATIVE_INFINITY)
                    .withReasoning(config.field() + " is missing -> " + config.actionBelow());
        }
        if (!(value instanceof Number number)) {
            throw new ArenaException("threshold field '" + config.field() + "' is not numeric: "
                    + value.getClass().getSimpleName() + " '" + value + "'");
        }
        double v = number.doubleValue();
        boolean above = v > config.threshold();
        String action = above ? config.actionAbove() : config.actionBelow();
        return Decision.of(action).withScore(v)
                .withReasoning(config.field() + " = " + v + (above ? " > " : " <= ") + config.threshold()
                        + " -> " + action);
    }
}
