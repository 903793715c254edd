package org.systemarena.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.decision.UndeclaredActions;
import org.systemarena.eval.conversion.ConversionAnalysis;
import org.systemarena.eval.estimate.Episode;
import org.systemarena.eval.estimate.EpisodeSet;
import org.systemarena.eval.estimate.EstimateWarning;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.eval.estimate.OffPolicyEstimator;
import org.systemarena.eval.estimate.PolicyComparison;
import org.systemarena.eval.model.ModelBasedComparison;
import org.systemarena.eval.model.ModelBasedResult;
import org.systemarena.eval.ranking.PeriodGrid;
import org.systemarena.eval.ranking.RankingMetrics;
import org.systemarena.eval.ranking.RankingReport;
import org.systemarena.eval.stats.Agreement;
import org.systemarena.eval.verdict.Assessment;
import org.systemarena.eval.verdict.RecommendedEstimate;
import org.systemarena.eval.verdict.SupportMass;
import org.systemarena.eval.verdict.Verdict;
import org.systemarena.eval.verdict.VerdictRule;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.TraceTable;

/**
 * Computes an {@link Evaluation} from replay results (SPEC §7; docs/report-schema.md says what each figure means).
 *
 * <p>Conversion: each case with decision points is one episode; pi is the trace's {@code loggedProbability}, mu its
 * {@code loggedPropensity}, the reward 1 when the case outcome is positive. When any logged decision lacks a valid
 * propensity (or the config asks for it) mu comes from an estimated behaviour model keyed by decision rule, for
 * every policy alike. Policies named in {@link EvaluationConfig#loggingPolicies()} replay the logging policy, so
 * their pi of the logged action is mu itself.
 *
 * <p>Precision@K: relevance is the decision point's outcome category {@code POSITIVE}; the score is the decision's
 * score; decisions without a score (and decisions voided by an error) rank after every scored decision of their
 * period, ties by decision id, and the report counts them.
 *
 * <p>Actions (action distribution, confusion matrix): the manifest's action types in declared order, then any other
 * action a log or policy used, in the order first met (results in the order given, traces in replay order).
 */
public final class Evaluator {
    private final EvaluationConfig config;
    private final OffPolicyEstimator estimator;

    private Evaluator(EvaluationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.estimator = OffPolicyEstimator.of(config.bootstrap());
    }


    public static Evaluator of(EvaluationConfig config) {
        return new Evaluator(config);
    }

    /** Evaluates results of one runner with the manifest they ran with ({@link BenchmarkResult#manifest()}). */
    public Evaluation evaluate(List<BenchmarkResult> results) {
        return evaluate(results, Map.of());
    }

