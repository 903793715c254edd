package org.systemarena.eval.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.conversion.ConversionAnalysis;
import org.systemarena.eval.conversion.PolicyConversion;
import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.estimate.PolicyComparison;
import org.systemarena.eval.simulation.GroundTruth;
import org.systemarena.eval.simulation.Regime;
import org.systemarena.eval.simulation.Target;
import org.systemarena.eval.verdict.Reason;
import org.systemarena.eval.verdict.Verdict;

/**
 * The verdict rule's model-based fallback on simulated worlds: when it decides, what it decides with, and each
 * reason it declines (docs/metrics.md, section 10). Its record over many worlds is {@link ModelGroundTruthTest}'s.
 */
class ModelVerdictTest {
    private static final String WAIT = Target.ALWAYS_WAIT.name();

    @Test
    void decidesWhatTheWeightsCannotWithTheSpanOfTheThreeDifferences() {
        SimulatedWorld world = SimulatedWorld.of(Regime.BASELINE, 3);
        ConversionAnalysis analysis = world.analysis();
        Side wait = side(world, Target.ALWAYS_WAIT, false);
        Side historical = side(world, Target.historical(world.regime()), true);
        PolicyComparison paired = analysis.compare(wait.is, historical.is);

        Verdict weights = analysis.verdict(WAIT, wait.is, Target.HISTORICAL, historical.is, paired);
        assertThat(weights.inconclusive()).isTrue();
        assertThat(weights.reason()).isEqualTo(Reason.SMALL_EFFECTIVE_SAMPLE);

        ModelBasedComparison model = analysis.modelBased().compare(wait.model, historical.model);
        Verdict v = analysis.verdict(WAIT, wait.is, Target.HISTORICAL, historical.is, paired, model);
        double truth = GroundTruth.trueConversion(Regime.BASELINE, Target.ALWAYS_WAIT)
                - GroundTruth.trueConversion(Regime.BASELINE, Target.historical(Regime.BASELINE));
        assertThat(truth).isLessThan(-0.15);
        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.WORSE);
        assertThat(v.estimator()).isEqualTo("doubly_robust");
        assertThat(v.modelObstacle()).isNull();
        Estimate d = v.difference();
        assertThat(d.value()).isEqualTo(model.drDifference().value());
        assertThat(d.lower()).isEqualTo(Math.min(model.drDifference().lower(), Math.min(model.dmDifference().lower(),
                model.wdrDifference().lower())));
        assertThat(d.upper()).isEqualTo(Math.max(model.drDifference().upper(), Math.max(model.dmDifference().upper(),
                model.wdrDifference().upper())));
        assertThat(d.covers(truth)).isTrue();
        assertThat(v.message()).startsWith("'always wait' is worse than 'historical': ")
                .contains("(doubly robust; paired bootstrap over 2,000 cases, the interval spanning the direct"
                        + " method's and weighted DR's)")
                .endsWith("; the importance weights alone were inconclusive: " + weights.message());
    }

    @Test
    void neverOverridesAConclusiveVerdictOfTheWeights() {
        SimulatedWorld world = SimulatedWorld.of(Regime.BASELINE, 3);
        ConversionAnalysis analysis = world.analysis();
        Side random = side(world, Target.UNIFORM_RANDOM, false);
        Side historical = side(world, Target.historical(world.regime()), true);
        PolicyComparison paired = analysis.compare(random.is, historical.is);
        Verdict weights = analysis.verdict("random", random.is, Target.HISTORICAL, historical.is, paired);
        assertThat(weights.inconclusive()).isFalse();
        Verdict v = analysis.verdict("random", random.is, Target.HISTORICAL, historical.is, paired,
                analysis.modelBased().compare(random.model, historical.model));
        assertThat(v).isEqualTo(weights);
    }

    @Test
    void declinesWhenTheTargetChoosesActionsNoModelHas() {
        SimulatedWorld world = SimulatedWorld.of(Regime.UNSUPPORTED_ACTION, 3);
        ConversionAnalysis analysis = world.analysis();
        Target escalate = Target.ESCALATE_IF_5_DAYS_ELSE_WAIT;
        Side target = side(world, escalate, false);
        Side historical = side(world, Target.historical(world.regime()), true);
        PolicyComparison paired = analysis.compare(target.is, historical.is);
        Verdict v = analysis.verdict(escalate.name(), target.is, Target.HISTORICAL, historical.is, paired,
                analysis.modelBased().compare(target.model, historical.model));
        assertThat(v.inconclusive()).isTrue();
        assertThat(v.reason()).isEqualTo(Reason.UNSUPPORTED_ACTIONS);
        assertThat(v.modelObstacle()).startsWith("'" + escalate.name() + "' puts ")
                .endsWith("of its probability on actions the log never took at their rule, so no outcome model"
                        + " gives their value");
        assertThat(v.message()).endsWith("; no model-based verdict either: " + v.modelObstacle());
    }

    @Test
    void declinesWhenAnOutcomeModelFailsItsCheck() {
        SimulatedWorld world = SimulatedWorld.of(Regime.BASELINE, 3);
        ConversionAnalysis analysis = world.analysis();
        ModelBasedEstimator estimator = analysis.modelBased();
        double[] pi = world.log().targetProbabilities(Target.ALWAYS_WAIT);
        double[] shifted = Arrays.stream(estimator.outOfFoldQ(pi, false)).map(x -> Math.min(1.0, x + 0.15))
                .toArray();
        ModelBasedResult bad = estimator.evaluateWith(pi, false, shifted);
        Side historical = side(world, Target.historical(world.regime()), true);
        PolicyConversion wait = analysis.evaluate(pi, false);
        Verdict v = analysis.verdict(WAIT, wait, Target.HISTORICAL, historical.is,
                analysis.compare(wait, historical.is), estimator.compare(bad, historical.model));
        assertThat(v.inconclusive()).isTrue();
        assertThat(v.modelObstacle()).isEqualTo("the outcome model of 'always wait' failed its held-out check ("
                + bad.modelCheck().failure() + ")");
    }

    @Test
    void declinesWhenMoreThanTheAllowedMassIsModelExtrapolated() {
        // Logging calls 1.5% of the time leaves some folds with fewer than 50 calls at a rule.
        for (long seed = 1; seed <= 40; seed++) {
            SimulatedWorld world = SimulatedWorld.of(Regime.NEAR_DETERMINISTIC_LOGGING, seed);
            ConversionAnalysis analysis = world.analysis();
            Side target = side(world, Target.UNIFORM_RANDOM, false);
            if (target.model.coverage().extrapolatedMass() <= 0.01) {
                continue;
            }
            Side historical = side(world, Target.historical(world.regime()), true);
            PolicyComparison paired = analysis.compare(target.is, historical.is);
            Verdict v = analysis.verdict("random", target.is, Target.HISTORICAL, historical.is, paired,
                    analysis.modelBased().compare(target.model, historical.model));
            assertThat(v.inconclusive()).isTrue();
            assertThat(v.modelObstacle()).contains("of the probability of 'random' is on actions the log took too"
                    + " rarely in some training fold to model them (model-extrapolated; allowed: 1.0%)");
            return;
        }
        throw new AssertionError("no world with model-extrapolated mass above 1%");
    }

    @Test
    void declinesWhenTheDoublyRobustAndDirectDifferencesDisagree() {
        // Over 8 decision points per case the weights of 'always call' reach thousands: DR strays from DM.
        for (long seed = 1; seed <= 40; seed++) {
            SimulatedWorld world = SimulatedWorld.of(Regime.LONG_HORIZON, seed);
            ConversionAnalysis analysis = world.analysis();
            Side target = side(world, Target.ALWAYS_CALL, false);
            Side historical = side(world, Target.historical(world.regime()), true);
            ModelBasedComparison model = analysis.modelBased().compare(target.model, historical.model);
            Estimate dr = model.drDifference();
            Estimate dm = model.dmDifference();
            boolean earlierGates = target.model.usable() && historical.model.usable()
                    && target.model.coverage().extrapolatedMass() <= 0.01
                    && historical.model.coverage().extrapolatedMass() <= 0.01;
            if (!earlierGates || dr.upper() >= dm.lower() && dm.upper() >= dr.lower()) {
                continue;
            }
            PolicyComparison paired = analysis.compare(target.is, historical.is);
            Verdict v = analysis.verdict("calls", target.is, Target.HISTORICAL, historical.is, paired, model);
            assertThat(v.inconclusive()).isTrue();
            assertThat(v.modelObstacle()).startsWith("the doubly robust difference ")
                    .endsWith(" do not overlap: the weights' correction contradicts the outcome model, so neither is"
                            + " trusted");
            return;
        }
        throw new AssertionError("no long-horizon world where DR and DM disagree");
    }

    private record Side(PolicyConversion is, ModelBasedResult model) {
    }

    private static Side side(SimulatedWorld world, Target target, boolean logging) {
        double[] pi = world.log().targetProbabilities(target);
        return new Side(world.analysis().evaluate(pi, logging), world.analysis().modelBased().evaluate(pi, logging));
    }
}
