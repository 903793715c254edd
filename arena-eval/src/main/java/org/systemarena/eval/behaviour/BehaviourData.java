package org.systemarena.eval.behaviour;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.systemarena.core.ArenaException;

/**
 * What a behaviour model learns from, one entry per step (decision point): the step's case (the unit of
 * cross-fitting; a case's steps need not be contiguous), its decision rule, the logged action ({@link #NO_ACTION}
 * when the log has none) and the snapshot features. Validated and copied in, so it is immutable.
 */
public final class BehaviourData {
    /** The logged-action code of a step whose log has no action. */
    public static final int NO_ACTION = -1;

    private final int cases;
    private final int[] caseOf;
    private final int[] rule;
    private final List<String> rules;
    private final int[] loggedAction;
    private final List<String> actions;
    private final List<FeatureColumn> features;

    private BehaviourData(int cases, int[] caseOf, int[] rule, List<String> rules, int[] loggedAction,
            List<String> actions, List<FeatureColumn> features) {
        this.cases = cases;
        this.caseOf = caseOf;
        this.rule = rule;
        this.rules = rules;
        this.loggedAction = loggedAction;
        this.actions = actions;
        this.features = features;
    }

    /**
     * @param cases        number of cases; {@code caseOf} values are in {@code 0..cases-1}
     * @param caseOf       per step, its case
     * @param rule         per step, an index into {@code rules}
     * @param loggedAction per step, an index into {@code actions}, or {@link #NO_ACTION}
     * @param features     per feature, one value per step; names distinct
     */
    public static BehaviourData of(int cases, int[] caseOf, List<String> rules, int[] rule, List<String> actions,
            int[] loggedAction, List<? extends FeatureColumn> features) {
        Objects.requireNonNull(caseOf, "caseOf");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(loggedAction, "loggedAction");
        List<String> ruleNames = distinct("rule", rules);
        List<String> actionNames = distinct("action", actions);
        List<FeatureColumn> columns = List.copyOf(features);
        if (cases < 0) {
            throw new ArenaException("behaviour data: cases must be >= 0, got " + cases);
        }
        int steps = caseOf.length;
        sameLength("rule", rule.length, steps);
        sameLength("loggedAction", loggedAction.length, steps);
        Set<String> featureNames = new HashSet<>();
        for (FeatureColumn f : columns) {
            if (!featureNames.add(f.name())) {
                throw new ArenaException("behaviour data: feature name '" + f.name() + "' appears twice");
            }
            if (f.size() != steps) {
                throw new ArenaException("behaviour data: feature '" + f.name() + "' has " + f.size()
                        + " values but there are " + steps + " steps (caseOf has " + steps + " entries)");
            }
        }
        for (int s = 0; s < steps; s++) {
            inRange(s, "case", caseOf[s], 0, cases, "cases = " + cases);
            inRange(s, "rule", rule[s], 0, ruleNames.size(), "rules " + ruleNames);
            inRange(s, "logged action", loggedAction[s], NO_ACTION, actionNames.size(),
                    "actions " + actionNames + ", -1 = no action");
        }
        return new BehaviourData(cases, caseOf.clone(), rule.clone(), ruleNames, loggedAction.clone(), actionNames,
                columns);
    }

    private static List<String> distinct(String what, List<String> names) {
        List<String> copy = List.copyOf(names);
        Set<String> seen = new HashSet<>();
        for (String n : copy) {
            if (!seen.add(n)) {
                throw new ArenaException("behaviour data: " + what + " '" + n + "' appears twice");
            }
        }
        return copy;
    }

    private static void sameLength(String name, int length, int steps) {
        if (length != steps) {
            throw new ArenaException("behaviour data: " + name + " has " + length + " entries but caseOf has "
                    + steps + " (one per step)");
        }
    }

    private static void inRange(int step, String what, int value, int from, int to, String context) {
        if (value < from || value >= to) {
            throw new ArenaException("behaviour data: step " + step + " has " + what + " " + value + ", outside "
                    + from + ".." + (to - 1) + " (" + context + ")");
        }
    }

    public int steps() {
        return caseOf.length;
    }

    public int cases() {
        return cases;
    }

    public int caseOf(int step) {
        return caseOf[step];
    }

    public int rule(int step) {
        return rule[step];
    }

    public int loggedAction(int step) {
        return loggedAction[step];
    }

    public List<String> rules() {
        return rules;
    }

    public List<String> actions() {
        return actions;
    }

    public List<FeatureColumn> features() {
        return features;
    }
}
