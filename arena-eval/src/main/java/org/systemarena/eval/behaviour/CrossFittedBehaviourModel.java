package org.systemarena.eval.behaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.systemarena.core.ArenaException;
import org.systemarena.eval.glm.Encoder;
import org.systemarena.eval.glm.FeatureScreen;
import org.systemarena.eval.glm.Folds;
import org.systemarena.eval.glm.MultinomialLogit;

/**
 * A state-aware behaviour model for logs without propensities: per decision rule, a multinomial logistic
 * regression of the logged action on the step's snapshot features, cross-fitted by case, so that every step's
 * probabilities come from a model that never saw its case (a model scoring its own training rows would flatter the
 * logged actions and bias the importance weights). It gives a probability for every action at every step, so it
 * also serves as the reference for support checks.
 *
 * <ul>
 *   <li>Classes per rule: the actions logged there at least once in the whole log; every other action gets exactly
 *       0 at the rule's steps. One logged action: probability 1. None: all 0, and the diagnostics say so.</li>
 *   <li>Folds: cases are shuffled with the seed and dealt into {@code folds} folds (fewer when a fold would get fewer
 *       than 2 cases; with fewer than 2 cases the model is fitted and scored on everything, and the diagnostics say
 *       it is not cross-fitted). Each fold's model is fitted on the rule's decisions in the other folds, at most
 *       {@code maxTrainingRows} of them (an evenly spread subsample above that).</li>
 *   <li>Encoding, learnt per fold from its training rows only: see {@link Encoder}; which features may enter at all is
 *       settled per rule from feature values alone, see {@link FeatureScreen}.</li>
 *   <li>Fit: {@link MultinomialLogit} (Newton's method, L2 {@code l2} on the standardised coefficients).</li>
 *   <li>Rare actions: {@code smoothing} pseudo-decisions per action are spread evenly over each fit's training rows
 *       (each row adds weight {@code smoothing / rows} to every action). An action that a fold's training rows never
 *       took, because it was logged only in the held-out fold, still gets a finite intercept and so a positive
 *       probability at every step; as the data grow, the pseudo-counts' pull fades like additive smoothing's. This
 *       was chosen over a weak penalty on the intercepts because it has a closed form that matches the per-rule
 *       frequency model: a fit without features gives exactly {@code (n_a + smoothing) / (n + smoothing K)}.</li>
 * </ul>
 *
 * <p>Deterministic: the same data and settings give bit-identical probabilities (single-threaded, fixed order).
 *
 * <p>Speed, measured with BehaviourBenchmarkMain (test sources) on the project's 2-core build machine with the JVM
 * pinned to one core: 400,000 steps, 2 rules, 4 actions, 8 numeric and 2 categorical features, 5 folds (10 models of
 * about 160,000 rows and 70 columns each, three full-size Newton steps apiece) take about 5 s in a fresh JVM, JIT
 * compilation included, and about 4 s once warm. The Hessian accumulation is most of it.
 */
public final class CrossFittedBehaviourModel {
    private CrossFittedBehaviourModel() {
    }

    public static BehaviourFit fit(BehaviourData data, BehaviourSettings settings) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settings, "settings");
        int folds = Folds.effective(data.cases(), settings.folds());
        int[] foldOfCase = folds > 1 ? Folds.assign(data.cases(), folds, settings.seed()) : new int[data.cases()];
        int steps = data.steps();
        long cells = (long) steps * data.actions().size();
        if (cells > Integer.MAX_VALUE - 8) {
            throw new ArenaException("behaviour model: " + steps + " steps x " + data.actions().size()
                    + " actions is more probabilities than one fit can hold (" + (Integer.MAX_VALUE - 8) + ")");
        }
        int[] foldOfStep = new int[steps];
        int ruleCount = data.rules().size();
        int[] perRule = new int[ruleCount];
        for (int s = 0; s < steps; s++) {
            foldOfStep[s] = foldOfCase[data.caseOf(s)];
            perRule[data.rule(s)]++;
        }
        int[][] stepsOfRule = new int[ruleCount][];
        for (int r = 0; r < ruleCount; r++) {
            stepsOfRule[r] = new int[perRule[r]];
            perRule[r] = 0;
        }
        for (int s = 0; s < steps; s++) {
            int r = data.rule(s);
            stepsOfRule[r][perRule[r]++] = s;
        }
        double[] probabilities = new double[steps * data.actions().size()];
        List<RuleDiagnostics> rules = new ArrayList<>(ruleCount);
        for (int r = 0; r < ruleCount; r++) {
            rules.add(RuleModel.fit(data, settings, r, stepsOfRule[r], foldOfStep, folds, probabilities));
        }
        return new BehaviourFit(steps, data.actions(), probabilities,
                new BehaviourDiagnostics(rules, folds, folds > 1, settings));
    }
}