    /**
     * As {@link #evaluate(List)}, with the true conversion of the policies for which it is known (by policy name;
     * shown beside the estimates, used by none of them).
     */
    public Evaluation evaluate(List<BenchmarkResult> results, Map<String, KnownTruth> truths) {
        Objects.requireNonNull(truths, "truths");
        if (results.isEmpty()) {
            throw new ArenaException("nothing to evaluate: no benchmark result");
        }
        BenchmarkResult first = results.get(0);
        checkSameDecisionPoints(results);
        Manifest manifest = first.manifest();
        Set<String> baselines = baselines(results);
        List<String> declared = manifest.allowedActions().stream().map(a -> a.type()).toList();
        PeriodGrid grid = PeriodGrid.of(manifest.ranking().period());
        List<TraceTable> tables = results.stream().map(BenchmarkResult::table).toList();
        ActionOrder order = ActionOrder.of(declared, tables);
        List<String> actions = order.names();
        List<String> space = actionSpace(actions, manifest, tables);
        TraceFeatures features = TraceFeatures.of(first.table());
        ConversionAnalysis analysis = ConversionAnalysis.of(TraceDecisions.of(first.table(), order.map(0), space,
                features), config.conversion());
        // Each policy's passes over its trace table are independent of the others: one task per policy.
        List<Callable<PerPolicy>> tasks = new ArrayList<>(results.size());
        for (int p = 0; p < results.size(); p++) {
            BenchmarkResult r = results.get(p);
            int[] actionMap = order.map(p);
            boolean logging = config.loggingPolicies().contains(r.policyName());
            tasks.add(() -> {
                double[] pi = TraceDecisions.targetProbabilities(r.table(), space);
                return new PerPolicy(TraceTally.of(r, actionMap), RankingMetrics.evaluate(r.table(),
                        manifest.ranking().k(), grid), analysis.episodes(pi, logging), analysis.supportMass(pi,
                        logging));
            });
        }
        List<PerPolicy> work = Parallel.map(tasks, config.threads() == 0
                ? Runtime.getRuntime().availableProcessors() : config.threads());

        TraceTable firstTable = first.table();
        int positives = 0;
        for (int c = 0; c < firstTable.caseCount(); c++) {
            if (firstTable.caseOutcome(c).isPositive()) {
                positives++;
            }
        }
        ObservedConversion observed = ObservedConversion.of(firstTable.caseCount(), positives);

        List<EpisodeSet> episodes = work.stream().map(PerPolicy::episodes).toList();
        List<PolicyComparison> paired = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        Map<String, OffPolicyEstimate> estimates = new HashMap<>();
        for (int p = 0; p < results.size(); p++) {
            String name = results.get(p).policyName();
            if (baselines.contains(name)) {
                continue;
            }
            for (int b = 0; b < results.size(); b++) {
                String baseline = results.get(b).policyName();
                if (!baselines.contains(baseline)) {
                    continue;
                }
                PolicyComparison c = estimator.compare(episodes.get(p), episodes.get(b));
                paired.add(c);
                pairs.add(new int[] {p, b});
                reuseWhenAllPaired(estimates, name, c.target(), c);
                reuseWhenAllPaired(estimates, baseline, c.baseline(), c);
            }
        }

        List<OffPolicyEstimate> policyEstimates = new ArrayList<>(results.size());
        List<Assessment> assessments = new ArrayList<>(results.size());
        for (int p = 0; p < results.size(); p++) {
            OffPolicyEstimate estimate = estimates.get(results.get(p).policyName());
            if (estimate == null) {
                estimate = estimator.estimate(episodes.get(p));
            }
            policyEstimates.add(estimate);
            assessments.add(analysis.assess(estimate, work.get(p).mass()));
        }
        // The outcome models are fitted only for the policies of comparisons the weights leave inconclusive.
        List<Verdict> weightVerdicts = new ArrayList<>(paired.size());
        ModelBasedResult[] models = new ModelBasedResult[results.size()];
        for (int i = 0; i < paired.size(); i++) {
            int[] pb = pairs.get(i);
            Verdict v = VerdictRule.compare(results.get(pb[0]).policyName(), assessments.get(pb[0]),
                    results.get(pb[1]).policyName(), assessments.get(pb[1]), paired.get(i), config.verdict());
            weightVerdicts.add(v);
            if (v.inconclusive() && config.modelBased()) {
                for (int p : pb) {
                    if (models[p] == null) {
                        BenchmarkResult r = results.get(p);
                        models[p] = analysis.modelBased().evaluate(TraceDecisions.targetProbabilities(r.table(),
                                space), config.loggingPolicies().contains(r.policyName()));
                    }
                }
            }
        }
        List<PolicyEvaluation> policies = new ArrayList<>(results.size());
        for (int p = 0; p < results.size(); p++) {
            BenchmarkResult r = results.get(p);
            TraceTally t = work.get(p).tally();
            policies.add(new PolicyEvaluation(r.policyName(), baselines.contains(r.policyName()), t.decisions(),
                    t.actions(actions), Agreement.of(actions, t.logged, t.decided), t.violations(),
                    work.get(p).ranking(), conversion(r, episodes.get(p), policyEstimates.get(p), assessments.get(p),
                    models[p], truths.get(r.policyName()))));
        }
        List<Comparison> comparisons = new ArrayList<>(paired.size());
        for (int i = 0; i < paired.size(); i++) {
            int p = pairs.get(i)[0];
            int b = pairs.get(i)[1];
            String name = results.get(p).policyName();
            String baseline = results.get(b).policyName();
            Verdict verdict = weightVerdicts.get(i);
            ModelBasedComparison model = null;
            if (models[p] != null && models[b] != null) {
                model = analysis.modelBased().compare(models[p], models[b]);
                verdict = VerdictRule.withModel(verdict, name, baseline, paired.get(i), model, config.verdict());
            }
            comparisons.add(new Comparison(name, baseline, verdict, paired.get(i), model));
        }

        List<String> warnings = new ArrayList<>();
        if (first.truncated()) {
            warnings.add("the replay stopped after " + first.decisionPoints() + " decision points (maxDecisionPoints):"
                    + " the last case is cut short and later cases are missing");
        }
        if (firstTable.caseCount() == 0) {
            warnings.add("no decision point in the log: every metric is empty");
        }
        warnings.addAll(undeclaredLoggedActions(manifest, firstTable));
        if (!features.leftOut().isEmpty()) {
            warnings.add("the behaviour model cannot use these snapshot features: "
                    + String.join(", ", features.leftOut()));
        }
        return new Evaluation(manifest.name(), manifest.version(), manifest.description(), config, manifest.ranking(),
                first.logCases(), first.logEvents(), first.truncated(), first.ruleCounts(), observed,
                analysis.propensities(), policies, comparisons, leaderboard(policies), warnings);
    }

