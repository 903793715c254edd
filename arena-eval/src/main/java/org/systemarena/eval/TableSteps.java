package org.systemarena.eval;

import java.util.List;
import java.util.Map;
import org.systemarena.eval.estimate.LoggedSteps;
import org.systemarena.replay.TraceTable;

/**
 * A policy's trace table as logged trajectories for the estimators: one case per replayed case, its decision points
 * as steps (state key = decision rule), reward 1 when the case outcome is positive.
 */
final class TableSteps implements LoggedSteps {
    private final TraceTable table;
    private final int[] allowedByRule;

    /** {@code allowed}: per rule name, how many actions it allows; {@code fallback} for rules not listed. */
    TableSteps(TraceTable table, Map<String, Integer> allowed, int fallback) {
        this.table = table;
        List<String> rules = table.rules();
        allowedByRule = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            allowedByRule[i] = allowed.getOrDefault(rules.get(i), fallback);
        }
    }

    @Override
    public int caseCount() {
        return table.caseCount();
    }

    @Override
    public int caseStart(int c) {
        return table.caseStart(c);
    }

    @Override
    public String caseId(int c) {
        return table.caseId(c);
    }

    @Override
    public double reward(int c) {
        return table.caseOutcome(c).isPositive() ? 1.0 : 0.0;
    }

    @Override
    public String stateKey(int step) {
        return table.rule(step);
    }

    @Override
    public String loggedAction(int step) {
        return table.loggedAction(step);
    }

    @Override
    public int allowedActionCount(int step) {
        return allowedByRule[table.ruleIndex(step)];
    }

    @Override
    public double loggedPropensity(int step) {
        return table.loggedPropensity(step);
    }

    @Override
    public double targetProbability(int step) {
        return table.loggedProbability(step);
    }
}
