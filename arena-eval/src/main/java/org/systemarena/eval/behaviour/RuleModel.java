package org.systemarena.eval.behaviour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cross-fits one decision rule: per fold, a model fitted on the rule's decisions in the other folds scores the rule's
 * steps in that fold, and writes their probabilities into the shared steps x actions matrix.
 */
final class RuleModel {
    /**
     * A last-resort floor for a modelled action's probability: clamping keeps the z-values inside the training range
     * and the pseudo-counts keep every intercept finite, so no realistic fit underflows; this only makes "positive"
     * a guarantee rather than an expectation.
     */
    private static final double FLOOR = Double.MIN_NORMAL;

    private RuleModel() {
    }

    /**
     * @param steps      the rule's steps, ascending
     * @param foldOfStep every step's fold (all 0 when there is a single fold)
     * @param out        steps x actions, written at the rule's steps
     */
    static RuleDiagnostics fit(BehaviourData data, BehaviourSettings settings, int rule, int[] steps,
            int[] foldOfStep, int folds, double[] out) {
        String name = data.rules().get(rule);
        int actionCount = data.actions().size();
        boolean[] logged = new boolean[actionCount];
        int decisionCount = 0;
        for (int s : steps) {
            int a = data.loggedAction(s);
            if (a != BehaviourData.NO_ACTION) {
                logged[a] = true;
                decisionCount++;
            }
        }
        int[] decisions = new int[decisionCount];
        int d = 0;
        for (int s : steps) {
            if (data.loggedAction(s) != BehaviourData.NO_ACTION) {
                decisions[d++] = s;
            }
        }
        // The rule's classes: its logged actions in action order; classOf maps back, -1 for the others.
        List<String> classNames = new ArrayList<>();
        int[] classOf = new int[actionCount];
        int[] classAction = new int[actionCount];
        int classes = 0;
        for (int a = 0; a < actionCount; a++) {
            classOf[a] = logged[a] ? classes : -1;
            if (logged[a]) {
                classAction[classes++] = a;
                classNames.add(data.actions().get(a));
            }
        }
        if (classes == 0) {
            return new RuleDiagnostics(name, RuleDiagnostics.Status.NO_LOGGED_ACTION, steps.length, 0, List.of(),
                    List.of(), List.of(), 0, List.of(), false, Double.NaN, Double.NaN, List.of());
        }
        if (classes == 1) {
            for (int s : steps) {
                out[s * actionCount + classAction[0]] = 1.0;
            }
            return new RuleDiagnostics(name, RuleDiagnostics.Status.SINGLE_ACTION, steps.length, decisions.length,
                    classNames, List.of(), List.of(), 0, List.of(), false, 0.0, 0.0,
                    List.of(new ActionCalibration(classNames.get(0), 1.0, 1.0, 0.0)));
        }

        List<FeatureColumn> features = data.features();
        FeatureScreen.Result screen = FeatureScreen.screen(features, decisions);
        int[] widths = new int[features.size()];
        List<FoldConvergence> fits = new ArrayList<>();
        OutOfFoldScore score = new OutOfFoldScore(classes);
        for (int f = 0; f < folds; f++) {
            int[] held = select(steps, foldOfStep, f, true, folds);
            if (held.length == 0) {
                continue;
            }
            int[] training = select(decisions, foldOfStep, f, false, folds);
            double[] frequencies = frequencies(data, training, classOf, classes, settings.smoothing());
            double[] p = new double[held.length * classes];
            if (training.length == 0) {
                Arrays.fill(p, 1.0 / classes);
                fits.add(new FoldConvergence(f, 0, 0, 0, 0, 0.0, true));
            } else {
                int[] used = training.length > settings.maxTrainingRows()
                        ? evenlySpread(training, settings.maxTrainingRows()) : training;
                Encoder encoder = Encoder.fit(features, screen.used(), used, settings.quantileBins(),
                        settings.maxLevels());
                for (int q = 0; q < widths.length; q++) {
                    widths[q] = Math.max(widths[q], encoder.width(q));
                }
                int[] y = new int[used.length];
                for (int i = 0; i < used.length; i++) {
                    y[i] = classOf[data.loggedAction(used[i])];
                }
                // Each used row stands for training/used decisions; the pseudo-counts are spread over them.
                MultinomialLogit.Objective objective = new MultinomialLogit.Objective(
                        (double) training.length / used.length, settings.smoothing() / used.length, settings.l2());
                MultinomialLogit.Result result = MultinomialLogit.fit(encoder.encode(used), y, classes, objective);
                result.probabilities(encoder.encode(held), p);
                fits.add(new FoldConvergence(f, training.length, used.length, encoder.columns(),
                        result.iterations(), result.gradientNorm(), result.converged()));
            }
            for (int i = 0; i < held.length; i++) {
                int s = held[i];
                for (int k = 0; k < classes; k++) {
                    double v = Math.max(FLOOR, p[i * classes + k]);
                    p[i * classes + k] = v;
                    out[s * actionCount + classAction[k]] = v;
                }
                int a = data.loggedAction(s);
                if (a != BehaviourData.NO_ACTION) {
                    score.add(classOf[a], p, i * classes, frequencies);
                }
            }
        }

        List<FeatureUse> used = new ArrayList<>();
        List<DroppedFeature> dropped = new ArrayList<>(screen.dropped());
        for (int q : screen.used()) {
            FeatureColumn c = features.get(q);
            if (widths[q] > 0) {
                used.add(new FeatureUse(c.name(), c.kind(), widths[q]));
            } else {
                dropped.add(new DroppedFeature(c.name(), "constant in the training rows of every fold"));
            }
        }
        boolean subsampled = fits.stream().anyMatch(FoldConvergence::subsampled);
        return new RuleDiagnostics(name, RuleDiagnostics.Status.MODELLED, steps.length, decisions.length,
                classNames, used, dropped, fits.size(), fits, subsampled, score.logLoss(), score.frequencyLogLoss(),
                score.calibration(classNames));
    }

    /** The steps in fold {@code f} ({@code inFold}) or outside it; with one fold, every step is both. */
    private static int[] select(int[] steps, int[] foldOfStep, int f, boolean inFold, int folds) {
        if (folds == 1) {
            return steps;
        }
        int n = 0;
        for (int s : steps) {
            if ((foldOfStep[s] == f) == inFold) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int s : steps) {
            if ((foldOfStep[s] == f) == inFold) {
                out[n++] = s;
            }
        }
        return out;
    }

    /** The per-rule frequency model of these training decisions: {@code (n_k + alpha) / (n + alpha K)}. */
    private static double[] frequencies(BehaviourData data, int[] training, int[] classOf, int classes,
            double smoothing) {
        double[] count = new double[classes];
        for (int s : training) {
            count[classOf[data.loggedAction(s)]]++;
        }
        double total = training.length + smoothing * classes;
        for (int k = 0; k < classes; k++) {
            count[k] = (count[k] + smoothing) / total;
        }
        return count;
    }

    private static int[] evenlySpread(int[] rows, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = rows[Design.evenlySpreadRow(i, count, rows.length)];
        }
        return out;
    }
}
