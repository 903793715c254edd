package org.systemarena.eval;

import java.util.Arrays;
import java.util.List;
import org.systemarena.eval.conversion.LoggedDecisions;
import org.systemarena.policy.Decision;
import org.systemarena.replay.TraceTable;

/** A run's trace tables as the conversion analysis reads them: the log side once, each policy's probabilities. */
final class TraceDecisions {
    private TraceDecisions() {
    }

    /**
     * The decision points of a run (every table of a run shares them), reward 1 where the case outcome is positive.
     *
     * @param actionMap the table's action codes onto {@code actions}
     */
    static LoggedDecisions of(TraceTable table, int[] actionMap, List<String> actions, TraceFeatures features) {
        int cases = table.caseCount();
        int[] caseStart = new int[cases + 1];
        String[] ids = new String[cases];
        double[] reward = new double[cases];
        for (int c = 0; c < cases; c++) {
            caseStart[c + 1] = table.caseStart(c + 1);
            ids[c] = table.caseId(c);
            reward[c] = table.caseOutcome(c).isPositive() ? 1.0 : 0.0;
        }
        int n = table.size();
        int[] rule = new int[n];
        int[] logged = new int[n];
        double[] propensity = new double[n];
        for (int row = 0; row < n; row++) {
            rule[row] = table.ruleIndex(row);
            logged[row] = ActionOrder.code(actionMap, table.loggedActionCode(row));
            propensity[row] = table.loggedPropensity(row);
        }
        return LoggedDecisions.of(actions, table.rules(), caseStart, ids, reward, rule, logged, propensity,
                distributions(table, actions), features.columns());
    }

    /** The logged distributions, decision point x action; null when no row has one. */
    private static double[] distributions(TraceTable table, List<String> actions) {
        int n = table.size();
        int m = actions.size();
        double[] out = null;
        int[] code = new int[m];
        for (int a = 0; a < m; a++) {
            code[a] = table.actions().indexOf(actions.get(a));
        }
        for (int row = 0; row < n; row++) {
            if (!table.hasLoggedDistribution(row)) {
                continue;
            }
            if (out == null) {
                out = new double[n * m];
                Arrays.fill(out, Double.NaN);
            }
            for (int a = 0; a < m; a++) {
                out[row * m + a] = code[a] < 0 ? 0.0 : table.loggingDistribution(row, code[a]);
            }
        }
        return out;
    }

    /** A policy's probabilities, decision point x action; a row of NaN where an error voided its decision. */
    static double[] targetProbabilities(TraceTable t, List<String> actions) {
        int m = actions.size();
        int n = t.size();
        double[] pi = new double[n * m];
        for (int row = 0; row < n; row++) {
            Decision d = t.decision(row);
            int o = row * m;
            if (d == null) {
                Arrays.fill(pi, o, o + m, Double.NaN);
                continue;
            }
            for (int a = 0; a < m; a++) {
                pi[o + a] = d.probabilityOf(actions.get(a));
            }
        }
        return pi;
    }
}
