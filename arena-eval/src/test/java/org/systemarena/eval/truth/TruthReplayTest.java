package org.systemarena.eval.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.datasets.synthetic.LeadResimulator;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.decision.PointInTimeSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;
import org.systemarena.policy.ThresholdPolicy;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.BenchmarkRunner;
import org.systemarena.replay.CaseResult;

/**
 * A deterministic policy's truth is what a replay of its re-simulated log says: the replay finds the same decision
 * points, the policy decides there exactly as it did while the leads were re-simulated, and the log's observed
 * conversion is the truth.
 */
class TruthReplayTest {
    private static final LeadFollowupConfig CONFIG = LeadFollowupConfig.of(300, 42);
    private static final Manifest MANIFEST = LeadFollowupGenerator.manifest();

    /** Reads status, budget and contact counts, so a wrong snapshot value would change its choices. */
    private static final Policy BY_STATE = new Policy() {
        @Override
        public String name() {
            return "by-state";
        }

        @Override
        public Decision decide(CaseSnapshot s, List<Action> allowed) {
            long budget = ((Number) s.get("budget")).longValue();
            long interactions = ((Number) s.get("total_interactions")).longValue();
            if ("qualified".equals(s.get("status"))) {
                return Decision.of("make_call");
            }
            if (budget >= 50_000 && ((Number) s.get("time_since_created_days")).doubleValue() > 5) {
                return Decision.of("escalate");
            }
            return Decision.of(interactions < 4 ? "send_email" : "wait");
        }
    };

    private static void assertTruthIsTheReplaysObservedConversion(Policy policy) {
        TrueConversion truth = LeadFollowupTruth.of(CONFIG).trueConversion(policy);
        EventLog log = Resimulated.log(CONFIG, MANIFEST, policy);
        BenchmarkResult replay = BenchmarkRunner.of(MANIFEST, log).run(policy);

        assertThat(replay.decisionPoints()).isPositive();
        assertThat(replay.traces().stream().filter(t -> t.loggedAction() != null && t.action() != null).count())
                .isEqualTo(replay.decisionPoints());
        assertThat(replay.traces().stream().filter(t -> Boolean.TRUE.equals(t.matchesLogged())).count())
                .as(policy.name() + " decides on the whole log as it did while"
                + " re-simulating").isEqualTo(replay.decisionPoints());
        List<CaseResult> cases = replay.cases();
        long positive = cases.stream().filter(c -> c.outcome().isPositive()).count();
        assertThat(truth.method()).isEqualTo(TrueConversion.EXACT);
        assertThat(truth.standardError()).isZero();
        assertThat(truth.cases()).isEqualTo(cases.size()).isEqualTo(300);
        assertThat(truth.exactCases()).isEqualTo(300);
        assertThat(truth.value()).isEqualTo((double) positive / cases.size());
    }

    @Test
    void theDefaultCandidatesTruthIsItsReplaysConversion() {
        assertTruthIsTheReplaysObservedConversion(ThresholdPolicy.of("days_since_last_contact", 3, "make_call",
                "wait"));
    }

    @Test
    void alwaysCallingAndAStatePolicyToo() {
        assertTruthIsTheReplaysObservedConversion(ThresholdPolicy.of("days_since_last_contact", -1, "make_call",
                "make_call"));
        assertTruthIsTheReplaysObservedConversion(BY_STATE);
    }

    @Test
    void theSnapshotOfAPathsLastDecisionIsTheReplaysSnapshotThere() {
        EventLog log = Resimulated.log(CONFIG.withCases(60), MANIFEST, BY_STATE);
        DecisionPointExtractor whole = DecisionPointExtractor.of(MANIFEST, log);
        int compared = 0;
        for (int c = 0; c < log.caseCount(); c++) {
            List<DecisionPoint> points = whole.extractCase(c).points();
            List<org.systemarena.datasets.synthetic.LeadAction> path = Resimulated.path(CONFIG, MANIFEST, c, BY_STATE);
            assertThat(points).hasSize(path.size());
            for (int i = 0; i < points.size(); i++) {
                EventLog prefix = LeadResimulator.lead(CONFIG, c, path.subList(0, i)).log();
                DecisionPoint p = Resimulated.lastPoint(MANIFEST, prefix);
                assertThat(p.id()).isEqualTo(points.get(i).id());
                assertThat(((PointInTimeSnapshot) p.snapshot()).values())
                        .isEqualTo(((PointInTimeSnapshot) points.get(i).snapshot()).values());
                assertThat(p.snapshot().visibleEvents()).isEqualTo(points.get(i).snapshot().visibleEvents());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(200);
    }
}
