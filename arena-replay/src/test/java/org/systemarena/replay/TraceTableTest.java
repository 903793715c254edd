package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.Severity;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.policy.ConstantPolicy;
import org.systemarena.policy.Decision;
import org.systemarena.policy.RandomPolicy;

/** The columnar traces against the decision points extracted independently and the policy called directly. */
class TraceTableTest {
    private static final Manifest MANIFEST = Datasets.loadManifest(ExampleWorkflow.DIR.resolve("manifest.yaml"));
    private static final EventLog LOG = LeadFollowupGenerator.generate(LeadFollowupConfig.of(400, 11));

    @Test
    void everyColumnAgreesWithExtractionAndADirectPolicyCall() {
        RandomPolicy random = RandomPolicy.withSeed(7);
        BenchmarkRunner runner = BenchmarkRunner.of(MANIFEST, LOG, BenchmarkConfig.builder().threads(3).build());
        List<BenchmarkResult> results = runner.run(random, ConstantPolicy.of("wait"));
        TraceTable table = results.get(0).table();

        List<DecisionPoint> points = new ArrayList<>(DecisionPointExtractor.of(MANIFEST, LOG).extractAll().decisionPoints());
        int[] rank = new int[LOG.size()];
        for (int i = 0; i < LOG.size(); i++) {
            rank[LOG.replayRow(i)] = i;
        }
        List<String> rules = MANIFEST.decisionPoints().stream().map(d -> d.name()).toList();
        // Independent global order: a plain comparator over the extracted points.
        points.sort(Comparator.<DecisionPoint>comparingInt(dp -> rank[dp.triggerRow()])
                .thenComparingInt(dp -> rules.indexOf(dp.rule())));
        assertThat(points).hasSizeGreaterThan(500);
        assertThat(table.size()).isEqualTo(points.size());

        for (int pos = 0; pos < points.size(); pos++) {
            DecisionPoint dp = points.get(pos);
            int row = table.replayRow(pos);
            assertThat(table.decisionId(row)).isEqualTo(dp.id());
            assertThat(table.caseId(table.caseOf(row))).isEqualTo(dp.caseId());
            assertThat(table.rule(row)).isEqualTo(dp.rule());
            assertThat(table.time(row)).isEqualTo(dp.time());
            assertThat(table.loggedAction(row)).isEqualTo(dp.loggedAction());
            assertThat(table.loggedPropensity(row)).isEqualTo(dp.loggedPropensity() == null ? Double.NaN
                    : dp.loggedPropensity());
            assertThat(table.outcome(row)).isEqualTo(dp.outcome());
            assertThat(table.outcomeCategory(row)).isEqualTo(dp.outcomeCategory());
            Map<String, Object> summary = new LinkedHashMap<>();
            PolicyCaller.SUMMARY_NAMES.forEach(n -> summary.put(n, dp.snapshot().get(n)));
            assertThat(table.snapshotSummary(row)).isEqualTo(summary);

            Decision direct = random.decide(dp.snapshot(), dp.allowedActions());
            assertThat(table.action(row)).isEqualTo(direct.action());
            assertThat(table.decision(row)).isEqualTo(direct);
            assertThat(table.loggedProbability(row)).isEqualTo(dp.loggedAction() == null ? Double.NaN
                    : direct.probabilityOf(dp.loggedAction()));
            assertThat(table.matchesLogged(row)).isEqualTo(direct.action().equals(dp.loggedAction()));
            assertThat(table.hasError(row)).isFalse();
            assertThat(table.trace(row).decisionId()).isEqualTo(dp.id());
        }

        // Cases in case order, each holding its points in case order.
        Map<String, List<String>> byCase = new LinkedHashMap<>();
        DecisionPointExtractor.of(MANIFEST, LOG).forEachCase(c -> {
            if (!c.points().isEmpty()) {
                byCase.put(c.caseId(), c.points().stream().map(DecisionPoint::id).toList());
            }
        });
        assertThat(table.caseCount()).isEqualTo(byCase.size());
        int c = 0;
        for (Map.Entry<String, List<String>> e : byCase.entrySet()) {
            assertThat(table.caseId(c)).isEqualTo(e.getKey());
            List<String> ids = new ArrayList<>();
            for (int row = table.caseStart(c); row < table.caseStart(c + 1); row++) {
                ids.add(table.decisionId(row));
                assertThat(table.caseOf(row)).isEqualTo(c);
            }
            assertThat(ids).isEqualTo(e.getValue());
            c++;
        }

        // Action codes are shared by the run's policies.
        TraceTable constant = results.get(1).table();
        assertThat(constant.actions()).isSameAs(table.actions());
        int wait = table.actions().indexOf("wait");
        for (int row = 0; row < constant.size(); row++) {
            assertThat(constant.actionCode(row)).isEqualTo(wait);
            assertThat(constant.loggedActionCode(row)).isEqualTo(table.loggedActionCode(row));
        }
    }

