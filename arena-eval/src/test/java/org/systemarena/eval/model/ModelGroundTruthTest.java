package org.systemarena.eval.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.systemarena.eval.simulation.Regime;
import org.systemarena.eval.simulation.Target;

/**
 * The model-based estimators on the simulator's six regimes, {@value #SEEDS} worlds each (seeds 1..{@value #SEEDS}),
 * against every target's population value, with mu as the evaluator settles it (docs/metrics.md, section 9, prints
 * the same counts with {@link ModelCoverageTable}). The bars ({@link GroundTruthBars}):
 * <ul>
 *   <li>deterministic targets, over the worlds whose IS verdict against the logging policy is inconclusive: DR's
 *       95% interval covers the truth in at least 90% of them, and its mean absolute error is at most half
 *       SNIPS's;</li>
 *   <li>every target: DR's mean absolute error no worse than SNIPS's;</li>
 *   <li>paired DR differences with the logging policy have the true difference's sign in at least 95% of the worlds
 *       whose interval excludes 0.</li>
 * </ul>
 * DR does not meet every bar. Where it falls short is listed in {@link #SHORTFALLS}, with the reason in
 * docs/metrics.md: its variance is that of the weighted residuals, so where the weights collapse onto a few cases
 * with huge weights (near-deterministic logging, long cases, deterministic targets) it inherits the importance
 * weights' heavy tail, and the percentile bootstrap cannot see the rare heavy-weight cases a world lacks. The test
 * fails both when a listed bar is met (the list and the docs are then out of date) and when any other is not.
 */
class ModelGroundTruthTest {
    static final int SEEDS = 40;
    private static final int RESAMPLES = 1_000;
    private static final Map<Regime, List<ModelSweep.Tally>> RUNS = new ConcurrentHashMap<>();

