package org.systemarena.eval.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.systemarena.eval.estimate.LeadFollowUpSimulator.ALWAYS_CALL;
import static org.systemarena.eval.estimate.LeadFollowUpSimulator.ALWAYS_WAIT;
import static org.systemarena.eval.estimate.LeadFollowUpSimulator.CALL_IF_5_DAYS_ELSE_WAIT;
import static org.systemarena.eval.estimate.LeadFollowUpSimulator.CALL_OR_EMAIL_50_50;
import static org.systemarena.eval.estimate.LeadFollowUpSimulator.LOGGING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.systemarena.eval.estimate.LeadFollowUpSimulator.Policy;

/**
 * The estimators against the simulator's known answer: each target policy's true conversion on the same cases,
 * computed by re-running every case under the target with the case's own exogenous draws.
 */
class OffPolicyGroundTruthTest {
    private static final int CASES = 20_000;
    /**
     * A 95% interval misses the truth in about one world of twenty, and this class checks some twenty intervals in
     * one world, so the world is fixed (seed 1, the first tried with these settings passes); how often intervals
     * cover across worlds is what {@link #intervalsCoverTheTruthAtLeast85PercentOfTheTimeOver20Worlds} measures.
     */
    private static final long WORLD_SEED = 1L;
    /** Stated accuracy of SNIPS at 20k cases in this world (largest error seen over 20 worlds: 0.026). */
    private static final double SNIPS_TOLERANCE = 0.03;

