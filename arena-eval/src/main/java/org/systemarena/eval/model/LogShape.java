package org.systemarena.eval.model;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.eval.behaviour.CategoricalFeature;
import org.systemarena.eval.behaviour.DroppedFeature;
import org.systemarena.eval.behaviour.FeatureColumn;
import org.systemarena.eval.behaviour.NumericFeature;
import org.systemarena.eval.conversion.LoggedDecisions;
import org.systemarena.eval.glm.FeatureScreen;

/**
 * What the outcome models need from the log, whatever the target, in primitive arrays: per step its case, whether
 * it is the case's last decision point, its rule and logged action; per case its reward; which actions were logged at
 * which rule; and the features of Q(x, a): the snapshot features, the decision rule and the step index (position in
 * the case), screened once from their values (never the rewards) as the behaviour model screens its features.
 */
final class LogShape {
    static final String RULE_FEATURE = "(decision rule)";
    static final String STEP_FEATURE = "(step index)";

    final int steps;
    final int cases;
    final int actions;
    final List<String> actionNames;
    final List<String> ruleNames;
    final int[] caseStart;
    final int[] caseOf;
    final boolean[] last;
    final int[] rule;
    final int[] logged;
    final double[] reward;
    /** rule x action: logged at least once at the rule. */
    final boolean[] modelled;
    final List<FeatureColumn> features;
    final int[] used;
    final List<DroppedFeature> dropped;

    private LogShape(LoggedDecisions log) {
        steps = log.size();
        cases = log.cases();
        actions = log.actions().size();
        actionNames = log.actions();
        ruleNames = log.rules();
        caseStart = new int[cases + 1];
        caseOf = new int[steps];
        last = new boolean[steps];
        rule = new int[steps];
        logged = new int[steps];
        reward = new double[cases];
        modelled = new boolean[ruleNames.size() * actions];
        double[] position = new double[steps];
        for (int c = 0; c < cases; c++) {
            caseStart[c] = log.caseStart(c);
            reward[c] = log.reward(c);
            int to = log.caseStart(c + 1);
            for (int s = log.caseStart(c); s < to; s++) {
                caseOf[s] = c;
                position[s] = s - log.caseStart(c);
            }
            last[to - 1] = true;
        }
        caseStart[cases] = steps;
        List<Integer> decisions = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            rule[s] = log.rule(s);
            logged[s] = log.loggedAction(s);
            if (logged[s] >= 0) {
                modelled[rule[s] * actions + logged[s]] = true;
                decisions.add(s);
            }
        }
        List<FeatureColumn> all = new ArrayList<>(log.features());
        all.add(new CategoricalFeature(RULE_FEATURE, rule, ruleNames));
        all.add(new NumericFeature(STEP_FEATURE, position));
        features = List.copyOf(all);
        FeatureScreen.Result screen = FeatureScreen.screen(features,
                decisions.stream().mapToInt(Integer::intValue).toArray());
        used = screen.used();
        dropped = screen.dropped();
    }

    static LogShape of(LoggedDecisions log) {
        return new LogShape(log);
    }

    boolean modelled(int step, int action) {
        return modelled[rule[step] * actions + action];
    }

    List<String> usedFeatureNames() {
        List<String> names = new ArrayList<>(used.length);
        for (int f : used) {
            names.add(features.get(f).name());
        }
        return List.copyOf(names);
    }
}