    /** regime / target / bar, as {@link GroundTruthBars.Outcome#key()}. */
    static final Set<String> SHORTFALLS = Set.of(
            // DR 0.0239 vs SNIPS 0.0393 over 4 worlds
            "baseline / always call / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // 30/40 cover
            "baseline / always wait / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // DR 0.0211 vs SNIPS 0.0208 over 40 worlds
            "baseline / always wait / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // DR 0.0211 vs SNIPS 0.0208 over 40 worlds
            "baseline / always wait / NO_WORSE_THAN_SNIPS",
            // DR 0.0239 vs SNIPS 0.0393 over 4 worlds
            "unsupported_action / always call / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // 30/40 cover
            "unsupported_action / always wait / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // DR 0.0211 vs SNIPS 0.0208 over 40 worlds
            "unsupported_action / always wait / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // DR 0.0211 vs SNIPS 0.0208 over 40 worlds
            "unsupported_action / always wait / NO_WORSE_THAN_SNIPS",
            // DR 0.0113 vs SNIPS 0.0105 over 40 worlds
            "near_deterministic_logging / softened logging / NO_WORSE_THAN_SNIPS",
            // 30/40 cover
            "near_deterministic_logging / always call / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // DR 0.2701 vs SNIPS 0.3827 over 40 worlds
            "near_deterministic_logging / always call / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // 27/40 cover
            "near_deterministic_logging / always wait / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // DR 0.0556 vs SNIPS 0.0869 over 40 worlds
            "near_deterministic_logging / always wait / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // 30/40 cover
            "near_deterministic_logging / call if >= 5 days since contact else wait / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // DR 0.2293 vs SNIPS 0.4541 over 40 worlds
            "near_deterministic_logging / call if >= 5 days since contact else wait"
                    + " / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // 15/16 claims
            "near_deterministic_logging / call if >= 5 days since contact else wait / TRUE_SIGN",
            // DR 0.0803 vs SNIPS 0.0725 over 40 worlds
            "near_deterministic_logging / uniform random / NO_WORSE_THAN_SNIPS",
            // 3/7 claims
            "near_deterministic_logging / uniform random / TRUE_SIGN",
            // DR 0.1042 vs SNIPS 0.0869 over 40 worlds
            "near_deterministic_logging / call or email 50/50 / NO_WORSE_THAN_SNIPS",
            // 28/36 cover
            "missing_propensities / always call / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // DR 0.0676 vs SNIPS 0.0901 over 36 worlds
            "missing_propensities / always call / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // 33/40 cover
            "missing_propensities / always wait / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // DR 0.0211 vs SNIPS 0.0185 over 40 worlds
            "missing_propensities / always wait / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // DR 0.0211 vs SNIPS 0.0185 over 40 worlds
            "missing_propensities / always wait / NO_WORSE_THAN_SNIPS",
            // 16/20 cover
            "missing_propensities / call if >= 5 days since contact else wait / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // DR 0.0646 vs SNIPS 0.0619 over 20 worlds
            "missing_propensities / call if >= 5 days since contact else wait / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // DR 0.0526 vs SNIPS 0.0512 over 40 worlds
            "missing_propensities / call if >= 5 days since contact else wait / NO_WORSE_THAN_SNIPS",
            // DR 0.0640 vs SNIPS 0.0764 over 38 worlds
            "small_log / always call / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // 30/40 cover
            "small_log / always wait / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // DR 0.0709 vs SNIPS 0.0600 over 40 worlds
            "small_log / always wait / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // DR 0.0709 vs SNIPS 0.0600 over 40 worlds
            "small_log / always wait / NO_WORSE_THAN_SNIPS",
            // DR 0.0668 vs SNIPS 0.0796 over 40 worlds
            "small_log / call if >= 5 days since contact else wait / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // DR 0.0331 vs SNIPS 0.0327 over 40 worlds
            "small_log / call or email 50/50 / NO_WORSE_THAN_SNIPS",
            // DR 0.0088 vs SNIPS 0.0087 over 40 worlds
            "long_horizon / softened logging / NO_WORSE_THAN_SNIPS",
            // 33/40 cover
            "long_horizon / always call / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // DR 0.2532 vs SNIPS 0.2569 over 40 worlds
            "long_horizon / always call / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // 4/5 claims
            "long_horizon / always call / TRUE_SIGN",
            // 30/40 cover
            "long_horizon / always wait / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // DR 0.0539 vs SNIPS 0.0386 over 40 worlds
            "long_horizon / always wait / HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE",
            // DR 0.0539 vs SNIPS 0.0386 over 40 worlds
            "long_horizon / always wait / NO_WORSE_THAN_SNIPS",
            // 29/40 cover
            "long_horizon / call if >= 5 days since contact else wait / COVERAGE_WHERE_IS_INCONCLUSIVE",
            // 1/3 claims
            "long_horizon / call if >= 5 days since contact else wait / TRUE_SIGN",
            // DR 0.0109 vs SNIPS 0.0107 over 40 worlds
            "long_horizon / uniform random / NO_WORSE_THAN_SNIPS",
            // 1/2 claims
            "long_horizon / call or email 50/50 / TRUE_SIGN");

    static Stream<Arguments> regimes() {
        return Regime.ALL.stream().map(r -> Arguments.of(r.name(), r));
    }

