package org.systemarena.eval.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.EventLog;
import org.systemarena.datasets.synthetic.DecisionTrigger;
import org.systemarena.datasets.synthetic.LeadAction;
import org.systemarena.datasets.synthetic.LeadBehaviourPolicy;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.systemarena.datasets.synthetic.LeadFollowupGenerator;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.eval.ExampleWorkflow;
import org.systemarena.policy.Decision;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.Policy;
import org.systemarena.policy.RandomPolicy;
import org.systemarena.policy.ThresholdPolicy;

/** Stochastic policies: exact enumeration, Monte Carlo and its standard error, and the reps' own policy. */
class TruthStochasticTest {
    private static final LeadFollowupConfig EXAMPLE = LeadFollowupConfig.of(300, 42);

    /** Decisions taken so far in the snapshot's case (visible decision.executed events). */
    private static long decided(CaseSnapshot s) {
        return s.visibleEvents().stream().filter(e -> e.eventType().name().equals("decision.executed")).count();
    }

    /** Before its {@code coinFlips}-th decision a fair coin between calling and waiting, from then on always call. */
    private static Policy coins(int coinFlips) {
        return policy("coins-" + coinFlips, s -> decided(s) < coinFlips
                ? Decision.of("make_call").withProbabilities(Map.of("make_call", 0.5, "wait", 0.5))
                : Decision.of("make_call"));
    }

    /** Its first decision {@code first}, then always call. */
    private static Policy firstThenCall(String first) {
        return policy("first-" + first, s -> Decision.of(decided(s) == 0 ? first : "make_call"));
    }