    private static final Map<String, Policy> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("logging policy", LOGGING);
        TARGETS.put("always call", ALWAYS_CALL);
        TARGETS.put("call if >= 5 days since contact, else wait", CALL_IF_5_DAYS_ELSE_WAIT);
        TARGETS.put("call or email 50/50", CALL_OR_EMAIL_50_50);
        TARGETS.put("always wait", ALWAYS_WAIT);
    }

    private static LeadFollowUpSimulator world;
    private static final Map<String, Double> TRUTH = new LinkedHashMap<>();
    private static final Map<String, OffPolicyEstimate> ESTIMATES = new LinkedHashMap<>();

    @BeforeAll
    static void simulate() {
        world = new LeadFollowUpSimulator(WORLD_SEED, CASES);
        OffPolicyEstimator estimator = OffPolicyEstimator.of(BootstrapSettings.of(7));
        TARGETS.forEach((name, policy) -> {
            TRUTH.put(name, world.trueConversion(policy));
            ESTIMATES.put(name, estimator.estimate(EpisodeAssembler.assemble(world.loggedCases(LOGGING, policy, true))));
        });
    }

    static Stream<Arguments> targets() {
        return TARGETS.keySet().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void truthLiesInsideBothIntervalsAndSnipsIsClose(String name) {
        double truth = TRUTH.get(name);
        OffPolicyEstimate e = ESTIMATES.get(name);

        assertThat(e.propensities()).isEqualTo(PropensitySource.LOGGED);
        assertThat(e.usedCases()).isEqualTo(CASES);
        assertThat(e.ips().covers(truth)).as("IPS %s covers %s", e.ips(), truth).isTrue();
        assertThat(e.snips().covers(truth)).as("SNIPS %s covers %s", e.snips(), truth).isTrue();
        assertThat(Math.abs(e.snips().value() - truth)).isLessThan(SNIPS_TOLERANCE);
        assertThat(e.ips().lower()).isLessThan(e.ips().value());
        assertThat(e.ips().upper()).isGreaterThan(e.ips().value());
    }

    @Test
    void theTargetsReallyDifferSoTheTestsAboveHaveTeeth() {
        // The logged conversion is not a stand-in for any other policy's value.
        double logged = TRUTH.get("logging policy");
        TRUTH.forEach((name, truth) -> {
            if (!name.equals("logging policy")) {
                assertThat(Math.abs(truth - logged)).as(name).isGreaterThan(0.04);
                assertThat(ESTIMATES.get(name).observed().covers(truth)).as(name).isFalse();
            }
        });
    }

    @Test
    void estimatesAreOrderedLikeTheTruthForClearlySeparatedPolicies() {
        List<String> names = List.copyOf(TARGETS.keySet());
        int comparedPairs = 0;
        for (String a : names) {
            for (String b : names) {
                if (TRUTH.get(a) - TRUTH.get(b) > 0.05) {
                    comparedPairs++;
                    assertThat(ESTIMATES.get(a).snips().value()).as("%s above %s", a, b)
                            .isGreaterThan(ESTIMATES.get(b).snips().value());
                    assertThat(ESTIMATES.get(a).ips().value()).as("%s above %s", a, b)
                            .isGreaterThan(ESTIMATES.get(b).ips().value());
                }
            }
        }
        assertThat(comparedPairs).isGreaterThanOrEqualTo(7);
    }

    @Test
    void ipsEqualsTheObservedRateExactlyWhenTheTargetIsTheLoggingPolicy() {
        OffPolicyEstimate e = ESTIMATES.get("logging policy");
        assertThat(e.maxWeight()).isEqualTo(1.0);
        assertThat(e.effectiveSampleSize()).isEqualTo(CASES);
        assertThat(e.ips()).isEqualTo(e.observed());
        assertThat(e.snips()).isEqualTo(e.observed());
        assertThat(e.warnings()).isEmpty();
    }

    @Test
    void deterministicTargetsGetSmallerEffectiveSamplesAndWarningsWhereDue() {
        OffPolicyEstimate call = ESTIMATES.get("always call");
        OffPolicyEstimate mixed = ESTIMATES.get("call or email 50/50");
        assertThat(call.effectiveSampleSize()).isLessThan(mixed.effectiveSampleSize());
        // ESS of a deterministic target here is ~8% of the cases: below the 10% line, so flagged.
        assertThat(call.hasWarning(EstimateWarning.Code.SMALL_EFFECTIVE_SAMPLE_SIZE)).isTrue();
        assertThat(mixed.hasWarning(EstimateWarning.Code.SMALL_EFFECTIVE_SAMPLE_SIZE)).isFalse();
        assertThat(call.maxWeight()).isGreaterThan(10);
    }

    @Test
    void intervalsCoverTheTruthAtLeast85PercentOfTheTimeOver20Worlds() {
        Map<String, Policy> required = new LinkedHashMap<>(TARGETS);
        required.remove("always wait");
        int worlds = 20;
        Map<String, int[]> covered = new LinkedHashMap<>();
        for (int seed = 1; seed <= worlds; seed++) {
            LeadFollowUpSimulator small = new LeadFollowUpSimulator(1_000 + seed, 5_000);
            OffPolicyEstimator estimator = OffPolicyEstimator.of(BootstrapSettings.of(seed));
            for (Map.Entry<String, Policy> t : required.entrySet()) {
                double truth = small.trueConversion(t.getValue());
                OffPolicyEstimate e = estimator.estimate(
                        EpisodeAssembler.assemble(small.loggedCases(LOGGING, t.getValue(), true)));
                int[] c = covered.computeIfAbsent(t.getKey(), k -> new int[2]);
                c[0] += e.ips().covers(truth) ? 1 : 0;
                c[1] += e.snips().covers(truth) ? 1 : 0;
            }
        }
        covered.forEach((name, c) -> {
            assertThat(c[0]).as("IPS coverage of %s over %d worlds", name, worlds).isGreaterThanOrEqualTo(17);
            assertThat(c[1]).as("SNIPS coverage of %s over %d worlds", name, worlds).isGreaterThanOrEqualTo(17);
        });
    }

    @Test
    void pairedDifferenceIntervalsCoverTheTrueDifference() {
        OffPolicyEstimator estimator = OffPolicyEstimator.of(BootstrapSettings.of(11));
        String[][] pairs = {
            {"call or email 50/50", "logging policy"},
            {"always call", "call or email 50/50"},
            {"call if >= 5 days since contact, else wait", "always call"},
        };
        for (String[] pair : pairs) {
            EpisodeSet target = EpisodeAssembler.assemble(world.loggedCases(LOGGING, TARGETS.get(pair[0]), true));
            EpisodeSet baseline = EpisodeAssembler.assemble(world.loggedCases(LOGGING, TARGETS.get(pair[1]), true));
            PolicyComparison cmp = estimator.compare(target, baseline);
            double trueDifference = TRUTH.get(pair[0]) - TRUTH.get(pair[1]);

            assertThat(cmp.snipsDifference().covers(trueDifference)).as("%s vs %s: %s", pair[0], pair[1],
                    cmp.snipsDifference()).isTrue();
            assertThat(cmp.ipsDifference().covers(trueDifference)).as("%s vs %s: %s", pair[0], pair[1],
                    cmp.ipsDifference()).isTrue();
            // Same cases, so each side's point estimate is the stand-alone one.
            OffPolicyEstimate alone = estimator.estimate(target);
            assertThat(cmp.target().snips().value()).isEqualTo(alone.snips().value());
            assertThat(cmp.snipsDifference().value())
                    .isEqualTo(cmp.target().snips().value() - cmp.baseline().snips().value());
        }
    }

    @Test
    void pairingMakesTheDifferenceIntervalNarrowerThanTheSidesSuggest() {
        // 50/50 and the logging policy share most of their weight on the same cases; their difference is far more
        // certain than either estimate alone, which only a paired bootstrap can show.
        OffPolicyEstimator estimator = OffPolicyEstimator.of(BootstrapSettings.of(3));
        PolicyComparison cmp = estimator.compare(
                EpisodeAssembler.assemble(world.loggedCases(LOGGING, CALL_OR_EMAIL_50_50, true)),
                EpisodeAssembler.assemble(world.loggedCases(LOGGING, LOGGING, true)));
        double independentWidth = Math.hypot(cmp.target().snips().width(), cmp.baseline().snips().width());
        assertThat(cmp.snipsDifference().width()).isLessThan(0.8 * independentWidth);
        assertThat(cmp.snipsDifference().lower()).isGreaterThan(0.0);
    }

    @Test
    void anEstimatedBehaviourModelRecoversTheTruthWhenItsKeyCapturesTheLoggingPolicy() {
        OffPolicyEstimator estimator = OffPolicyEstimator.of(BootstrapSettings.of(5));
        for (String name : List.of("always call", "call or email 50/50", "logging policy")) {
            EpisodeSet set = EpisodeAssembler.assemble(world.loggedCases(LOGGING, TARGETS.get(name), false));
            OffPolicyEstimate e = estimator.estimate(set);
            double truth = TRUTH.get(name);

            assertThat(set.propensities().estimated()).isTrue();
            assertThat(e.hasWarning(EstimateWarning.Code.ESTIMATED_BEHAVIOUR_MODEL)).isTrue();
            assertThat(e.warnings().get(0).message()).contains("empirical action frequencies per state key (3 keys");
            assertThat(e.usedCases()).isEqualTo(CASES);
            assertThat(e.snips().covers(truth)).as("%s: %s covers %s", name, e.snips(), truth).isTrue();
            assertThat(Math.abs(e.snips().value() - truth)).isLessThan(SNIPS_TOLERANCE);
        }
    }

    @Test
    void numbersDoNotDependOnTheThreadCount() {
        EpisodeSet set = EpisodeAssembler.assemble(world.loggedCases(LOGGING, CALL_IF_5_DAYS_ELSE_WAIT, true));
        BootstrapSettings base = BootstrapSettings.of(99);
        OffPolicyEstimate one = OffPolicyEstimator.of(base.withThreads(1)).estimate(set);
        for (int threads : new int[] {2, 3, 8}) {
            assertThat(OffPolicyEstimator.of(base.withThreads(threads)).estimate(set)).isEqualTo(one);
        }
        OffPolicyEstimate otherSeed = OffPolicyEstimator.of(BootstrapSettings.of(100)).estimate(set);
        assertThat(otherSeed.snips().value()).isEqualTo(one.snips().value());
        assertThat(otherSeed.snips().lower()).isNotEqualTo(one.snips().lower());
    }
}