    /**
     * As {@link #evaluate(List)}.
     *
     * @deprecated the results carry the manifest they ran with; {@code manifest} is only checked to be that
     *             workflow's (the same name)
     */
    @Deprecated
    public Evaluation evaluate(Manifest manifest, List<BenchmarkResult> results) {
        return evaluate(manifest, results, Map.of());
    }

    /** @deprecated as {@link #evaluate(Manifest, List)}; use {@link #evaluate(List, Map)} */
    @Deprecated
    public Evaluation evaluate(Manifest manifest, List<BenchmarkResult> results, Map<String, KnownTruth> truths) {
        Objects.requireNonNull(manifest, "manifest");
        if (!results.isEmpty() && !results.get(0).manifest().name().equals(manifest.name())) {
            throw new ArenaException("these results were replayed with the manifest of workflow '"
                    + results.get(0).manifest().name() + "', not '" + manifest.name() + "'");
        }
        return evaluate(results, truths);
    }

    /** The logged actions a rule does not allow, as validate reports them (see {@link UndeclaredActions}). */
    private static List<String> undeclaredLoggedActions(Manifest manifest, TraceTable table) {
        Map<String, List<org.systemarena.core.Action>> allowed = new HashMap<>();
        for (DecisionPointSpec spec : manifest.decisionPoints()) {
            allowed.put(spec.name(), manifest.actionsFor(spec));
        }
        UndeclaredActions undeclared = new UndeclaredActions();
        for (int row = 0; row < table.size(); row++) {
            String action = table.loggedAction(row);
            if (action != null) {
                undeclared.add(table.rule(row), action, allowed.getOrDefault(table.rule(row), List.of()));
            }
        }
        return undeclared.warnings();
    }

    private record PerPolicy(TraceTally tally, RankingReport ranking, EpisodeSet episodes, SupportMass mass) {
    }

