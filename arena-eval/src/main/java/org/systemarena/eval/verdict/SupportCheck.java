package org.systemarena.eval.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.systemarena.core.ArenaException;

/**
 * Measures a target's probability on unsupported actions (see {@link SupportMass}) from columns: one row per
 * decision point, one column per action of the run.
 */
public final class SupportCheck {
    private final List<String> actions;
    private final List<String> rules;
    private final int[] rule;
    private final boolean[] loggedAtRule;
    private final double[] reference;
    private final double floor;
    private final String referenceDescription;

    /**
     * @param actions      the run's actions (column order)
     * @param rules        decision rule names
     * @param rule         per decision point, its rule's index
     * @param loggedAtRule rule x action: whether the log took the action at that rule at least once
     * @param reference    decision point x action: the logging policy's probability of each action (logged or
     *                     modelled); null when only "never logged at this rule" can be told
     * @param floor        behaviour probability below which an action is unsupported, in [0, 1)
     * @param referenceDescription where {@code reference} came from, for reports
     */
    public SupportCheck(List<String> actions, List<String> rules, int[] rule, boolean[] loggedAtRule,
                        double[] reference, double floor, String referenceDescription) {
        this.actions = List.copyOf(actions);
        this.rules = List.copyOf(rules);
        this.rule = rule.clone();
        if (loggedAtRule.length != rules.size() * actions.size()) {
            throw new ArenaException("loggedAtRule has " + loggedAtRule.length + " entries, expected " + rules.size()
                    + " rules x " + actions.size() + " actions");
        }
        if (reference != null && reference.length != (long) rule.length * actions.size()) {
            throw new ArenaException("reference has " + reference.length + " entries, expected " + rule.length
                    + " decision points x " + actions.size() + " actions");
        }
        if (!(floor >= 0.0 && floor < 1.0)) {
            throw new ArenaException("support floor must be in [0, 1), got " + floor);
        }
        this.loggedAtRule = loggedAtRule.clone();
        this.reference = reference == null ? null : reference.clone();
        this.floor = floor;
        this.referenceDescription = referenceDescription;
    }

    public double floor() {
        return floor;
    }

    public String referenceDescription() {
        return referenceDescription;
    }

    /** Whether {@code action} is supported at decision point {@code row}. */
    public boolean supported(int row, int action) {
        if (!loggedAtRule[rule[row] * actions.size() + action]) {
            return false;
        }
        return reference == null || !(reference[row * actions.size() + action] < floor);
    }

    /**
     * The target's unsupported mass.
     *
     * @param target decision point x action: the target's probabilities; a row of NaN where it gave no decision
     */
    public SupportMass measure(double[] target) {
        int m = actions.size();
        if (target.length != (long) rule.length * m) {
            throw new ArenaException("target has " + target.length + " entries, expected " + rule.length
                    + " decision points x " + m + " actions");
        }
        int pairs = rules.size() * m;
        int[] count = new int[pairs];
        double[] mass = new double[pairs];
        boolean[] never = new boolean[pairs];
        int decisions = 0;
        int unsupportedDecisions = 0;
        double total = 0.0;
        for (int row = 0; row < rule.length; row++) {
            int o = row * m;
            if (Double.isNaN(target[o])) {
                continue;
            }
            decisions++;
            double here = 0.0;
            for (int a = 0; a < m; a++) {
                double p = target[o + a];
                if (p > 0.0 && !supported(row, a)) {
                    int k = rule[row] * m + a;
                    count[k]++;
                    mass[k] += p;
                    never[k] = !loggedAtRule[k];
                    here += p;
                }
            }
            if (here > 0.0) {
                unsupportedDecisions++;
                total += here;
            }
        }
        List<UnsupportedAction> used = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            if (count[k] > 0) {
                used.add(new UnsupportedAction(rules.get(k / m), actions.get(k % m), never[k], count[k], mass[k]));
            }
        }
        used.sort(Comparator.comparingDouble(UnsupportedAction::mass).reversed()
                .thenComparing(UnsupportedAction::rule).thenComparing(UnsupportedAction::action));
        return new SupportMass(decisions, decisions == 0 ? 0.0 : total / decisions, unsupportedDecisions, used, floor,
                referenceDescription);
    }
}
