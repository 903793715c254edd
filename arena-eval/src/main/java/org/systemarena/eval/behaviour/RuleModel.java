package org.systemarena.eval.behaviour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.systemarena.eval.glm.Design;
import org.systemarena.eval.glm.Encoder;
import org.systemarena.eval.glm.FeatureScreen;
import org.systemarena.eval.glm.MultinomialLogit;

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

    private final BehaviourData data;
    private final BehaviourSettings settings;
    private final int[] foldOfStep;
    private final int folds;
    private final double[] out;
    private final int actionCount;
    /** The rule's classes: its logged actions in action order, and back (-1 for actions not logged there). */
    private final int[] classAction;
    private final int[] classOf;
    private final int classes;

    private RuleModel(BehaviourData data, BehaviourSettings settings, int[] foldOfStep, int folds, double[] out,
            int[] decisions) {
        this.data = data;
        this.settings = settings;
        this.foldOfStep = foldOfStep;
        this.folds = folds;
        this.out = out;
        this.actionCount = data.actions().size();
        boolean[] logged = new boolean[actionCount];
        for (int s : decisions) {
            logged[data.loggedAction(s)] = true;
        }
        classOf = new int[actionCount];
        int[] action = new int[actionCount];
        int k = 0;
        for (int a = 0; a < actionCount; a++) {
            classOf[a] = logged[a] ? k : -1;
            if (logged[a]) {
                action[k++] = a;
            }
        }
        classAction = Arrays.copyOf(action, k);
        classes = k;
    }

    /**
     * @param steps      the rule's steps, ascending
     * @param foldOfStep every step's fold (all 0 when there is a single fold)
     * @param out        steps x actions, written at the rule's steps
     */
    static RuleDiagnostics fit(BehaviourData data, BehaviourSettings settings, int rule, int[] steps,
            int[] foldOfStep, int folds, double[] out) {
        int[] decisions = Arrays.stream(steps).filter(s -> data.loggedAction(s) != BehaviourData.NO_ACTION).toArray();
        return new RuleModel(data, settings, foldOfStep, folds, out, decisions)
                .fit(data.rules().get(rule), steps, decisions);
    }

    private RuleDiagnostics fit(String name, int[] steps, int[] decisions) {
        List<String> classNames = Arrays.stream(classAction).mapToObj(a -> data.actions().get(a)).toList();
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
            int[] held = select(steps, f, true);
            if (held.length > 0) {
                fits.add(fitFold(f, held, select(decisions, f, false), screen.used(), widths, score));
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

    /** Fits fold {@code f}'s model on {@code training}, scores {@code held} with it and tallies the scores. */
    private FoldConvergence fitFold(int f, int[] held, int[] training, int[] features, int[] widths,
            OutOfFoldScore score) {
        double[] p = new double[held.length * classes];
        FoldConvergence convergence;
        if (training.length == 0) {
            // Nothing to learn from: the pseudo-counts alone, i.e. every action of the rule alike.
            Arrays.fill(p, 1.0 / classes);
            convergence = new FoldConvergence(f, 0, 0, 0, 0, 0.0, true);
        } else {
            int[] used = training.length > settings.maxTrainingRows()
                    ? evenlySpread(training, settings.maxTrainingRows()) : training;
            Encoder encoder = Encoder.fit(data.features(), features, used, settings.quantileBins(),
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
            convergence = new FoldConvergence(f, training.length, used.length, encoder.columns(),
                    result.iterations(), result.gradientNorm(), result.converged());
        }
        double[] frequencies = frequencies(training);
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
        return convergence;
    }

    /** The steps in fold {@code f} ({@code inFold}) or outside it; with one fold, every step is both. */
    private int[] select(int[] steps, int f, boolean inFold) {
        if (folds == 1) {
            return steps;
        }
        return Arrays.stream(steps).filter(s -> (foldOfStep[s] == f) == inFold).toArray();
    }

    /** The per-rule frequency model of these training decisions: {@code (n_k + alpha) / (n + alpha K)}. */
    private double[] frequencies(int[] training) {
        double[] count = new double[classes];
        for (int s : training) {
            count[classOf[data.loggedAction(s)]]++;
        }
        double smoothing = settings.smoothing();
        double total = training.length + smoothing * classes;
        for (int k = 0; k < classes; k++) {
            count[k] = (count[k] + smoothing) / total;
        }
        return count;
    }

    private static int[] evenlySpread(int[] rows, int count) {
        int[] picked = new int[count];
        for (int i = 0; i < count; i++) {
            picked[i] = rows[Design.evenlySpreadRow(i, count, rows.length)];
        }
        return picked;
    }
}
