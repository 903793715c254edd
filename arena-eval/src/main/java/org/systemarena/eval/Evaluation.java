package org.systemarena.eval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.RankingSpec;
import org.systemarena.decision.RuleCounts;
import org.systemarena.eval.estimate.PropensitySource;
import org.systemarena.replay.BenchmarkResult;

/**
 * The evaluation of one or more policies replayed over the same log: every SPEC §7 metric per policy, comparisons
 * with the baselines and a leaderboard. Deterministic: the same results and config give equal evaluations (and
 * byte-identical reports), whatever the thread counts.
 *
 * <pre>{@code
 * List<BenchmarkResult> results = BenchmarkRunner.of(manifest, log).run(candidate, baseline);
 * Evaluation evaluation = Evaluation.of(results, EvaluationConfig.defaults());
 * Files.writeString(Path.of("report.html"), HtmlReport.render(ReportDocument.of(evaluation)));
 * }</pre>
 *
 * @param workflow     the manifest's name
 * @param version      the manifest's version (may be null)
 * @param description  the manifest's description (may be null)
 * @param config       how the evaluation was computed
 * @param ranking      Precision@K settings (the manifest's)
 * @param logCases     cases in the log
 * @param logEvents    events in the log
 * @param truncated    whether the replay stopped early ({@code maxDecisionPoints})
 * @param rules        per decision-point rule: trigger matches, decision points, false conditions, errors
 * @param observed     observed conversion (the same for every policy)
 * @param propensities where mu came from
 * @param policies     per policy, in the order the results were given
 * @param comparisons  every non-baseline policy against every baseline
 * @param leaderboard  policies by SNIPS estimate
 * @param warnings     evaluation-wide warnings
 */
public record Evaluation(
        String workflow,
        String version,
        String description,
        EvaluationConfig config,
        RankingSpec ranking,
        int logCases,
        int logEvents,
        boolean truncated,
        List<RuleCounts> rules,
        ObservedConversion observed,
        PropensitySource propensities,
        List<PolicyEvaluation> policies,
        List<Comparison> comparisons,
        List<LeaderboardEntry> leaderboard,
        List<String> warnings) {

    public Evaluation {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ranking, "ranking");
        rules = List.copyOf(rules);
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(propensities, "propensities");
        policies = List.copyOf(policies);
        comparisons = List.copyOf(comparisons);
        leaderboard = List.copyOf(leaderboard);
        warnings = List.copyOf(warnings);
    }

    /**
     * Evaluates results of one {@code BenchmarkRunner} over one log (see {@link Evaluator}), with the manifest they
     * ran with ({@link BenchmarkResult#manifest()}).
     */
    public static Evaluation of(List<BenchmarkResult> results, EvaluationConfig config) {
        return Evaluator.of(config).evaluate(results);
    }

    /** As {@link #of(List, EvaluationConfig)}, with true conversions known from outside the log. */
    public static Evaluation of(List<BenchmarkResult> results, EvaluationConfig config,
                                java.util.Map<String, KnownTruth> truths) {
        return Evaluator.of(config).evaluate(results, truths);
    }

    /** As {@link #of(List, EvaluationConfig)} with the default config. */
    public static Evaluation of(List<BenchmarkResult> results) {
        return of(results, EvaluationConfig.defaults());
    }

    /**
     * As {@link #of(List, EvaluationConfig)}; {@code manifest} must be the workflow's whose results these are.
     *
     * @deprecated the results carry the manifest they ran with (with any decision-rule or constraint override of
     *             the runner, which a manifest handed in again would miss); use {@link #of(List, EvaluationConfig)}
     */
    @Deprecated
    public static Evaluation of(Manifest manifest, List<BenchmarkResult> results, EvaluationConfig config) {
        return Evaluator.of(config).evaluate(manifest, results);
    }

    /**
     * @deprecated use {@link #of(List, EvaluationConfig, java.util.Map)}; see
     *             {@link #of(Manifest, List, EvaluationConfig)}
     */
    @Deprecated
    public static Evaluation of(Manifest manifest, List<BenchmarkResult> results, EvaluationConfig config,
                                java.util.Map<String, KnownTruth> truths) {
        return Evaluator.of(config).evaluate(manifest, results, truths);
    }

    /** @deprecated use {@link #of(List)}; see {@link #of(Manifest, List, EvaluationConfig)} */
    @Deprecated
    public static Evaluation of(Manifest manifest, List<BenchmarkResult> results) {
        return of(manifest, results, EvaluationConfig.defaults());
    }

    public Optional<PolicyEvaluation> policy(String name) {
        return policies.stream().filter(p -> p.policy().equals(name)).findFirst();
    }

    public Optional<Comparison> comparison(String policy, String baseline) {
        return comparisons.stream().filter(c -> c.policy().equals(policy) && c.baseline().equals(baseline))
                .findFirst();
    }
}
