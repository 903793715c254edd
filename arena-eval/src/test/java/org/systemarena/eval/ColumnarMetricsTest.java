package org.systemarena.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.eval.ranking.PeriodGrid;
import org.systemarena.eval.ranking.RankedItem;
import org.systemarena.eval.ranking.RankingMetrics;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.RandomPolicy;
import org.systemarena.policy.ThresholdPolicy;
import org.systemarena.replay.BenchmarkConfig;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;
import org.systemarena.replay.DecisionTrace;

/**
 * The evaluator reads the replay's trace columns; these checks recompute the same metrics from the trace objects
 * ({@link BenchmarkResult#traces()}, replay order) the way the object-based evaluator did, on a generated log big
 * enough for many periods, ties in the threshold policy's scores and unscored decisions.
 */
class ColumnarMetricsTest {

    @Test
    void metricsFromColumnsEqualMetricsFromTraceObjects() {
        Manifest manifest = ExampleWorkflow.load().manifest();
        EventLog log = LeadFollowupGenerator.generate(LeadFollowupConfig.of(2_000, 17));
        List<BenchmarkResult> results = BenchmarkRunner.of(manifest, log, BenchmarkConfig.builder().threads(2)
                .build()).run(ThresholdPolicy.of("days_since_last_contact", 3, "make_call", "wait"),
                RandomPolicy.withSeed(5), HistoricalPolicy.withFallback("wait"));
        Evaluation e = Evaluation.of(results, EvaluationConfig.builder().resamples(1000).threads(2).build());

        List<String> order = new ArrayList<>();
        manifest.allowedActions().forEach(a -> order.add(a.type()));
        for (BenchmarkResult r : results) {
            for (DecisionTrace t : r.traces()) {
                for (String a : new String[] {t.loggedAction(), t.action()}) {
                    if (a != null && !order.contains(a)) {
                        order.add(a);
                    }
                }
            }
        }
        PeriodGrid grid = PeriodGrid.of(manifest.ranking().period());
        for (BenchmarkResult r : results) {
            PolicyEvaluation p = e.policy(r.policyName()).orElseThrow();
            List<RankedItem> items = new ArrayList<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            order.forEach(a -> counts.put(a, 0L));
            long matches = 0;
            long failed = 0;
            for (DecisionTrace t : r.traces()) {
                Double score = t.hasError() ? null : t.decision().score();
                items.add(RankedItem.of(t.decisionId(), t.time(), score == null ? Double.NaN : score,
                        t.outcomeCategory() == OutcomeCategory.POSITIVE));
                if (t.action() != null) {
                    counts.merge(t.action(), 1L, Long::sum);
                }
                matches += Boolean.TRUE.equals(t.matchesLogged()) ? 1 : 0;
                failed += t.hasError() ? 1 : 0;
            }
            assertThat(p.ranking()).isEqualTo(RankingMetrics.evaluate(items, manifest.ranking().k(), grid));
            assertThat(p.ranking().periods()).hasSizeGreaterThan(5);
            assertThat(p.actions()).extracting(ActionCount::action).containsExactlyElementsOf(order);
            assertThat(p.actions()).extracting(ActionCount::count).containsExactlyElementsOf(counts.values());
            assertThat(p.decisions().failed()).isEqualTo(failed);
            assertThat(p.agreement().matches()).isEqualTo(matches);
        }
        assertThat(e.policy("threshold:days_since_last_contact").orElseThrow().ranking().unscoredItems()).isZero();
        assertThat(e.observed().cases()).isEqualTo(results.get(0).cases().size());
    }
}
