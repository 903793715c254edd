package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.core.manifest.Severity;
import org.systemarena.policy.CompositePolicy;
import org.systemarena.policy.ConstantPolicy;
import org.systemarena.policy.Decision;
import org.systemarena.policy.FallbackPolicy;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.Policy;
import org.systemarena.policy.RandomPolicy;
import org.systemarena.policy.RuleBasedPolicy;
import org.systemarena.policy.ThresholdPolicy;

class BenchmarkRunnerTest {
    private final BenchmarkRunner runner = BenchmarkRunner.of(ReplayFixture.manifest(), ReplayFixture.log());

    @Test
    void findsTheDecisionPointsWithLabelsInGlobalOrder() {
        BenchmarkResult r = runner.run(ConstantPolicy.of("wait"));
        // A: days 1,2,3,4; B: day 1.5; C: day 2.2 -> global time order
        assertThat(r.traces()).extracting(t -> t.caseId() + "@" + t.time())
                .containsExactly("A@" + ReplayFixture.day(1), "B@" + ReplayFixture.day(1.5),
                        "A@" + ReplayFixture.day(2), "C@" + ReplayFixture.day(2.2), "A@" + ReplayFixture.day(3),
                        "A@" + ReplayFixture.day(4));
        assertThat(r.traces()).extracting(DecisionTrace::loggedAction)
                .containsExactly("send_email", "wait", "make_call", null, "send_email", null);
        assertThat(r.traces()).extracting(DecisionTrace::outcomeCategory)
                .containsExactly(OutcomeCategory.POSITIVE, OutcomeCategory.NEGATIVE, OutcomeCategory.POSITIVE,
                        OutcomeCategory.UNKNOWN, OutcomeCategory.POSITIVE, OutcomeCategory.POSITIVE);
        // cases in case order: first events on days 0 (A), 0.2 (C), 0.5 (B)
        assertThat(r.cases()).extracting(CaseResult::caseId).containsExactly("A", "C", "B");
        assertThat(r.decisionPoints()).isEqualTo(6);
        assertThat(r.ruleCounts().get(0).decisionPoints()).isEqualTo(6);
        // wait matches the logged action only in case B; 4 decision points have a logged action
        assertThat(Counts.comparable(r)).isEqualTo(4);
        assertThat(Counts.matching(r)).isEqualTo(1);
        assertThat(r.traces().get(1).loggedProbability()).isEqualTo(1.0);
        assertThat(r.traces().get(0).loggedProbability()).isEqualTo(0.0);
    }

    @Test
    void countsPolicyActionsConstraintPerCaseAndWindow() {
        BenchmarkResult r = runner.run(ConstantPolicy.of("send_email"));
        // A emails on days 1,2,3,4: earlier emails within 7 days = 0,1,2,3 -> days 3 and 4 violate; B and C: 0
        assertThat(Counts.violationsByConstraint(r)).containsExactly(Map.entry("no_spam", 2L),
                Map.entry("small_budget_escalation", 0L));
        assertThat(Counts.decisionsWithViolation(r, Severity.VIOLATION)).isEqualTo(2);
        assertThat(independentSpamCount(r, 7, 2)).isEqualTo(2);
        assertThat(r.traces()).filteredOn(t -> !t.violations().isEmpty())
                .extracting(DecisionTrace::time).containsExactly(ReplayFixture.day(3), ReplayFixture.day(4));
    }

    @Test
    void evaluatesSnapshotNamesInConstraintsWithNullRules() {
        BenchmarkResult r = runner.run(ConstantPolicy.of("escalate"));
        // only B has budget < 10000; C has no budget, and a comparison with null is false
        assertThat(Counts.violationsByConstraint(r)).containsEntry("small_budget_escalation", 1L);
        assertThat(Counts.violationsBySeverity(r)).containsEntry(Severity.WARNING, 1L)
                .containsEntry(Severity.VIOLATION, 0L);
        assertThat(Counts.decisionsWithViolation(r, Severity.VIOLATION)).isZero();
        assertThat(Counts.decisionsWithViolation(r, Severity.WARNING)).isEqualTo(1);
        assertThat(r.failedDecisions()).isZero();
    }