    /**
     * The conversion estimates' action space: the report's actions, then actions the manifest allows at some rule
     * and policies gave probability to without choosing them (so no probability falls outside a column).
     */
    private static List<String> actionSpace(List<String> actions, Manifest manifest, List<TraceTable> tables) {
        Set<String> space = new LinkedHashSet<>(actions);
        for (DecisionPointSpec spec : manifest.decisionPoints()) {
            manifest.actionsFor(spec).forEach(a -> space.add(a.type()));
        }
        for (TraceTable t : tables) {
            for (int row = 0; row < t.size(); row++) {
                org.systemarena.policy.Decision d = t.decision(row);
                if (d != null && !d.probabilities().isEmpty()) {
                    space.addAll(new java.util.TreeSet<>(d.probabilities().keySet()));
                }
            }
        }
        return List.copyOf(space);
    }

    /*
     * A comparison's sides are computed on the cases usable for both policies, from the same resamples as a
     * stand-alone estimate (same seed, same number of cases). With no unpaired case they equal the stand-alone
     * estimates, so the bootstrap need not run again (EvaluatorTest checks the equality).
     */
    private static void reuseWhenAllPaired(Map<String, OffPolicyEstimate> estimates, String policy,
            OffPolicyEstimate side, PolicyComparison c) {
        boolean unpaired = c.warnings().stream().anyMatch(w -> w.code() == EstimateWarning.Code.UNPAIRED_CASES);
        if (!unpaired) {
            estimates.putIfAbsent(policy, side);
        }
    }

    private static void checkSameDecisionPoints(List<BenchmarkResult> results) {
        BenchmarkResult first = results.get(0);
        Set<String> names = new HashSet<>();
        for (BenchmarkResult r : results) {
            if (!names.add(r.policyName())) {
                throw new ArenaException("two results are named '" + r.policyName() + "'; policy names must be unique");
            }
            TraceTable a = first.table();
            TraceTable b = r.table();
            if (a.size() != b.size() || a.caseCount() != b.caseCount() || r.logEvents() != first.logEvents()) {
                throw new ArenaException("results of '" + first.policyName() + "' (" + a.size()
                        + " decision points) and '" + r.policyName() + "' (" + b.size()
                        + ") are not over the same log and decision points; replay them with one BenchmarkRunner");
            }
            if (!r.manifest().equals(first.manifest())) {
                throw new ArenaException("results of '" + first.policyName() + "' and '" + r.policyName()
                        + "' were replayed with different manifests (decision rules or constraints); replay them"
                        + " with one BenchmarkRunner");
            }
            if (a.sharesDecisionPointsWith(b)) {
                continue;
            }
            for (int i = 0; i < a.size(); i++) {
                String x = a.decisionId(i);
                String y = b.decisionId(i);
                if (!x.equals(y)) {
                    throw new ArenaException("results of '" + first.policyName() + "' and '" + r.policyName()
                            + "' differ at decision point " + i + " (case order): '" + x + "' vs '" + y
                            + "'; replay them with one BenchmarkRunner");
                }
            }
        }
    }

    private Set<String> baselines(List<BenchmarkResult> results) {
        Set<String> names = new LinkedHashSet<>();
        results.forEach(r -> names.add(r.policyName()));
        if (config.baselines() == null) {
            Set<String> out = new LinkedHashSet<>(names);
            out.remove(results.get(0).policyName());
            return out;
        }
        for (String b : config.baselines()) {
            if (!names.contains(b)) {
                throw new ArenaException("baseline '" + b + "' is not among the evaluated policies " + names);
            }
        }
        return new LinkedHashSet<>(config.baselines());
    }

