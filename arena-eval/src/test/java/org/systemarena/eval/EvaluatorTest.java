package org.systemarena.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.estimate.PropensitySource;
import org.systemarena.eval.verdict.Assessment;
import org.systemarena.eval.verdict.Reason;
import org.systemarena.eval.verdict.UnsupportedAction;
import org.systemarena.eval.verdict.Verdict;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.Severity;
import org.systemarena.eval.estimate.Episode;
import org.systemarena.eval.estimate.EpisodeSet;
import org.systemarena.eval.estimate.EstimateWarning;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.eval.estimate.OffPolicyEstimator;
import org.systemarena.replay.BenchmarkConfig;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;
import org.systemarena.replay.CaseResult;

/** Every metric of {@link TinyLog}, worked out by hand (see the table there). */
class EvaluatorTest {
    // Mixer's weights: A = (0.2 / 0.5) * (0.6 / 0.25), B = 0.2 / 0.5, C = 0.6 / 0.5; rewards A 1, B 0, C 1.
    private static final double W_A = (0.2 / 0.5) * (0.6 / 0.25);
    private static final double W_B = 0.2 / 0.5;
    private static final double W_C = 0.6 / 0.5;

    static List<BenchmarkResult> replay(boolean propensities) {
        return BenchmarkRunner.of(TinyLog.manifest(), TinyLog.log(propensities)).runAll(TinyLog.policies());
    }

    static Evaluation evaluate(boolean propensities, EvaluationConfig config) {
        return Evaluation.of(replay(propensities), config);
    }

    private static EvaluationConfig config() {
        return EvaluationConfig.builder().seed(7).baselines("mixer").verdict(TinyLog.LENIENT).build();
    }

    @Test
    void observedConversionCountsCasesWithDecisionPoints() {
        Evaluation e = evaluate(true, config());
        assertThat(e.observed()).isEqualTo(new ObservedConversion(3, 2, 2.0 / 3));
        assertThat(e.logCases()).isEqualTo(4);
        assertThat(e.rules()).singleElement().satisfies(r -> {
            assertThat(r.triggerMatches()).isEqualTo(4);
            assertThat(r.decisionPoints()).isEqualTo(4);
        });
        assertThat(e.propensities().estimated()).isFalse();
        assertThat(e.warnings()).isEmpty();
    }