    @Test
    void runsEveryBaselineOverTheSameDecisionPoints() {
        List<BenchmarkResult> results = runner.run(
                ThresholdPolicy.of("days_since_last_contact", 1.5, "make_call", "send_email"),
                RandomPolicy.withSeed(3), HistoricalPolicy.withFallback("wait"),
                FallbackPolicy.of(ConstantPolicy.of("fax"), ConstantPolicy.of("wait")),
                CompositePolicy.builder("router").when("big", s -> {
                    Object b = s.get("budget");
                    return b instanceof Long l && l >= 10_000;
                }, ConstantPolicy.of("make_call")).otherwise(ConstantPolicy.of("send_email")),
                RuleBasedPolicy.builder("rules").rule("budget is not None and budget >= 10000", "make_call")
                        .rule("total_events > 3", "escalate").otherwise("wait"));
        assertThat(results).extracting(BenchmarkResult::decisionPoints).containsOnly(6);
        assertThat(results).allSatisfy(r -> assertThat(r.failedDecisions()).isZero());

        // Historical replays the log: all four logged actions match; the two without one fall back to wait
        BenchmarkResult historical = results.get(2);
        assertThat(Counts.matching(historical)).isEqualTo(4);
        assertThat(Counts.comparable(historical)).isEqualTo(4);
        // its probability of the logged action is the logged propensity, so pi/mu = 1 everywhere
        assertThat(historical.traces()).filteredOn(t -> t.loggedAction() != null)
                .extracting(DecisionTrace::loggedProbability).containsExactly(0.5, 0.5, 0.25, 0.5);
        assertThat(Counts.actions(historical)).containsExactly(Map.entry("make_call", 1L),
                Map.entry("send_email", 2L), Map.entry("wait", 3L));

        // Random reports uniform probabilities, so pi(logged) = 1/4 wherever there is a logged action
        assertThat(results.get(1).traces()).filteredOn(t -> t.loggedAction() != null)
                .extracting(DecisionTrace::loggedProbability).containsOnly(0.25);

        // Composite: A (budget 20000) -> make_call x4, B and C -> send_email
        assertThat(Counts.actions(results.get(4))).containsExactly(Map.entry("make_call", 4L),
                Map.entry("send_email", 2L));
        // Rules: A -> make_call (4); B's check is its 2nd event (total_events 2 -> wait);
        // C's check is its 3rd event -> wait
        assertThat(Counts.actions(results.get(5))).containsExactly(Map.entry("make_call", 4L),
                Map.entry("wait", 2L));
        // Threshold on days since last contact: only C has an interaction (day 0.3, check on day 2.2: 1.9 days)
        assertThat(results.get(0).traces()).extracting(DecisionTrace::action)
                .containsExactly("send_email", "send_email", "send_email", "make_call", "send_email", "send_email");
    }

    @Test
    void recordsEveryFaultKindAndFinishesTheRun() {
        Policy faulty = new Policy() {
            @Override
            public String name() {
                return "faulty";
            }

            @Override
            public Decision decide(CaseSnapshot s, List<Action> allowed) {
                switch (s.caseId()) {
                    case "A":
                        throw new IllegalStateException("model offline");
                    case "B":
                        return Decision.of("fax");
                    default:
                        return null;
                }
            }
        };
        BenchmarkResult r = runner.run(faulty);
        assertThat(r.decisionPoints()).isEqualTo(6);
        assertThat(r.failedDecisions()).isEqualTo(6);
        assertThat(Counts.errorsByKind(r)).containsExactly(Map.entry(DecisionError.Kind.EXCEPTION, 4L),
                Map.entry(DecisionError.Kind.NO_DECISION, 1L), Map.entry(DecisionError.Kind.DISALLOWED_ACTION, 1L));
        assertThat(r.traces().get(1).errors().get(0).message())
                .isEqualTo("action 'fax' is not allowed here (allowed: send_email, make_call, wait, escalate)");
        assertThat(r.traces().get(0).errors().get(0).message()).isEqualTo("IllegalStateException: model offline");
    }

    @Test
    void probabilityMassOnDisallowedActionsIsAnError() {
        Policy sneaky = new Policy() {
            @Override
            public String name() {
                return "sneaky";
            }

            @Override
            public Decision decide(CaseSnapshot s, List<Action> allowed) {
                return Decision.of("wait").withProbabilities(Map.of("wait", 0.5, "fax", 0.5));
            }
        };
        BenchmarkResult r = runner.run(sneaky);
        assertThat(Counts.errorsByKind(r)).containsExactly(Map.entry(DecisionError.Kind.DISALLOWED_ACTION, 6L));
    }