    private static List<ModelSweep.Tally> run(Regime r) {
        return RUNS.computeIfAbsent(r, x -> ModelSweep.run(x, SEEDS, RESAMPLES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regimes")
    void drMeetsTheBarsExceptWhereDocumented(String name, Regime regime) {
        List<String> unexpected = new ArrayList<>();
        for (GroundTruthBars.Outcome o : GroundTruthBars.judge(run(regime))) {
            boolean shortfall = SHORTFALLS.contains(o.key());
            if (o.met() == shortfall) {
                unexpected.add(o.key() + (o.met() ? ": now met (update SHORTFALLS and docs/metrics.md)"
                        : ": not met") + " - " + o.figures());
            }
        }
        assertThat(unexpected).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regimes")
    void theLoggingPolicysDrIsItsObservedRateInEveryWorld(String name, Regime regime) {
        ModelSweep.Tally historical = run(regime).get(0);
        assertThat(historical.target).isEqualTo(Target.HISTORICAL);
        assertThat(historical.drDefined).isEqualTo(SEEDS);
        // SNIPS of the logging policy (every weight 1) is its observed rate too: the same errors, to the last bit.
        assertThat(historical.pairedDrError).isEqualTo(historical.pairedSnipsError);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regimes")
    void theOutcomeModelsPassTheirCheck(String name, Regime regime) {
        for (ModelSweep.Tally t : run(regime)) {
            assertThat(t.checkFailed).as("%s / %s: worlds whose model failed its check", name, t.target)
                    .isLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regimes")
    void withHealthyWeightsTheIntervalsOfModelsFittedOnceCoverTheTruth(String name, Regime regime) {
        // The models are fitted once per target, not per resample. Where the weights are healthy (every world's IS
        // verdict conclusive) that loses nothing: DR's interval covers as an interval should.
        int checked = 0;
        for (ModelSweep.Tally t : run(regime)) {
            if (t.target.equals(Target.HISTORICAL) || t.inconclusive > 0 || t.drDefined == 0) {
                continue;
            }
            checked++;
            assertThat((double) t.drCovered / t.drDefined).as("%s / %s: %d of %d DR intervals cover %.4f", name,
                    t.target, t.drCovered, t.drDefined, t.truth).isGreaterThanOrEqualTo(0.90);
        }
        if (!regime.equals(Regime.NEAR_DETERMINISTIC_LOGGING)) {
            assertThat(checked).as("targets with healthy weights").isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regimes")
    void theModelDecidesOnlyWhatTheWeightsLeaveOpen(String name, Regime regime) {
        // Each world gives one verdict per target: by the weights, by the model, or still inconclusive; the model
        // never overrides a conclusive verdict of the weights (their claims are section 8's).
        for (ModelSweep.Tally t : run(regime)) {
            if (t.target.equals(Target.HISTORICAL)) {
                continue;
            }
            int byWeights = t.worlds - t.inconclusive;
            assertThat(t.modelVerdicts + t.stillInconclusive).as("%s / %s", name, t.target)
                    .isEqualTo(t.inconclusive);
            assertThat(t.weightRightSign).as("%s / %s: the weights' claims", name, t.target)
                    .isEqualTo(t.weightClaims);
            assertThat(t.weightClaims).isLessThanOrEqualTo(byWeights);
        }
    }

    @Test
    void modelBasedVerdictsDecideComparisonsTheWeightsCannotAndRarelyOverstateTheTarget() {
        // Not vacuous: over the six regimes the model decides hundreds of comparisons the weights left inconclusive
        // (section 10's table: 351 verdicts, 199 better/worse claims, all with the true sign, asserted per cell by the bars).
        int verdicts = 0;
        int claims = 0;
        int above = 0;
        for (Regime regime : Regime.ALL) {
            for (ModelSweep.Tally t : run(regime)) {
                verdicts += t.modelVerdicts;
                claims += t.modelClaims;
                above += t.modelAbove;
            }
        }
        assertThat(verdicts).isGreaterThanOrEqualTo(300);
        assertThat(claims).isGreaterThanOrEqualTo(150);
        // Its intervals miss mostly below the truth (they understate the target: section 10), which makes "not
        // worse by m" conservative; wholly above the truth at most as often as a 95% interval's upper side allows.
        assertThat(above).isLessThanOrEqualTo((int) (0.025 * verdicts));
    }

    @Test
    void targetsOnActionsTheLogNeverTookGetNoDr() {
        for (ModelSweep.Tally t : run(Regime.UNSUPPORTED_ACTION)) {
            boolean escalates = t.target.equals(Target.UNIFORM_RANDOM.name())
                    || t.target.equals(Target.ESCALATE_IF_5_DAYS_ELSE_WAIT.name());
            assertThat(t.drDefined).as(t.target).isEqualTo(escalates ? 0 : SEEDS);
        }
    }
}
