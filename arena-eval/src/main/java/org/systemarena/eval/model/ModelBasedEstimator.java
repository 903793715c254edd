package org.systemarena.eval.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.systemarena.core.ArenaException;
import org.systemarena.eval.conversion.LoggedDecisions;
import org.systemarena.eval.estimate.BootstrapSettings;
import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.estimate.Resampling;
import org.systemarena.eval.glm.Folds;
import org.systemarena.eval.stats.Percentiles;

/**
 * Model-based conversion estimates of target policies over one log (docs/metrics.md, section 9): the direct method
 * by fitted-Q evaluation, per-decision doubly robust and weighted doubly robust, cross-fitted by case, with
 * percentile bootstrap intervals from the shared engine ({@link Resampling}).
 *
 * <p>Built once per log from the log side and mu (the behaviour probability of each logged action, e.g.
 * {@code ConversionAnalysis.mu(step)}; NaN where nothing was logged); then each target is a matrix of its
 * probabilities, decision point x action, a row of NaN where it decided nothing. Its outcome models are fitted once
 * per target, on the whole log, and not refitted per resample: with cross-fitting, a case's terms come from models
 * that never saw it, so given the models they are independent across cases with the target's value as mean (exactly
 * so for DR when mu is right), and resampling the cases is what the interval needs.
 *
 * <p>Deterministic: the folds are fitted on up to {@code bootstrap.threads()} threads, each on its own, and the
 * bootstrap's blocks likewise, so the numbers are identical whatever the thread count. Thread-safe.
 */
public final class ModelBasedEstimator {
    private final LogShape shape;
    private final double[] mu;
    private final ModelSettings settings;
    private final BootstrapSettings bootstrap;
    private final int folds;
    private final int[] foldOfCase;

    private ModelBasedEstimator(LogShape shape, double[] mu, ModelSettings settings, BootstrapSettings bootstrap,
            int folds, int[] foldOfCase) {
        this.shape = shape;
        this.mu = mu;
        this.settings = settings;
        this.bootstrap = bootstrap;
        this.folds = folds;
        this.foldOfCase = foldOfCase;
    }