    @Test
    void keepsViolationBitsOfMoreThanSixtyFourConstraints() {
        List<ConstraintSpec> constraints = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            String rule = i == 66 ? "total_events > 3" : i % 3 == 0 ? "action_type == 'wait'" : "action_type == 'x'";
            constraints.add(ConstraintSpec.of("c" + i, rule, i % 2 == 0 ? Severity.WARNING : Severity.VIOLATION,
                    "rule " + i));
        }
        BenchmarkRunner runner = BenchmarkRunner.of(MANIFEST, LOG,
                BenchmarkConfig.builder().constraints(constraints).build());
        BenchmarkResult r = runner.run(ConstantPolicy.of("wait"));
        TraceTable t = r.table();
        long manyEvents = 0;
        for (int row = 0; row < t.size(); row++) {
            boolean over = ((Number) t.snapshotSummary(row).get("total_events")).longValue() > 3;
            manyEvents += over ? 1 : 0;
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                boolean hit = i == 66 ? over : i % 3 == 0;
                assertThat(t.violated(row, i)).as("row %d constraint %d", row, i).isEqualTo(hit);
                if (hit) {
                    expected.add("c" + i);
                }
            }
            assertThat(t.violations(row)).extracting(Violation::constraint).isEqualTo(expected);
        }
        assertThat(manyEvents).isPositive().isLessThan(t.size());
        Map<String, Long> byConstraint = Counts.violationsByConstraint(r);
        assertThat(byConstraint.get("c63")).isEqualTo(t.size());
        assertThat(byConstraint.get("c64")).isZero();
        assertThat(byConstraint.get("c66")).isEqualTo(manyEvents);
        assertThat(byConstraint.get("c69")).isEqualTo(t.size());
        // c0, c3, ..., c69 except c66 hold everywhere (23 constraints; the even ones c0, c6, ..., c60 are 11
        // warnings), plus c66 (even: a warning) where the case has more than 3 events
        assertThat(Counts.violations(r)).isEqualTo(23L * t.size() + manyEvents);
        assertThat(Counts.violationsBySeverity(r).get(Severity.WARNING)).isEqualTo(11L * t.size() + manyEvents);
        assertThat(Counts.decisionsWithViolation(r, Severity.VIOLATION)).isEqualTo(t.size());
    }

    @Test
    void truncationIsTheSameForAnyThreadCount() {
        for (int limit : new int[] {1, 37, 64 * 9 + 5, 1000}) {
            List<String> expected = null;
            Map<String, Object> expectedCounts = null;
            for (int threads : new int[] {1, 2, 3}) {
                BenchmarkResult r = BenchmarkRunner.of(MANIFEST, LOG,
                        BenchmarkConfig.builder().threads(threads).maxDecisionPoints(limit).build())
                        .run(RandomPolicy.withSeed(3));
                assertThat(r.decisionPoints()).isEqualTo(limit);
                assertThat(r.truncated()).isTrue();
                List<String> ids = new ArrayList<>();
                r.traces().forEach(t -> ids.add(t.decisionId() + "=" + t.action()));
                Map<String, Object> counts = new HashMap<>();
                r.ruleCounts().forEach(c -> counts.put(c.rule(), c));
                if (expected == null) {
                    expected = ids;
                    expectedCounts = counts;
                } else {
                    assertThat(ids).as("limit %d, %d threads", limit, threads).isEqualTo(expected);
                    assertThat(counts).isEqualTo(expectedCounts);
                }
            }
        }
        BenchmarkResult all = BenchmarkRunner.of(MANIFEST, LOG).run(ConstantPolicy.of("wait"));
        BenchmarkResult exact = BenchmarkRunner.of(MANIFEST, LOG,
                BenchmarkConfig.builder().maxDecisionPoints(all.decisionPoints()).build()).run(ConstantPolicy.of("wait"));
        assertThat(exact.decisionPoints()).isEqualTo(all.decisionPoints());
        assertThat(exact.ruleCounts()).isEqualTo(all.ruleCounts());
    }
}