    private static Policy policy(String name, java.util.function.Function<CaseSnapshot, Decision> f) {
        return new Policy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
                return f.apply(snapshot);
            }
        };
    }

    @Test
    void anEnumeratedTruthIsTheMixtureOfItsBranches() {
        LeadFollowupTruth truth = LeadFollowupTruth.of(EXAMPLE);
        TrueConversion mixed = truth.trueConversion(coins(1));
        double call = truth.trueConversion(firstThenCall("make_call")).value();
        double wait = truth.trueConversion(firstThenCall("wait")).value();
        assertThat(mixed.method()).isEqualTo(TrueConversion.EXACT);
        assertThat(mixed.standardError()).isZero();
        assertThat(mixed.exactCases()).isEqualTo(300);
        assertThat(mixed.value()).isCloseTo(0.5 * call + 0.5 * wait, within(1e-12));
        // The branches differ, so the mixture is not one of them by chance.
        assertThat(Math.abs(call - wait)).isGreaterThan(0.02);
    }

    @Test
    void monteCarloAgreesWithTheEnumerationItReplaces() {
        LeadFollowupTruth truth = LeadFollowupTruth.of(EXAMPLE.withCases(100));
        TrueConversion exact = truth.trueConversion(coins(3), TruthSettings.draws(8));
        TrueConversion sampled = truth.trueConversion(coins(3), TruthSettings.draws(400).withMaxExactPaths(0));
        assertThat(exact.exact()).isTrue();
        assertThat(sampled.method()).isEqualTo(TrueConversion.MONTE_CARLO);
        assertThat(sampled.draws()).isEqualTo(400);
        assertThat(sampled.exactCases()).isZero();
        assertThat(sampled.standardError()).isPositive();
        assertThat(sampled.value()).isCloseTo(exact.value(), within(4 * sampled.standardError()));
    }

    @Test
    void theMonteCarloStandardErrorIsReportedAndShrinksWithDraws() {
        LeadFollowupTruth truth = LeadFollowupTruth.of(EXAMPLE.withCases(60));
        Policy random = RandomPolicy.withSeed(42);
        TrueConversion few = truth.trueConversion(random, TruthSettings.draws(16).withMaxExactPaths(0));
        TrueConversion many = truth.trueConversion(random, TruthSettings.draws(256).withMaxExactPaths(0));
        assertThat(few.standardError()).isPositive();
        // 16 times the draws: a quarter of the error, give or take the noise of estimating it.
        assertThat(few.standardError() / many.standardError()).isBetween(3.0, 5.5);
        assertThat(few.value()).isCloseTo(many.value(), within(4 * Math.hypot(few.standardError(),
                many.standardError())));
        assertThat(few.summary()).startsWith(String.format(java.util.Locale.ROOT, "%.4f ± %.4f (monte carlo: 16 draws"
                + " per case on 60 cases, 0 enumerated)", few.value(), few.standardError()));
    }

    @Test
    void theRepsPolicyIsHistoricalAndItsTruthIsNearTheObservedConversion() {
        LeadFollowupTruth truth = LeadFollowupTruth.of(EXAMPLE);
        TrueConversion reps = truth.loggingPolicy();
        assertThat(truth.trueConversion(HistoricalPolicy.withFallback("wait"))).isEqualTo(reps);
        assertThat(reps.method()).isEqualTo(TrueConversion.MONTE_CARLO);
        assertThat(reps.draws()).isEqualTo(100);

        org.systemarena.datasets.Workflow example = ExampleWorkflow.load();
        EventLog log = example.log();
        DecisionPointExtractor extractor = DecisionPointExtractor.of(example.manifest(), log);
        int positive = 0;
        for (int c = 0; c < log.caseCount(); c++) {
            positive += extractor.extractCase(c).outcome().isPositive() ? 1 : 0;
        }
        double observed = positive / 300.0;
        // The log is one draw of the reps' choices per lead; the truth is their expectation over the same leads.
        double se = Math.sqrt(observed * (1 - observed) / 300 + reps.standardError() * reps.standardError());
        assertThat(reps.value()).isCloseTo(observed, within(3 * se));
    }

    @Test
    void theRepsTableReadFromTheSnapshotGivesTheSameTruthToTheLastBit() {
        // The reps' policy written as an ordinary policy of the snapshot: if days_since_last_contact, budget or the
        // trigger read differently there than in the generator, its choices and so its truth would differ.
        Policy fromSnapshot = policy("reps-from-snapshot", s -> {
            DecisionTrigger trigger = "timer.elapsed".equals(s.get("event_type")) ? DecisionTrigger.FOLLOW_UP_CHECK
                    : DecisionTrigger.INBOUND_INTERACTION;
            double[] p = LeadBehaviourPolicy.probabilities(trigger,
                    ((Number) s.get("days_since_last_contact")).doubleValue(), ((Number) s.get("budget")).longValue());
            Map<String, Double> m = new java.util.HashMap<>();
            for (LeadAction a : LeadAction.values()) {
                m.put(a.id(), p[a.ordinal()]);
            }
            return Decision.of("send_email").withProbabilities(m);
        });
        LeadFollowupTruth truth = LeadFollowupTruth.of(EXAMPLE.withCases(80));
        TruthSettings settings = TruthSettings.draws(20);
        assertThat(truth.trueConversion(fromSnapshot, settings)).isEqualTo(truth.loggingPolicy(settings));
    }

    @Test
    void everyPolicyHasTheSameCasesThoseWithADecisionPoint() {
        // One follow-up check only: an outbound lead whose check finds recent contact never gets a decision.
        LeadFollowupConfig config = new LeadFollowupConfig(200, 9, LeadFollowupConfig.DEFAULT_START,
                java.time.Duration.ofHours(2), 8, 1, Long.MAX_VALUE);
        EventLog log = LeadFollowupGenerator.generate(config);
        DecisionPointExtractor x = DecisionPointExtractor.of(LeadFollowupGenerator.manifest(), log);
        int withPoints = 0;
        for (int c = 0; c < log.caseCount(); c++) {
            withPoints += x.extractCase(c).points().isEmpty() ? 0 : 1;
        }
        assertThat(withPoints).isLessThan(200).isGreaterThan(100);
        LeadFollowupTruth truth = LeadFollowupTruth.of(config);
        for (Policy p : List.of(ThresholdPolicy.of("days_since_last_contact", 3, "make_call", "wait"),
                RandomPolicy.withSeed(1), HistoricalPolicy.create())) {
            assertThat(truth.trueConversion(p, TruthSettings.draws(4)).cases()).as(p.name()).isEqualTo(withPoints);
        }
    }

    @Test
    void theResultDoesNotDependOnTheThreads() {
        LeadFollowupTruth truth = LeadFollowupTruth.of(EXAMPLE.withCases(150));
        TruthSettings settings = TruthSettings.draws(12);
        Policy random = RandomPolicy.withSeed(42);
        TrueConversion one = truth.trueConversion(random, settings.withThreads(1));
        assertThat(truth.trueConversion(random, settings.withThreads(3))).isEqualTo(one);
        assertThat(truth.trueConversion(random, settings.withThreads(1).withSeed(99))).isNotEqualTo(one);
    }

    @Test
    void theDefaultDrawsSpreadABudgetOverTheLeads() {
        assertThat(TruthSettings.forCases(300).draws()).isEqualTo(100);
        assertThat(TruthSettings.forCases(300).maxExactPaths()).isEqualTo(100);
        assertThat(TruthSettings.forCases(20).draws()).isEqualTo(400);
        assertThat(TruthSettings.forCases(20_000).draws()).isEqualTo(4);
    }
}