    @Test
    void timesOutSlowDecisions() {
        Policy slow = new Policy() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public Decision decide(CaseSnapshot s, List<Action> allowed) {
                if (s.caseId().equals("B")) {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return Decision.of("wait");
            }
        };
        BenchmarkRunner timed = BenchmarkRunner.of(ReplayFixture.manifest(), ReplayFixture.log(),
                BenchmarkConfig.builder().decisionTimeout(Duration.ofMillis(50)).build());
        BenchmarkResult r = timed.run(slow);
        assertThat(Counts.errorsByKind(r)).containsExactly(Map.entry(DecisionError.Kind.TIMEOUT, 1L));
        assertThat(r.traces().get(1).errors().get(0).message()).isEqualTo("no decision within 50 ms");
        assertThat(r.decisions()).isEqualTo(5);
    }

    @Test
    void failFastStopsAtTheFirstFailureNamingTheDecisionPoint() {
        BenchmarkRunner strict = BenchmarkRunner.of(ReplayFixture.manifest(), ReplayFixture.log(),
                BenchmarkConfig.builder().failFast(true).build());
        assertThatThrownBy(() -> strict.run(ConstantPolicy.of("fax")))
                .isInstanceOf(ArenaException.class)
                .hasMessage("decision point A#1/follow_up (case 'A', rule 'follow_up', 2024-05-02T09:00:00Z): policy "
                        + "'constant:fax' failed: DISALLOWED_ACTION action 'fax' is not allowed here"
                        + " (allowed: send_email, make_call, wait, escalate)");
    }

    @Test
    void stopsAfterMaxDecisionPointsInCaseOrder() {
        BenchmarkRunner limited = BenchmarkRunner.of(ReplayFixture.manifest(), ReplayFixture.log(),
                BenchmarkConfig.builder().maxDecisionPoints(5).build());
        BenchmarkResult r = limited.run(ConstantPolicy.of("wait"));
        // case order is A (day 0), C (day 0.2), B (day 0.5): A's 4 + C's 1
        assertThat(r.decisionPoints()).isEqualTo(5);
        assertThat(r.truncated()).isTrue();
        assertThat(r.cases()).extracting(CaseResult::caseId).containsExactly("A", "C");
    }

    @Test
    void rejectsDuplicatePolicyNames() {
        assertThatThrownBy(() -> runner.run(ConstantPolicy.of("wait"), ConstantPolicy.of("wait")))
                .hasMessage("two policies are named 'constant:wait'; names must be unique in a run");
    }

    @Test
    void writesDeterministicJsonLines() {
        BenchmarkResult r = runner.run(RandomPolicy.withSeed(1));
        String a = jsonl(r);
        String b = jsonl(runner.run(RandomPolicy.withSeed(1)));
        assertThat(a).isEqualTo(b);
        assertThat(a.lines()).hasSize(6);
        assertThat(a.lines().findFirst().orElseThrow()).startsWith("{\"decision_id\":\"A#1/follow_up\","
                + "\"policy\":\"random\",\"case_id\":\"A\",\"rule\":\"follow_up\",\"time\":\"2024-05-02T09:00:00Z\","
                + "\"snapshot\":{\"days_since_last_contact\":null,\"total_interactions\":0,\"total_events\":2,");
    }

    static String jsonl(BenchmarkResult r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceWriter.writeJsonl(r, out, false);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Straightforward recount: per case, emails chosen earlier within the window, from the traces alone. */
    private static long independentSpamCount(BenchmarkResult r, int days, int limit) {
        long violations = 0;
        for (CaseResult c : r.cases()) {
            for (int i = 0; i < c.traces().size(); i++) {
                DecisionTrace t = c.traces().get(i);
                if (!"send_email".equals(t.action())) {
                    continue;
                }
                int earlier = 0;
                for (int j = 0; j < i; j++) {
                    DecisionTrace p = c.traces().get(j);
                    if ("send_email".equals(p.action())
                            && !p.time().isBefore(t.time().minus(Duration.ofDays(days)))) {
                        earlier++;
                    }
                }
                if (earlier >= limit) {
                    violations++;
                }
            }
        }
        return violations;
    }
}