    private ConversionEstimate conversion(BenchmarkResult r, EpisodeSet set, OffPolicyEstimate estimate,
            Assessment assessment, ModelBasedResult model, KnownTruth truth) {
        boolean logging = config.loggingPolicies().contains(r.policyName());
        WeightStats w = WeightStats.of(set.episodes());
        TargetKind kind = logging ? TargetKind.LOGGING : w.deterministic ? TargetKind.DETERMINISTIC
                : TargetKind.STOCHASTIC;
        List<String> notes = new ArrayList<>();
        TraceTable table = r.table();
        long voided = 0;
        for (int c = 0; c < table.caseCount(); c++) {
            for (int row = table.caseStart(c); row < table.caseStart(c + 1); row++) {
                if (table.hasError(row) && table.loggedActionCode(row) != TraceTable.NONE) {
                    voided++;
                    break;
                }
            }
        }
        if (voided > 0) {
            notes.add(voided + " of " + table.caseCount() + " cases have a decision point where an error voided the"
                    + " policy's decision, so pi of the logged action is unknown there; the estimator leaves them out"
                    + " (counted under missing_logged_action)");
        }
        if (r.truncated()) {
            notes.add("the replay was truncated: the last case's episode is incomplete");
        }
        return new ConversionEstimate(assessment, estimate, kind, w.summary, notes,
                Explanations.conversion(r.policyName(), kind, estimate, w.summary, assessment), model, truth);
    }

    private static List<LeaderboardEntry> leaderboard(List<PolicyEvaluation> policies) {
        List<PolicyEvaluation> sorted = new ArrayList<>(policies);
        Comparator<PolicyEvaluation> byEstimate = (a, b) -> {
            RecommendedEstimate x = a.conversion().assessment().recommended();
            RecommendedEstimate y = b.conversion().assessment().recommended();
            if (x == null || y == null) {
                return Boolean.compare(x == null, y == null);
            }
            return Double.compare(y.value(), x.value());
        };
        sorted.sort(byEstimate.thenComparing(PolicyEvaluation::policy));
        List<LeaderboardEntry> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ConversionEstimate c = sorted.get(i).conversion();
            OffPolicyEstimate e = c.estimate();
            out.add(new LeaderboardEntry(i + 1, sorted.get(i).policy(), c.assessment().recommended(),
                    c.assessment().notEstimable(), e.snips(), e.ips(), e.effectiveSampleSize(),
                    e.warnings().size() + c.notes().size()));
        }
        return out;
    }

    /** Weight statistics over the episodes the estimator can use (finite pi, mu in (0, 1], finite product). */
    private record WeightStats(WeightSummary summary, boolean deterministic) {
        static WeightStats of(List<Episode> episodes) {
            int n = 0;
            int zero = 0;
            int one = 0;
            double sum = 0;
            double min = Double.NaN;
            double minNonZero = Double.NaN;
            double max = Double.NaN;
            double minPi = Double.NaN;
            double maxPi = Double.NaN;
            boolean deterministic = true;
            for (Episode e : episodes) {
                double[] pi = e.targetProbabilities();
                double[] mu = e.loggedPropensities();
                double w = 1.0;
                boolean usable = true;
                for (int i = 0; i < pi.length && usable; i++) {
                    usable = !Double.isNaN(pi[i]) && mu[i] > 0.0 && mu[i] <= 1.0;
                    w *= pi[i] / mu[i];
                }
                if (!usable || !Double.isFinite(w)) {
                    continue;
                }
                for (double p : pi) {
                    minPi = Double.isNaN(minPi) ? p : Math.min(minPi, p);
                    maxPi = Double.isNaN(maxPi) ? p : Math.max(maxPi, p);
                    deterministic &= p == 0.0 || p == 1.0;
                }
                n++;
                zero += w == 0.0 ? 1 : 0;
                one += w == 1.0 ? 1 : 0;
                sum += w;
                min = Double.isNaN(min) ? w : Math.min(min, w);
                if (w > 0.0) {
                    minNonZero = Double.isNaN(minNonZero) ? w : Math.min(minNonZero, w);
                }
                max = Double.isNaN(max) ? w : Math.max(max, w);
            }
            return new WeightStats(new WeightSummary(n, zero, one, n == 0 ? Double.NaN : sum / n, min, minNonZero, max,
                    minPi,
                    maxPi), deterministic);
        }
    }
}
