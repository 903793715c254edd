package org.systemarena.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.LeaderboardEntry;
import org.systemarena.eval.verdict.Assessment;
import org.systemarena.eval.verdict.Reason;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.Evaluation;
import org.systemarena.eval.EvaluationConfig;
import org.systemarena.eval.ExampleWorkflow;
import org.systemarena.eval.PolicyEvaluation;
import org.systemarena.eval.TargetKind;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.CaseResult;
import org.systemarena.replay.DecisionTrace;

/**
 * The acceptance test: on the bundled example, Threshold, Random and Historical get different conversion
 * estimates, and the report says why.
 */
class ExampleReportTest {
    private static final String THRESHOLD = "threshold:days_since_last_contact";
    private static List<BenchmarkResult> results;
    private static Evaluation evaluation;

    @BeforeAll
    static void run() {
        Workflow w = ExampleWorkflow.load();
        results = ExampleWorkflow.replay(w);
        evaluation = Evaluation.of(results, EvaluationConfig.defaults());
    }

    private static OffPolicyEstimate estimate(String policy) {
        return evaluation.policy(policy).orElseThrow().conversion().estimate();
    }

    @Test
    void historicalIpsIsExactlyTheObservedRate() {
        OffPolicyEstimate h = estimate("historical");
        assertThat(evaluation.observed().cases()).isEqualTo(300);
        assertThat(h.usedCases()).isEqualTo(300);
        assertThat(h.ips().value()).isEqualTo(evaluation.observed().rate());
        assertThat(h.snips().value()).isEqualTo(evaluation.observed().rate());
        assertThat(h.effectiveSampleSize()).isEqualTo(300.0);
        assertThat(h.maxWeight()).isEqualTo(1.0);
    }

    @Test
    void historicalAndRandomAreEstimableAndThresholdSaysWhyNot() {
        Assessment historical = evaluation.policy("historical").orElseThrow().conversion().assessment();
        assertThat(historical.recommended().value()).isEqualTo(evaluation.observed().rate());
        Assessment random = evaluation.policy("random").orElseThrow().conversion().assessment();
        // Every case keeps a weight (random gives every action 1/4); their mean is below 1, the sample missing
        // rare trajectories of large weight, but its interval reaches 1, so the weights are not called inconsistent.
        assertThat(random.support().casesWithWeight()).isEqualTo(300);
        assertThat(random.support().meanWeight().value()).isLessThan(0.9);
        assertThat(random.support().meanWeight().upper()).isGreaterThan(1.0);
        assertThat(random.support().effectiveSampleSize()).isGreaterThan(30);
        assertThat(random.estimable()).isTrue();
        assertThat(random.notEstimable()).isNull();
        Assessment threshold = evaluation.policy(THRESHOLD).orElseThrow().conversion().assessment();
        assertThat(threshold.support().casesWithWeight()).isEqualTo(2);
        assertThat(threshold.notEstimable().reason()).isEqualTo(Reason.SMALL_EFFECTIVE_SAMPLE);
        // Nothing unsupported here: the reps' policy gives every action 5% or more everywhere.
        assertThat(threshold.support().mass().unsupportedMass()).isZero();
        assertThat(evaluation.leaderboard()).extracting(LeaderboardEntry::policy)
                .containsExactly("historical", "random", THRESHOLD);
    }

    @Test
    void theThreePoliciesGetDifferentEstimates() {
        double threshold = estimate(THRESHOLD).snips().value();
        double random = estimate("random").snips().value();
        double historical = estimate("historical").snips().value();
        assertThat(List.of(threshold, random, historical)).doesNotHaveDuplicates();
        assertThat(List.of(estimate(THRESHOLD).ips().value(), estimate("random").ips().value(),
                estimate("historical").ips().value())).doesNotHaveDuplicates();
    }

