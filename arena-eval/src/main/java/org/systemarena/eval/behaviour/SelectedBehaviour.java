package org.systemarena.eval.behaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The behaviour model a log's estimates use: per decision rule, the state-aware model when its features improve the
 * out-of-fold log loss over the rule's logged action frequencies, else those frequencies (the same model without
 * features). Features that do not predict the logged action only add noise to the probabilities, and that noise
 * matters most where it is worst: small probabilities of rare actions, which become large weights and decide
 * whether an action counts as supported. Both candidates are cross-fitted on the same folds, so the choice is made
 * on held-out cases.
 * Immutable.
 */
public final class SelectedBehaviour {
    private final BehaviourFit fit;
    /** The fit without features; null when the state-aware fit won at every rule. */
    private final BehaviourFit frequencies;
    private final List<String> frequencyRules;
    private final boolean[] useFrequencies;
    private final int[] ruleOfStep;

    private SelectedBehaviour(BehaviourFit fit, BehaviourFit frequencies, List<String> frequencyRules,
                              boolean[] useFrequencies, int[] ruleOfStep) {
        this.fit = Objects.requireNonNull(fit, "fit");
        this.frequencies = frequencies;
        this.frequencyRules = List.copyOf(frequencyRules);
        this.useFrequencies = useFrequencies;
        this.ruleOfStep = ruleOfStep;
    }

    /** The state-aware fit, with its diagnostics. */
    public BehaviourFit stateAware() {
        return fit;
    }

    /** The rules whose probabilities are their logged action frequencies instead. */
    public List<String> frequencyRules() {
        return frequencyRules;
    }

    public static SelectedBehaviour fit(BehaviourData data, BehaviourSettings settings) {
        BehaviourFit full = CrossFittedBehaviourModel.fit(data, settings);
        List<RuleDiagnostics> rules = full.diagnostics().rules();
        boolean[] use = new boolean[rules.size()];
        List<String> names = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            RuleDiagnostics d = rules.get(r);
            if (d.status() == RuleDiagnostics.Status.MODELLED && !d.features().isEmpty()
                    && !(d.logLoss() < d.frequencyLogLoss())) {
                use[r] = true;
                names.add(d.rule());
            }
        }
        int[] ruleOfStep = new int[data.steps()];
        for (int s = 0; s < ruleOfStep.length; s++) {
            ruleOfStep[s] = data.rule(s);
        }
        if (names.isEmpty()) {
            return new SelectedBehaviour(full, null, List.of(), use, ruleOfStep);
        }
        BehaviourData plain = BehaviourData.of(data.cases(), caseOf(data), data.rules(), ruleOfStep, data.actions(),
                logged(data), List.of());
        return new SelectedBehaviour(full, CrossFittedBehaviourModel.fit(plain, settings), names, use, ruleOfStep);
    }

    /** mu(action | step), from the model chosen for the step's rule. */
    public double probability(int step, int action) {
        return useFrequencies[ruleOfStep[step]] ? frequencies.probability(step, action) : fit.probability(step, action);
    }

    /** One sentence for reports. */
    public String describe() {
        if (frequencyRules.isEmpty()) {
            return fit.describe();
        }
        return fit.describe() + "; at " + (frequencyRules.size() == 1 ? "rule " : "rules ")
                + String.join(", ", frequencyRules) + " the features did not improve the out-of-fold log loss, so"
                + " the logged action frequencies are used there";
    }

    private static int[] caseOf(BehaviourData d) {
        int[] out = new int[d.steps()];
        for (int s = 0; s < out.length; s++) {
            out[s] = d.caseOf(s);
        }
        return out;
    }

    private static int[] logged(BehaviourData d) {
        int[] out = new int[d.steps()];
        for (int s = 0; s < out.length; s++) {
            out[s] = d.loggedAction(s);
        }
        return out;
    }
}
