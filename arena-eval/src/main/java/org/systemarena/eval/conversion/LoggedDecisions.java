package org.systemarena.eval.conversion;

import java.util.Arrays;
import java.util.List;
import org.systemarena.core.ArenaException;
import org.systemarena.eval.behaviour.BehaviourData;
import org.systemarena.eval.behaviour.FeatureColumn;

/**
 * The log side of an off-policy evaluation, in columns: cases and their outcomes, each case's decision points in
 * case order, the action the log took at each (with its logged propensity, and the logging policy's whole action
 * distribution when the log has it). Every target policy is judged against the same one. Actions and rules are
 * indices into {@link #actions()} and {@link #rules()}; the arrays are copied in and never handed out.
 */
public final class LoggedDecisions {
    private final List<String> actions;
    private final List<String> rules;
    private final int[] caseStart;
    private final String[] caseIds;
    private final double[] reward;
    private final int[] rule;
    private final int[] loggedAction;
    private final double[] loggedPropensity;
    private final double[] distribution;
    private final List<FeatureColumn> features;

    private LoggedDecisions(List<String> actions, List<String> rules, int[] caseStart, String[] caseIds,
                            double[] reward, int[] rule, int[] loggedAction, double[] loggedPropensity,
                            double[] distribution, List<FeatureColumn> features) {
        this.actions = actions;
        this.rules = rules;
        this.caseStart = caseStart;
        this.caseIds = caseIds;
        this.reward = reward;
        this.rule = rule;
        this.loggedAction = loggedAction;
        this.loggedPropensity = loggedPropensity;
        this.distribution = distribution;
        this.features = features;
    }

    /**
     * @param actions          the action space (one column per action)
     * @param rules            decision rule names
     * @param caseStart        case c's decision points are [caseStart[c], caseStart[c + 1]); the last entry is the
     *                         number of decision points; every case has at least one
     * @param caseIds          per case, its id
     * @param reward           per case, its outcome in [0, 1] (1 = positive)
     * @param rule             per decision point, its rule
     * @param loggedAction     per decision point, the action the log took, or -1 when it has none
     * @param loggedPropensity per decision point, the logged probability of that action; NaN when absent
     * @param distribution     decision point x action, the logging policy's probability of each action as logged; a
     *                         row of NaN where the log has none; null when the log never has one
     * @param features         snapshot features per decision point, for the behaviour model (may be empty)
     */
    public static LoggedDecisions of(List<String> actions, List<String> rules, int[] caseStart, String[] caseIds,
                                     double[] reward, int[] rule, int[] loggedAction, double[] loggedPropensity,
                                     double[] distribution, List<? extends FeatureColumn> features) {
        List<String> a = List.copyOf(actions);
        List<String> r = List.copyOf(rules);
        int cases = caseIds.length;
        if (caseStart.length != cases + 1 || reward.length != cases) {
            throw new ArenaException("logged decisions: " + cases + " case ids but " + (caseStart.length - 1)
                    + " case starts and " + reward.length + " rewards");
        }
        int n = rule.length;
        if (loggedAction.length != n || loggedPropensity.length != n) {
            throw new ArenaException("logged decisions: " + n + " rules but " + loggedAction.length
                    + " logged actions and " + loggedPropensity.length + " propensities");
        }
        if (caseStart[0] != 0 || caseStart[cases] != n) {
            throw new ArenaException("logged decisions: case starts must run from 0 to " + n);
        }
        for (int c = 0; c < cases; c++) {
            if (caseStart[c + 1] <= caseStart[c]) {
                throw new ArenaException("logged decisions: case '" + caseIds[c] + "' has no decision point");
            }
            if (!(reward[c] >= 0.0 && reward[c] <= 1.0)) {
                throw new ArenaException("logged decisions: case '" + caseIds[c] + "': reward must be in [0, 1], got "
                        + reward[c]);
            }
        }
        for (int s = 0; s < n; s++) {
            if (rule[s] < 0 || rule[s] >= r.size()) {
                throw new ArenaException("logged decisions: decision point " + s + ": rule " + rule[s]
                        + " is not one of the " + r.size() + " rules");
            }
            if (loggedAction[s] < -1 || loggedAction[s] >= a.size()) {
                throw new ArenaException("logged decisions: decision point " + s + ": action " + loggedAction[s]
                        + " is not one of the " + a.size() + " actions (or -1 for none)");
            }
        }
        if (distribution != null && distribution.length != (long) n * a.size()) {
            throw new ArenaException("logged decisions: the distribution has " + distribution.length
                    + " entries, expected " + n + " decision points x " + a.size() + " actions");
        }
        List<FeatureColumn> f = List.copyOf(features);
        for (FeatureColumn c : f) {
            if (c.size() != n) {
                throw new ArenaException("logged decisions: feature '" + c.name() + "' has " + c.size()
                        + " values for " + n + " decision points");
            }
        }
        return new LoggedDecisions(a, r, caseStart.clone(), caseIds.clone(), reward.clone(), rule.clone(),
                loggedAction.clone(), loggedPropensity.clone(), distribution == null ? null : distribution.clone(), f);
    }

    public List<String> actions() {
        return actions;
    }

    public List<String> rules() {
        return rules;
    }

    public int cases() {
        return caseIds.length;
    }

    public int caseStart(int c) {
        return caseStart[c];
    }

    public String caseId(int c) {
        return caseIds[c];
    }

    public double reward(int c) {
        return reward[c];
    }

    /** Decision points. */
    public int size() {
        return rule.length;
    }

    public int rule(int step) {
        return rule[step];
    }

    /** The logged action's index, or -1 when the log has none. */
    public int loggedAction(int step) {
        return loggedAction[step];
    }

    public double loggedPropensity(int step) {
        return loggedPropensity[step];
    }

    /** Whether the log has the logging policy's whole distribution at this decision point. */
    public boolean hasDistribution(int step) {
        return distribution != null && !Double.isNaN(distribution[step * actions.size()]);
    }

    /** The logged distribution's probability of {@code action}; NaN when the log has none here. */
    public double distribution(int step, int action) {
        return distribution == null ? Double.NaN : distribution[step * actions.size() + action];
    }

    /** Snapshot features per decision point, for the behaviour model. */
    public List<FeatureColumn> features() {
        return features;
    }

    /** The log's decision points as the behaviour model's input. */
    public BehaviourData behaviourData() {
        return BehaviourData.of(cases(), caseOfSteps(), rules, rule, actions, loggedAction, features);
    }

    /** The case of every decision point (a new array). */
    public int[] caseOfSteps() {
        int[] out = new int[size()];
        for (int c = 0; c < cases(); c++) {
            Arrays.fill(out, caseStart[c], caseStart[c + 1], c);
        }
        return out;
    }
}