    @Test
    void callerMetrics() {
        PolicyEvaluation p = evaluate(true, config()).policy("caller").orElseThrow();
        assertThat(p.baseline()).isFalse();
        assertThat(p.decisions().decisionPoints()).isEqualTo(4);
        assertThat(p.decisions().valid()).isEqualTo(4);
        assertThat(p.decisions().byRule()).containsExactly(new RuleDecisions("follow_up", 4, 4, 0));
        assertThat(p.actions()).containsExactly(new ActionCount("send_email", 0, 0.0),
                new ActionCount("make_call", 4, 1.0), new ActionCount("wait", 0, 0.0),
                new ActionCount("escalate", 0, 0.0));
        assertThat(p.agreement().compared()).isEqualTo(4);
        assertThat(p.agreement().matchRate()).isEqualTo(0.5);
        assertThat(p.agreement().confusion()).isDeepEqualTo(new long[][] {{0, 1, 0, 0}, {0, 2, 0, 0}, {0, 1, 0, 0},
            {0, 0, 0, 0}});
        assertThat(p.violations().total()).isZero();
        assertThat(p.violations().rate().rate()).isEqualTo(0.0);

        // Periods are UTC days. May 2: A (score -20000, converted) and B (-5000, lost): B ranks first -> P@1 = 0.
        // May 3: A (-20000) and C (no score, ranked last) -> A -> P@1 = 1.
        assertThat(p.ranking().k()).isEqualTo(1);
        assertThat(p.ranking().periods()).hasSize(2);
        assertThat(p.ranking().periods().get(0).precision()).isEqualTo(0.0);
        assertThat(p.ranking().periods().get(1).precision()).isEqualTo(1.0);
        assertThat(p.ranking().microPrecision()).isEqualTo(0.5);
        assertThat(p.ranking().macroPrecision()).isEqualTo(0.5);
        assertThat(p.ranking().ndcg()).isEqualTo(0.5);
        assertThat(p.ranking().unscoredItems()).isEqualTo(1);

        // Weights: A = 0 (it would not email), B = 0 (not wait), C = 1 / 0.5 = 2; rewards 1, 0, 1.
        OffPolicyEstimate c = p.conversion().estimate();
        assertThat(p.conversion().kind()).isEqualTo(TargetKind.DETERMINISTIC);
        assertThat(c.usedCases()).isEqualTo(3);
        assertThat(c.ips().value()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(c.snips().value()).isEqualTo(1.0);
        assertThat(c.effectiveSampleSize()).isEqualTo(1.0);
        assertThat(c.maxWeight()).isEqualTo(2.0);
        assertThat(p.conversion().weights()).isEqualTo(new WeightSummary(3, 2, 0, 2.0 / 3, 0, 2, 2, 0, 1));
        assertThat(p.conversion().explanation()).contains("deterministic", "the 2 of 3 cases where it disagrees");
    }

    @Test
    void stochasticPolicyWeighsEveryCase() {
        PolicyEvaluation p = evaluate(true, config()).policy("mixer").orElseThrow();
        assertThat(p.baseline()).isTrue();
        OffPolicyEstimate c = p.conversion().estimate();
        assertThat(p.conversion().kind()).isEqualTo(TargetKind.STOCHASTIC);
        assertThat(c.ips().value()).isCloseTo((W_A + W_C) / 3, within(1e-15));
        assertThat(c.snips().value()).isCloseTo((W_A + W_C) / (W_A + W_B + W_C), within(1e-15));
        double sum = W_A + W_B + W_C;
        assertThat(c.effectiveSampleSize()).isCloseTo(sum * sum / (W_A * W_A + W_B * W_B + W_C * W_C),
                within(1e-12));
        assertThat(c.maxWeight()).isCloseTo(W_C, within(1e-15));
        assertThat(p.conversion().weights().minProbability()).isEqualTo(0.2);
        assertThat(p.conversion().weights().maxProbability()).isEqualTo(0.6);
        assertThat(p.ranking().unscoredItems()).isEqualTo(4);
        // Unscored everywhere: ties by decision id put A first on both days.
        assertThat(p.ranking().microPrecision()).isEqualTo(1.0);
    }

    @Test
    void violationsAndAZeroWeightPolicy() {
        PolicyEvaluation p = evaluate(true, config()).policy("emailer").orElseThrow();
        assertThat(p.actions()).extracting(ActionCount::count).containsExactly(3L, 0L, 0L, 1L);
        assertThat(p.agreement().matches()).isEqualTo(1);
        // A's second email within a week breaks no_spam; escalating B (budget 5000) is a warning.
        ViolationSummary v = p.violations();
        assertThat(v.total()).isEqualTo(2);
        assertThat(v.bySeverity()).containsExactly(Map.entry(Severity.WARNING, 1L), Map.entry(Severity.VIOLATION, 1L),
                Map.entry(Severity.CRITICAL, 0L));
        assertThat(v.byConstraint()).containsExactly(new ConstraintViolations("no_spam", Severity.VIOLATION, 1),
                new ConstraintViolations("small_budget_escalation", Severity.WARNING, 1));
        assertThat(v.rate().violatingDecisions()).isEqualTo(1);
        assertThat(v.rate().rate()).isEqualTo(0.25);
        assertThat(v.rate().perThousand()).isEqualTo(250.0);

        OffPolicyEstimate c = p.conversion().estimate();
        assertThat(c.ips().value()).isEqualTo(0.0);
        assertThat(c.snips().isDefined()).isFalse();
        assertThat(c.hasWarning(EstimateWarning.Code.ZERO_TOTAL_WEIGHT)).isTrue();
    }

    @Test
    void errorsVoidDecisionsAndLeaveTheirCaseOut() {
        PolicyEvaluation p = evaluate(true, config()).policy("flaky").orElseThrow();
        assertThat(p.decisions().valid()).isEqualTo(3);
        assertThat(p.decisions().failed()).isEqualTo(1);
        assertThat(p.decisions().errorsByKind()).containsExactly(Map.entry("exception", 1L));
        assertThat(p.decisions().byRule()).containsExactly(new RuleDecisions("follow_up", 4, 3, 1));
        assertThat(p.agreement().undecided()).isEqualTo(1);
        assertThat(p.agreement().matchRate()).isCloseTo(2.0 / 3, within(1e-15));
        OffPolicyEstimate c = p.conversion().estimate();
        assertThat(c.usedCases()).isEqualTo(2);
        assertThat(c.exclusions().missingLoggedAction()).isEqualTo(1);
        assertThat(c.ips().value()).isEqualTo(1.0);
        assertThat(p.conversion().notes()).singleElement().asString().contains("1 of 3 cases", "error");
    }

    @Test
    void historicalIsTheLoggingPolicyWithWeightOne() {
        Evaluation e = evaluate(true, config());
        OffPolicyEstimate c = e.policy("historical").orElseThrow().conversion().estimate();
        assertThat(c.ips().value()).isEqualTo(e.observed().rate());
        assertThat(c.snips().value()).isEqualTo(e.observed().rate());
        assertThat(c.effectiveSampleSize()).isEqualTo(3.0);
        assertThat(c.maxWeight()).isEqualTo(1.0);
        assertThat(e.policy("historical").orElseThrow().conversion().kind()).isEqualTo(TargetKind.LOGGING);
    }

    @Test
    void comparisonsAgainstTheBaselineArePaired() {
        Evaluation e = evaluate(true, config());
        assertThat(e.comparisons()).extracting(Comparison::policy)
                .containsExactly("caller", "emailer", "flaky", "historical");
        Comparison c = e.comparison("caller", "mixer").orElseThrow();
        assertThat(c.result().ipsDifference().value()).isCloseTo(2.0 / 3 - (W_A + W_C) / 3, within(1e-15));
        assertThat(c.result().snipsDifference().value()).isCloseTo(1 - (W_A + W_C) / (W_A + W_B + W_C),
                within(1e-15));
        assertThat(c.result().ipsDifference().lower()).isLessThanOrEqualTo(c.result().ipsDifference().upper());
        // flaky cannot be weighed on B, so B leaves both sides: the mixer's IPS over A and C.
        Comparison f = e.comparison("flaky", "mixer").orElseThrow();
        assertThat(f.result().warnings()).extracting(EstimateWarning::code)
                .contains(EstimateWarning.Code.UNPAIRED_CASES);
        assertThat(f.result().baseline().ips().value()).isCloseTo((W_A + W_C) / 2, within(1e-15));
    }

    @Test
    void leaderboardRanksEstimablePoliciesByTheirEstimateThenTheOthersByName() {
        Evaluation e = evaluate(true, config());
        // mixer SNIPS 2.16 / 2.56 = 0.84375, historical 2/3; caller and flaky rest on case C alone (SNIPS undefined
        // in the 8/27 of resamples without it), emailer escalates where the log never did.
        assertThat(e.leaderboard()).extracting(LeaderboardEntry::policy)
                .containsExactly("mixer", "historical", "caller", "emailer", "flaky");
        assertThat(e.leaderboard()).extracting(LeaderboardEntry::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(e.leaderboard().get(0).recommended().value()).isCloseTo(0.84375, within(1e-12));
        assertThat(e.leaderboard().get(1).recommended().value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(e.leaderboard().subList(2, 5)).extracting(l -> l.notEstimable().reason())
                .containsExactly(Reason.SMALL_EFFECTIVE_SAMPLE, Reason.UNSUPPORTED_ACTIONS,
                        Reason.SMALL_EFFECTIVE_SAMPLE);
    }

    @Test
    void withTheDefaultThresholdsAThreeCaseLogSupportsNoEstimateAndNoVerdict() {
        Evaluation e = evaluate(true, EvaluationConfig.builder().seed(7).baselines("mixer").build());
        for (PolicyEvaluation p : e.policies()) {
            assertThat(p.conversion().assessment().estimable()).as(p.policy()).isFalse();
            assertThat(p.conversion().assessment().notEstimable().reason()).isEqualTo(Reason.TOO_FEW_CASES);
        }
        assertThat(e.policy("flaky").orElseThrow().conversion().assessment().notEstimable().message())
                .isEqualTo("only 2 of 3 cases could be used (1 excluded, see the warnings); an estimate needs at"
                        + " least 30");
        for (Comparison c : e.comparisons()) {
            assertThat(c.verdict().outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
            assertThat(c.verdict().reason()).isEqualTo(Reason.TOO_FEW_CASES);
            assertThat(c.verdict().notEstimable()).isEqualTo(c.policy());
        }
    }

    @Test
    void anActionTheLogNeverTookAtTheRuleIsUnsupported() {
        Assessment a = evaluate(true, config()).policy("emailer").orElseThrow().conversion().assessment();
        // emailer escalates lead B (budget 5,000) at 1 of the 4 decision points; nothing ever escalated there.
        assertThat(a.support().mass().unsupportedMass()).isEqualTo(0.25);
        assertThat(a.support().mass().unsupportedDecisions()).isEqualTo(1);
        assertThat(a.support().mass().actions()).singleElement()
                .isEqualTo(new UnsupportedAction("follow_up", "escalate", true, 1, 1.0));
        assertThat(a.notEstimable().reason()).isEqualTo(Reason.UNSUPPORTED_ACTIONS);
        assertThat(a.notEstimable().message()).startsWith("25.0% of the policy's probability at the logged decision"
                + " points (1 of 4 decision points) is on actions the log does not support ('escalate' at rule"
                + " 'follow_up', never logged there, at 1 decision points)");
        Assessment mixer = evaluate(true, config()).policy("mixer").orElseThrow().conversion().assessment();
        assertThat(mixer.support().mass().unsupportedMass()).isZero();
        assertThat(mixer.support().casesWithWeight()).isEqualTo(3);
        assertThat(mixer.support().meanWeight().value()).isCloseTo((0.96 + 0.4 + 1.2) / 3, within(1e-12));
        assertThat(mixer.support().effectiveSampleSize()).isCloseTo(2.56 * 2.56 / (0.96 * 0.96 + 0.16 + 1.44),
                within(1e-12));
        assertThat(mixer.support().maxWeightShare()).isCloseTo(1.2 / 2.56, within(1e-12));
    }

    @Test
    void estimatesReusedFromComparisonsEqualStandAloneEstimates() {
        EvaluationConfig config = config();
        List<BenchmarkResult> results = replay(true);
        Evaluation e = Evaluation.of(results, config);
        OffPolicyEstimator estimator = OffPolicyEstimator.of(config.bootstrap());
        Map<String, double[][]> mixer = Map.of("A", new double[][] {{0.2, 0.6}, {0.5, 0.25}},
                "B", new double[][] {{0.2}, {0.5}}, "C", new double[][] {{0.6}, {0.5}});
        Map<String, double[][]> caller = Map.of("A", new double[][] {{0, 1}, {0.5, 0.25}},
                "B", new double[][] {{0}, {0.5}}, "C", new double[][] {{1}, {0.5}});
        List<CaseResult> cases = results.get(0).cases();
        assertThat(e.policy("mixer").orElseThrow().conversion().estimate())
                .isEqualTo(estimator.estimate(episodes(cases, mixer)));
        assertThat(e.policy("caller").orElseThrow().conversion().estimate())
                .isEqualTo(estimator.estimate(episodes(cases, caller)));
    }

    private static EpisodeSet episodes(List<CaseResult> cases, Map<String, double[][]> byCase) {
        List<Episode> out = new ArrayList<>();
        for (CaseResult c : cases) {
            double[][] pm = byCase.get(c.caseId());
            out.add(Episode.of(c.caseId(), c.outcome().isPositive() ? 1 : 0, pm[0], pm[1]));
        }
        return EpisodeSet.logged(out);
    }

    @Test
    void missingPropensitiesUseTheEstimatedBehaviourModelAndSaySo() {
        Evaluation e = evaluate(false, config());
        assertThat(e.propensities().estimated()).isTrue();
        // The behaviour model, cross-fitted by case over 2 folds (3 cases; with seed 7, A alone in one). The tiny
        // manifest's one feature, status, has no value (no state change), so the model has no feature and gives
        // Laplace-smoothed frequencies over the 3 actions logged at follow_up: C is scored by the model fitted on A's
        // two decisions, mu(make_call) = (1 + 1) / (2 + 3). The caller's weights: A 0, B 0, C 5/2.
        OffPolicyEstimate caller = e.policy("caller").orElseThrow().conversion().estimate();
        assertThat(caller.ips().value()).isCloseTo((5.0 / 2) / 3, within(1e-12));
        assertThat(e.propensities().description()).contains("on no snapshot features (intercepts only) (1 dropped:"
                + " status all values missing), 2-fold cross-fitted by case");
        assertThat(caller.hasWarning(EstimateWarning.Code.ESTIMATED_BEHAVIOUR_MODEL)).isTrue();
        assertThat(e.policy("caller").orElseThrow().conversion().explanation()).contains("estimated behaviour model");
        OffPolicyEstimate historical = e.policy("historical").orElseThrow().conversion().estimate();
        assertThat(historical.ips().value()).isEqualTo(e.observed().rate());
    }

    @Test
    void theBehaviourModelReadsTheFeaturesTheReplayRecorded() {
        List<BenchmarkResult> results = BenchmarkRunner.of(TinyLog.manifestWithDefaultFeatures(), TinyLog.log(false))
                .runAll(TinyLog.policies());
        Evaluation e = Evaluation.of(results, config());
        assertThat(results.get(0).table().behaviourFeatures()).contains("days_since_last_contact", "budget");
        // The tiny log has no interaction, no state change and no outcome before a decision, one activity and one
        // check value; what varies is the number of events, the case's age (twice: no state change, so the time in
        // the current state is the age) and the budget.
        assertThat(e.propensities().description()).contains("multinomial logistic regression per decision rule on 4"
                + " snapshot features (6 dropped: days_since_last_contact all values missing, total_interactions"
                + " constant, status all values missing, activity constant, check constant, outcome all values"
                + " missing), 2-fold cross-fitted by case");
    }

    @Test
    void loggedDistributionsGiveMuAndTheSupportExactly() {
        List<BenchmarkResult> results = BenchmarkRunner.of(TinyLog.manifestWithDistributions(),
                TinyLog.logWithDistributions()).runAll(TinyLog.policies());
        Evaluation e = Evaluation.of(results, config());
        assertThat(e.propensities()).isEqualTo(new PropensitySource(false, "logged action distributions"));
        // mixer puts 0.2 on send_email everywhere; the logged distributions of B and C give it 0 there (it is
        // logged at the rule, at A): 0.2 + 0.2 over 4 decision points.
        Assessment mixer = e.policy("mixer").orElseThrow().conversion().assessment();
        assertThat(mixer.support().mass().unsupportedMass()).isCloseTo(0.1, within(1e-15));
        assertThat(mixer.support().mass().actions()).singleElement()
                .isEqualTo(new UnsupportedAction("follow_up", "send_email", false, 2, 0.4));
        assertThat(mixer.support().mass().reference()).isEqualTo("the logged action distributions");
        assertThat(mixer.notEstimable().reason()).isEqualTo(Reason.UNSUPPORTED_ACTIONS);
        // The caller's weights: C alone, 1 / 0.5 (mu from the distribution, equal to the propensity).
        assertThat(e.policy("caller").orElseThrow().conversion().estimate().ips().value())
                .isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void forcedBehaviourModelIgnoresLoggedPropensities() {
        Evaluation e = evaluate(true, EvaluationConfig.builder().seed(7).baselines("mixer").estimateBehaviour(true)
                .build());
        assertThat(e.propensities().estimated()).isTrue();
        assertThat(e.policy("caller").orElseThrow().conversion().estimate().ips().value())
                .isCloseTo((5.0 / 2) / 3, within(1e-12));
    }

    @Test
    void defaultBaselinesAreAllButTheFirstResult() {
        Evaluation e = Evaluation.of(replay(true));
        assertThat(e.policies()).extracting(PolicyEvaluation::baseline).containsExactly(false, true, true, true, true);
        assertThat(e.comparisons()).extracting(Comparison::baseline)
                .containsExactly("mixer", "emailer", "flaky", "historical");
    }

    @Test
    @SuppressWarnings("deprecation")
    void theEvaluationUsesTheManifestTheReplayRanWith() {
        // The runner's rule allows calls and waits only; the log emailed at it (case A), which the workflow's own
        // manifest allows. Evaluated with the manifest handed in again, the override was invisible: no warning.
        List<org.systemarena.core.manifest.DecisionPointSpec> rules = List.of(org.systemarena.core.manifest
                .DecisionPointSpec.of("follow_up", "timer.elapsed", null, List.of("make_call", "wait")));
        List<BenchmarkResult> results = BenchmarkRunner.of(TinyLog.manifest(), TinyLog.log(true),
                BenchmarkConfig.builder().decisionRules(rules).build()).runAll(TinyLog.policies());
        assertThat(results.get(0).manifest().decisionPoints()).isEqualTo(rules);
        assertThat(results.get(0).manifest().constraints()).isEqualTo(TinyLog.manifest().constraints());
        Evaluation e = Evaluation.of(results, config());
        assertThat(e.warnings()).anyMatch(w -> w.startsWith("decision point 'follow_up': the log took 'send_email'"));
        assertThat(org.systemarena.eval.report.JsonReport.write(Evaluation.of(TinyLog.manifest(), results, config())))
                .isEqualTo(org.systemarena.eval.report.JsonReport.write(e));
        Manifest other = new Manifest("other", null, null, null, List.of(), List.of(), null, List.of(), null, null,
                null, null);
        assertThatThrownBy(() -> Evaluation.of(other, results, config())).isInstanceOf(ArenaException.class)
                .hasMessage("these results were replayed with the manifest of workflow 'tiny', not 'other'");
    }

    @Test
    void rejectsResultsOverDifferentLogsAndUnknownBaselines() {
        List<BenchmarkResult> tiny = replay(true);
        BenchmarkResult other = BenchmarkRunner.of(TinyLog.manifest(), TinyLog.log(true),
                BenchmarkConfig.builder().maxDecisionPoints(2).build()).run(TinyLog.emailer());
        assertThatThrownBy(() -> Evaluation.of(List.of(tiny.get(0), other)))
                .isInstanceOf(ArenaException.class).hasMessageContaining("not over the same log");
        assertThatThrownBy(() -> Evaluation.of(tiny,
                EvaluationConfig.builder().baselines("nobody").build()))
                .isInstanceOf(ArenaException.class).hasMessageContaining("baseline 'nobody'");
        assertThatThrownBy(() -> Evaluation.of(List.of(tiny.get(0), tiny.get(0))))
                .isInstanceOf(ArenaException.class).hasMessageContaining("two results are named 'caller'");
        assertThatThrownBy(() -> Evaluation.of(List.of()))
                .isInstanceOf(ArenaException.class).hasMessageContaining("no benchmark result");
    }
}
