package org.systemarena.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.systemarena.eval.estimate.EmpiricalBehaviourModel;
import org.systemarena.eval.estimate.Episode;
import org.systemarena.eval.estimate.PropensitySource;
import org.systemarena.eval.verdict.SupportCheck;
import org.systemarena.replay.TraceTable;

/**
 * What the conversion estimates of every policy share, read once from the run's decision points: the action space
 * (one column per action), each decision point's rule and logged action, which actions the log took at each rule,
 * the logging policy's probability of the logged action (logged, or from a behaviour model) and the support check.
 */
final class LogSide {
    final List<String> actions;
    final List<String> rules;
    final TraceTable table;
    final int rows;
    final int[] rule;
    /** Per row, the logged action's column, or -1 when the log has none. */
    final int[] logged;
    /** Rule x action: whether the log took the action at that rule at least once. */
    final boolean[] loggedAtRule;
    /** Per row, mu of the logged action: logged or estimated; NaN when no action was logged. */
    final double[] mu;
    final PropensitySource source;
    final SupportCheck support;

    private LogSide(List<String> actions, TraceTable table, int[] logged, double[] mu, PropensitySource source,
                    double floor) {
        this.actions = List.copyOf(actions);
        this.rules = table.rules();
        this.table = table;
        this.rows = table.size();
        this.rule = new int[rows];
        this.logged = logged;
        this.loggedAtRule = new boolean[rules.size() * actions.size()];
        for (int row = 0; row < rows; row++) {
            rule[row] = table.ruleIndex(row);
            if (logged[row] >= 0) {
                loggedAtRule[rule[row] * actions.size() + logged[row]] = true;
            }
        }
        this.mu = mu;
        this.source = source;
        this.support = new SupportCheck(actions, rules, rule, loggedAtRule, null, floor,
                "actions never logged at a decision rule");
    }

    /**
     * @param actionMap the table's action codes onto {@code actions}
     * @param allowed   per rule name, how many actions it allows (the frequency model's smoothing denominator)
     */
    static LogSide of(TraceTable table, int[] actionMap, List<String> actions, Map<String, Integer> allowed,
                      EvaluationConfig config) {
        int n = table.size();
        int[] logged = new int[n];
        int loggedCount = 0;
        int missing = 0;
        int invalid = 0;
        for (int row = 0; row < n; row++) {
            logged[row] = ActionOrder.code(actionMap, table.loggedActionCode(row));
            if (logged[row] < 0) {
                continue;
            }
            loggedCount++;
            double p = table.loggedPropensity(row);
            if (Double.isNaN(p)) {
                missing++;
            } else if (!(p > 0.0 && p <= 1.0)) {
                invalid++;
            }
        }
        double floor = config.verdict().supportFloor();
        double[] mu = new double[n];
        if (!config.estimateBehaviour() && missing == 0 && invalid == 0) {
            for (int row = 0; row < n; row++) {
                mu[row] = logged[row] < 0 ? Double.NaN : table.loggedPropensity(row);
            }
            return new LogSide(actions, table, logged, mu, PropensitySource.LOGGED, floor);
        }
        int fallback = Math.max(1, allowed.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        TableSteps steps = new TableSteps(table, allowed, fallback);
        EmpiricalBehaviourModel model = EmpiricalBehaviourModel.fit(steps, config.behaviourSmoothing());
        for (int row = 0; row < n; row++) {
            mu[row] = logged[row] < 0 ? Double.NaN : model.propensity(steps.stateKey(row), steps.loggedAction(row));
        }
        String why = config.estimateBehaviour() ? model.describe() : "of " + loggedCount + " logged decisions, "
                + missing + " lack a propensity and " + invalid + " have one outside (0, 1]; used for all decisions: "
                + model.describe();
        return new LogSide(actions, table, logged, mu, PropensitySource.estimated(why), floor);
    }

    /**
     * One episode per case from a target's probabilities ({@code pi}: row x action, a NaN row where it decided
     * nothing); a logging policy's probability of the logged action is mu itself, so its weights are all 1.
     */
    List<Episode> episodes(double[] pi, boolean loggingPolicy) {
        int m = actions.size();
        List<Episode> out = new ArrayList<>(table.caseCount());
        for (int c = 0; c < table.caseCount(); c++) {
            int from = table.caseStart(c);
            int k = table.caseStart(c + 1) - from;
            double[] p = new double[k];
            double[] q = new double[k];
            for (int i = 0; i < k; i++) {
                int row = from + i;
                int a = logged[row];
                double target = a < 0 ? Double.NaN : pi[row * m + a];
                q[i] = mu[row];
                boolean valid = !Double.isNaN(target) && mu[row] > 0.0 && mu[row] <= 1.0;
                p[i] = loggingPolicy && valid ? mu[row] : target;
            }
            out.add(Episode.of(table.caseId(c), table.caseOutcome(c).isPositive() ? 1.0 : 0.0, p, q));
        }
        return out;
    }

    /** A target's probabilities, row x action; a row of NaN where an error voided its decision. */
    double[] targetProbabilities(TraceTable t) {
        int m = actions.size();
        double[] pi = new double[rows * m];
        for (int row = 0; row < rows; row++) {
            org.systemarena.policy.Decision d = t.decision(row);
            int o = row * m;
            if (d == null) {
                java.util.Arrays.fill(pi, o, o + m, Double.NaN);
                continue;
            }
            for (int a = 0; a < m; a++) {
                pi[o + a] = d.probabilityOf(actions.get(a));
            }
        }
        return pi;
    }
}