    /**
     * @param mu per decision point, the behaviour probability of the logged action (copied)
     */
    public static ModelBasedEstimator of(LoggedDecisions log, double[] mu, ModelSettings settings,
            BootstrapSettings bootstrap) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(mu, "mu");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(bootstrap, "bootstrap");
        if (mu.length != log.size()) {
            throw new ArenaException("model-based estimator: " + mu.length + " behaviour probabilities for "
                    + log.size() + " decision points");
        }
        int folds = Folds.effective(log.cases(), settings.folds());
        int[] foldOfCase = folds > 1 ? Folds.assign(log.cases(), folds, settings.seed()) : new int[log.cases()];
        return new ModelBasedEstimator(LogShape.of(log), mu.clone(), settings, bootstrap, folds, foldOfCase);
    }

    public ModelSettings settings() {
        return settings;
    }

    public BootstrapSettings bootstrap() {
        return bootstrap;
    }

    /** A target policy other than the logging policy. */
    public ModelBasedResult evaluate(double[] pi) {
        return evaluate(pi, false);
    }

    /**
     * @param pi            decision point x action, the target's probabilities (not kept)
     * @param loggingPolicy whether the target is the logging policy itself, {@code pi} its distribution (for V and
     *                      DM): its weights are then exactly 1 and DR and WDR its observed mean
     */
    public ModelBasedResult evaluate(double[] pi, boolean loggingPolicy) {
        checkProbabilities(pi);
        TargetSteps target = TargetSteps.of(shape, mu, pi, loggingPolicy);
        double[] q = new double[shape.steps * shape.actions];
        List<FoldFit.Result> fits = fit(target, q);
        double[] constant = new double[folds];
        List<FittedQFold> diagnostics = new ArrayList<>(fits.size());
        for (FoldFit.Result f : fits) {
            constant[f.fold()] = f.constant();
            diagnostics.add(new FittedQFold(f.fold(), f.trainingCases(), Arrays.stream(f.rows()).sum(),
                    f.iterations(), f.converged(), f.lastChange(), f.newtonSteps()));
        }
        int[][] trainingDecisions = new int[folds][];
        for (FoldFit.Result f : fits) {
            trainingDecisions[f.fold()] = f.trainingDecisions();
        }
        OutcomeModelFit fit = new OutcomeModelFit(folds, folds > 1, shape.usedFeatureNames(), shape.dropped,
                settings.maxIterations(), diagnostics);
        return assemble(target, q, constant, trainingDecisions, fit);
    }

    /**
     * The out-of-fold Q values, steps x actions: for the logged action and the actions the target gives probability;
     * NaN elsewhere, where not modelled, and in cases not used.
     */
    double[] outOfFoldQ(double[] pi, boolean loggingPolicy) {
        checkProbabilities(pi);
        double[] q = new double[shape.steps * shape.actions];
        fit(TargetSteps.of(shape, mu, pi, loggingPolicy), q);
        return q;
    }

    /** The per-case columns of the estimates for given Q values. */
    CaseTerms terms(double[] pi, boolean loggingPolicy, double[] q) {
        checkProbabilities(pi);
        TargetSteps target = TargetSteps.of(shape, mu, pi, loggingPolicy);
        return terms(target, q, values(target, q));
    }

    private List<FoldFit.Result> fit(TargetSteps target, double[] q) {
        Arrays.fill(q, Double.NaN);
        return fitFolds(target, q);
    }

    /**
     * The estimates with given Q values instead of fitted ones (steps x actions, NaN = not modelled): the
     * estimators' arithmetic apart from the fitting. The model check's constant is the mean reward of the used cases.
     */
    ModelBasedResult evaluateWith(double[] pi, boolean loggingPolicy, double[] q) {
        checkProbabilities(pi);
        if (q.length != pi.length) {
            throw new IllegalArgumentException("Q values: " + q.length + " entries, expected " + pi.length);
        }
        TargetSteps target = TargetSteps.of(shape, mu, pi, loggingPolicy);
        double sum = 0.0;
        for (int c = 0; c < shape.cases; c++) {
            sum += target.usable[c] ? shape.reward[c] : 0.0;
        }
        double[] constant = new double[folds];
        Arrays.fill(constant, target.usableCases == 0 ? Double.NaN : sum / target.usableCases);
        // No fold is fitted: every fold counts the whole log's decisions (one array shared by all).
        int[][] trainingDecisions = new int[folds][];
        Arrays.fill(trainingDecisions, new int[shape.ruleNames.size() * shape.actions]);
        for (int s = 0; s < shape.steps; s++) {
            if (shape.logged[s] >= 0) {
                trainingDecisions[0][shape.rule[s] * shape.actions + shape.logged[s]]++;
            }
        }
        OutcomeModelFit fit = new OutcomeModelFit(folds, folds > 1, List.of(), List.of(), 0, List.of());
        return assemble(target, q.clone(), constant, trainingDecisions, fit);
    }

    /**
     * Target minus baseline, both evaluated by this estimator; the differences' intervals come from the same
     * resamples, so they are paired (and paired with every other estimate of this log and bootstrap seed).
     */
    public ModelBasedComparison compare(ModelBasedResult target, ModelBasedResult baseline) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(baseline, "baseline");
        if (target.resampled().origin != this || baseline.resampled().origin != this) {
            throw new ArenaException("a model-based comparison needs two results of the same estimator (the same log,"
                    + " settings and bootstrap resamples)");
        }
        int unpaired = 0;
        boolean[] a = target.resampled().used;
        boolean[] b = baseline.resampled().used;
        for (int c = 0; c < a.length; c++) {
            unpaired += a[c] != b[c] ? 1 : 0;
        }
        List<ModelWarning> warnings = new ArrayList<>();
        if (unpaired > 0) {
            warnings.add(new ModelWarning(ModelWarning.Code.UNPAIRED_CASES, unpaired + " of " + a.length
                    + " cases were used by only one of the two sides; each side's estimate is over its own cases"));
        }
        Estimate dm = difference("DM difference", target.dm(), baseline.dm(), target.resampled().dm,
                baseline.resampled().dm, warnings);
        Estimate dr = difference("DR difference", target.dr(), baseline.dr(), target.resampled().dr,
                baseline.resampled().dr, warnings);
        Estimate wdr = difference("WDR difference", target.wdr(), baseline.wdr(), target.resampled().wdr,
                baseline.resampled().wdr, warnings);
        return new ModelBasedComparison(target, baseline, dm, dr, wdr, unpaired, warnings);
    }

    private Estimate difference(String what, Estimate t, Estimate b, double[] tr, double[] br,
            List<ModelWarning> warnings) {
        double[] d = new double[tr.length];
        for (int r = 0; r < d.length; r++) {
            d[r] = tr[r] - br[r];
        }
        Estimate e = Resampling.estimate(t.value() - b.value(), d, bootstrap);
        int undefined = Percentiles.countNaN(d);
        if (e.isDefined() && undefined > 0) {
            warnings.add(undefinedResamples(what, undefined, d.length));
        }
        return e;
    }

    private List<FoldFit.Result> fitFolds(TargetSteps target, double[] q) {
        int threads = Math.min(folds, bootstrap.threads() == 0 ? Runtime.getRuntime().availableProcessors()
                : bootstrap.threads());
        if (threads <= 1) {
            List<FoldFit.Result> out = new ArrayList<>(folds);
            for (int f = 0; f < folds; f++) {
                out.add(FoldFit.run(shape, target, settings, f, folds, foldOfCase, q));
            }
            return out;
        }
        // Folds write disjoint rows of q (their own held-out cases); Future.get orders those writes before the reads.
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "arena-model-fit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FoldFit.Result>> futures = new ArrayList<>(folds);
            for (int f = 0; f < folds; f++) {
                int fold = f;
                futures.add(pool.submit(() -> FoldFit.run(shape, target, settings, fold, folds, foldOfCase, q)));
            }
            List<FoldFit.Result> out = new ArrayList<>(folds);
            for (Future<FoldFit.Result> future : futures) {
                out.add(future.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new ArenaException("outcome model fit failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArenaException("interrupted while fitting outcome models", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** V(x_s) = sum_b pi(b | x_s) Q(x_s, b) per step; NaN where the target's probability is on a missing Q. */
    private double[] values(TargetSteps target, double[] q) {
        int m = shape.actions;
        double[] v = new double[shape.steps];
        for (int s = 0; s < shape.steps; s++) {
            double value = 0.0;
            for (int b = 0; b < m && target.vDefined[s]; b++) {
                double p = target.pi[s * m + b];
                if (p > 0.0) {
                    value += p * q[s * m + b];
                }
            }
            v[s] = target.vDefined[s] ? value : Double.NaN;
        }
        return v;
    }

    private CaseTerms terms(TargetSteps target, double[] q, double[] v) {
        int m = shape.actions;
        double[] qLogged = new double[shape.steps];
        for (int s = 0; s < shape.steps; s++) {
            qLogged[s] = shape.logged[s] < 0 ? Double.NaN : q[s * m + shape.logged[s]];
        }
        return CaseTerms.of(new CaseTerms.Input(shape.caseStart, target.usable, shape.reward, target.ratio, qLogged, v,
                target.loggingPolicy), settings.clip(), settings.horizonCap());
    }

    private ModelBasedResult assemble(TargetSteps target, double[] q, double[] constant, int[][] trainingDecisions,
            OutcomeModelFit fit) {
        double[] v = values(target, q);
        CaseTerms terms = terms(target, q, v);
        double[] point = new double[3];
        terms.estimates(terms.totals(), 0, point, 0);
        int resamples = bootstrap.resamples();
        double[][] drawn = {new double[resamples], new double[resamples], new double[resamples]};
        boolean anything = !(Double.isNaN(point[0]) && Double.isNaN(point[1]) && Double.isNaN(point[2]));
        if (anything) {
            double[] sums = Resampling.columnSums(terms.data, terms.stride, terms.cases, bootstrap);
            double[] out = new double[3];
            for (int r = 0; r < resamples; r++) {
                terms.estimates(sums, r * terms.stride, out, 0);
                for (int e = 0; e < 3; e++) {
                    drawn[e][r] = out[e];
                }
            }
        } else {
            for (double[] d : drawn) {
                Arrays.fill(d, Double.NaN);
            }
        }
        Estimate dm = Resampling.estimate(point[CaseTerms.DM], drawn[CaseTerms.DM], bootstrap);
        Estimate dr = Resampling.estimate(point[CaseTerms.DR], drawn[CaseTerms.DR], bootstrap);
        Estimate wdr = Resampling.estimate(point[CaseTerms.WDR], drawn[CaseTerms.WDR], bootstrap);
        ModelCoverage coverage = coverage(target, trainingDecisions, terms);
        OutcomeModelCheck check = CalibrationCheck.of(shape, target, q, v, foldOfCase, constant);
        int longest = 0;
        for (int c = 0; c < shape.cases; c++) {
            if (target.usable[c]) {
                longest = Math.max(longest, shape.caseStart[c + 1] - shape.caseStart[c]);
            }
        }
        List<Double> ess = new ArrayList<>();
        for (double e : terms.effectiveSampleSize) {
            ess.add(e);
        }
        WeightDiagnostics weights = new WeightDiagnostics(terms.horizon, longest, ess, settings.clip(),
                terms.clippedWeights, terms.weights);
        ResampledEstimates resampled = new ResampledEstimates(this, bootstrap.seed(), drawn[CaseTerms.DM],
                drawn[CaseTerms.DR], drawn[CaseTerms.WDR], target.usable.clone());
        List<ModelWarning> warnings = warnings(target, dm, dr, wdr, drawn, check, coverage, fit, weights);
        return new ModelBasedResult(shape.cases, target.usableCases, target.exclusions, target.loggingPolicy, dm, dr,
                wdr, check, coverage, fit, weights, bootstrap.confidence(), resampled, warnings);
    }

    /** Per (rule, action), the target's probability where no model, or a model of few decisions, gives Q. */
    private ModelCoverage coverage(TargetSteps target, int[][] trainingDecisions, CaseTerms terms) {
        int m = shape.actions;
        int pairs = shape.ruleNames.size() * m;
        double[] notModelled = new double[pairs];
        double[] extrapolated = new double[pairs];
        int[] notModelledPoints = new int[pairs];
        int[] extrapolatedPoints = new int[pairs];
        int[] fewest = new int[pairs];
        Arrays.fill(fewest, Integer.MAX_VALUE);
        for (int[] counts : trainingDecisions) {
            for (int k = 0; k < pairs; k++) {
                fewest[k] = Math.min(fewest[k], counts[k]);
            }
        }
        int decisionPoints = 0;
        for (int c = 0; c < shape.cases; c++) {
            if (!target.usable[c]) {
                continue;
            }
            int[] counts = trainingDecisions[foldOfCase[c]];
            for (int s = shape.caseStart[c]; s < shape.caseStart[c + 1]; s++) {
                if (Double.isNaN(target.pi[s * m])) {
                    continue;
                }
                decisionPoints++;
                for (int b = 0; b < m; b++) {
                    double p = target.pi[s * m + b];
                    int k = shape.rule[s] * m + b;
                    if (!(p > 0.0)) {
                        continue;
                    }
                    if (!shape.modelled[k]) {
                        notModelled[k] += p;
                        notModelledPoints[k]++;
                    } else if (counts[k] < settings.minDecisions()) {
                        extrapolated[k] += p;
                        extrapolatedPoints[k]++;
                    }
                }
            }
        }
        List<FlaggedAction> none = new ArrayList<>();
        List<FlaggedAction> few = new ArrayList<>();
        double noneMass = 0.0;
        double fewMass = 0.0;
        for (int k = 0; k < pairs; k++) {
            String rule = shape.ruleNames.get(k / m);
            String action = shape.actionNames.get(k % m);
            if (notModelledPoints[k] > 0) {
                none.add(new FlaggedAction(rule, action, notModelledPoints[k], notModelled[k] / decisionPoints, 0));
                noneMass += notModelled[k];
            }
            if (extrapolatedPoints[k] > 0) {
                few.add(new FlaggedAction(rule, action, extrapolatedPoints[k], extrapolated[k] / decisionPoints,
                        fewest[k]));
                fewMass += extrapolated[k];
            }
        }
        return new ModelCoverage(decisionPoints, decisionPoints == 0 ? 0.0 : noneMass / decisionPoints, none,
                decisionPoints == 0 ? 0.0 : fewMass / decisionPoints, few, terms.dmUndefinedCases,
                terms.drUndefinedCases);
    }

    private List<ModelWarning> warnings(TargetSteps target, Estimate dm, Estimate dr, Estimate wdr, double[][] drawn,
            OutcomeModelCheck check, ModelCoverage coverage, OutcomeModelFit fit, WeightDiagnostics weights) {
        List<ModelWarning> out = new ArrayList<>();
        int n = shape.cases;
        if (target.exclusions.total() > 0) {
            out.add(new ModelWarning(ModelWarning.Code.EXCLUDED_CASES, String.format(Locale.ROOT, "%d of %d cases"
                    + " excluded: %d without a logged action or a target probability of it, %d without a propensity,"
                    + " %d with an invalid one", target.exclusions.total(), n,
                    target.exclusions.missingLoggedAction(), target.exclusions.missingPropensity(),
                    target.exclusions.invalidPropensity())));
        }
        if (!coverage.notModelled().isEmpty()) {
            FlaggedAction first = coverage.notModelled().get(0);
            out.add(new ModelWarning(ModelWarning.Code.NOT_MODELLED, String.format(Locale.ROOT, "%.2f%% of the"
                    + " target's probability is on actions the log never took at their rule (first: %s at %s); no"
                    + " model gives their value, so %s", 100 * coverage.notModelledMass(), first.action(),
                    first.rule(), coverage.drUndefinedCases() > 0 ? "DR and WDR are not given (" + coverage
                    .drUndefinedCases() + " used cases need such a value)" + (dm.isDefined() ? "" : ", nor DM")
                    : "the cases that reach them with a positive weight would be undefined (none does)")));
        }
        if (!coverage.extrapolated().isEmpty()) {
            FlaggedAction first = coverage.extrapolated().get(0);
            out.add(new ModelWarning(ModelWarning.Code.MODEL_EXTRAPOLATED, String.format(Locale.ROOT, "%.2f%% of the"
                    + " target's probability is on actions modelled from fewer than %d logged decisions at their"
                    + " rule in a fold's training cases (first: %s at %s, %d); their values are extrapolated",
                    100 * coverage.extrapolatedMass(), settings.minDecisions(), first.action(), first.rule(),
                    first.fewestTrainingDecisions())));
        }
        if (!check.passed() && target.usableCases > 0) {
            out.add(new ModelWarning(ModelWarning.Code.MODEL_CHECK_FAILED, "the outcome model "
                    + check.describe() + "; its estimates are not to be used"));
        }
        if (!fit.converged()) {
            FittedQFold worst = fit.fits().stream().filter(f -> !f.converged()).findFirst().orElseThrow();
            out.add(new ModelWarning(ModelWarning.Code.NOT_CONVERGED, String.format(Locale.ROOT, "fitted-Q targets of"
                    + " fold %d still moved by %.2g after %d iterations (tolerance %.2g)", worst.fold(),
                    worst.lastChange(), worst.iterations(), settings.tolerance())));
        }
        if (target.usableCases > 0 && !target.loggingPolicy
                && weights.finalEffectiveSampleSize() < WEIGHT_ESS_FLOOR) {
            out.add(new ModelWarning(ModelWarning.Code.SMALL_EFFECTIVE_SAMPLE, String.format(Locale.ROOT, "the"
                    + " per-decision weights' effective sample size at step %d is %.1f of %d cases: the corrections"
                    + " rest on few cases and DR leans on the outcome model", weights.horizon() - 1,
                    weights.finalEffectiveSampleSize(), target.usableCases)));
        }
        String[] names = {"DM", "DR", "WDR"};
        Estimate[] estimates = {dm, dr, wdr};
        for (int e = 0; e < 3; e++) {
            int undefined = Percentiles.countNaN(drawn[e]);
            if (estimates[e].isDefined() && undefined > 0) {
                out.add(undefinedResamples(names[e], undefined, drawn[e].length));
            }
        }
        return out;
    }

    /** The ESS below which the weighted corrections are said to rest on few cases (as the IS estimator's flag). */
    private static final double WEIGHT_ESS_FLOOR = 30.0;

    private static ModelWarning undefinedResamples(String what, int undefined, int resamples) {
        return new ModelWarning(ModelWarning.Code.UNDEFINED_RESAMPLES, undefined + " of " + resamples
                + " bootstrap resamples left " + what + " undefined (no used case drawn); the interval counts them"
                + " against the estimate");
    }

    private void checkProbabilities(double[] pi) {
        Objects.requireNonNull(pi, "pi");
        int m = shape.actions;
        if (pi.length != (long) shape.steps * m) {
            throw new ArenaException(String.format(Locale.ROOT, "target probabilities: %d entries, expected %d"
                    + " decision points x %d actions", pi.length, shape.steps, m));
        }
        for (int i = 0; i < pi.length; i++) {
            double p = pi[i];
            if (!Double.isNaN(p) && !(p >= 0.0 && p <= 1.0)) {
                throw new ArenaException("target probabilities: decision point " + i / m + ", action '"
                        + shape.actionNames.get(i % m) + "': " + p + " is outside [0, 1]");
            }
        }
    }
}