    /** Reference IPS and SNIPS straight from the traces: w = product over the case of pi / mu, r = outcome. */
    @Test
    void estimatesEqualAStraightforwardReferenceComputation() {
        for (BenchmarkResult r : results) {
            boolean logging = r.policyName().equals("historical");
            double sumWr = 0;
            double sumW = 0;
            double sumW2 = 0;
            for (CaseResult c : r.cases()) {
                double w = 1;
                for (DecisionTrace t : c.traces()) {
                    double pi = logging ? t.loggedPropensity() : t.loggedProbability();
                    w *= pi / t.loggedPropensity();
                }
                double reward = c.outcome().isPositive() ? 1 : 0;
                sumWr += w * reward;
                sumW += w;
                sumW2 += w * w;
            }
            OffPolicyEstimate e = estimate(r.policyName());
            int n = r.cases().size();
            assertThat(e.ips().value()).as(r.policyName()).isCloseTo(sumWr / n, within(1e-12));
            if (sumW > 0) {
                assertThat(e.snips().value()).as(r.policyName()).isCloseTo(sumWr / sumW, within(1e-12));
            }
            assertThat(e.effectiveSampleSize()).as(r.policyName())
                    .isCloseTo(sumW == 0 ? 0 : sumW * sumW / sumW2, within(1e-9));
        }
    }

    @Test
    void weightsBehaveAsEachKindOfPolicyImplies() {
        PolicyEvaluation random = evaluation.policy("random").orElseThrow();
        assertThat(random.conversion().kind()).isEqualTo(TargetKind.STOCHASTIC);
        assertThat(random.conversion().weights().minProbability()).isEqualTo(0.25);
        assertThat(random.conversion().weights().maxProbability()).isEqualTo(0.25);
        assertThat(random.conversion().weights().zero()).isZero();

        PolicyEvaluation threshold = evaluation.policy(THRESHOLD).orElseThrow();
        assertThat(threshold.conversion().kind()).isEqualTo(TargetKind.DETERMINISTIC);
        // Every case where the threshold policy disagrees with a logged action at least once has weight 0.
        long disagreeing = results.get(0).cases().stream()
                .filter(c -> c.traces().stream().anyMatch(t -> !t.matchesLogged())).count();
        assertThat((long) threshold.conversion().weights().zero()).isEqualTo(disagreeing).isPositive();

        PolicyEvaluation historical = evaluation.policy("historical").orElseThrow();
        assertThat(historical.conversion().kind()).isEqualTo(TargetKind.LOGGING);
        assertThat(historical.conversion().weights().one()).isEqualTo(300);
    }

    @Test
    void reportTextExplainsTheDifferences() {
        ReportDocument doc = ReportDocument.of(evaluation);
        String md = MarkdownReport.render(doc);
        String html = HtmlReport.render(doc).replace("&#39;", "'");
        for (String text : List.of(md, html)) {
            assertThat(text).contains("Why the estimates differ",
                    "'historical' replays the logging policy", "every weight is 1",
                    "'random' is stochastic: pi(a_logged|s) = 0.2500 at every decision point",
                    "'" + THRESHOLD + "' is deterministic", "get weight 0", "ESS");
        }
        // The figures as the console prints them (RunCommand's summary of the same example): percentages with one
        // decimal, counts with separators, ESS with one decimal, differences in percentage points.
        assertThat(md).contains("Log: 300 cases, 6,806 events; 300 cases with decision points, 1,649 decision points."
                        + " Bootstrap: 1,000 resamples, 95.0% percentile intervals, seed 42. Propensities: logged.\n",
                "**Observed conversion: 57.3%** (172 of 300 cases",
                "| 1 | historical | 57.3% [51.7%, 62.7%] | snips | 300.0 | 0 |",
                "| 2 | random | 40.5% [24.0%, 53.4%] | snips | 43.7 | 0 |",
                "| 3 | " + THRESHOLD + " | n/a (small effective sample) | - | 1.3 | 2 |")
                .containsPattern("\\| 300 \\| \\[-\\d+\\.\\d pp, \\+\\d+\\.\\d pp\\] \\|");
        assertThat(doc.root().path("leaderboard")).hasSize(3);
        assertThat(doc.root().path("comparisons")).hasSize(2);
    }
}
