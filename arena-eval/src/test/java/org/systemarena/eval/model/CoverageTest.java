package org.systemarena.eval.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.systemarena.eval.simulation.Regime;
import org.systemarena.eval.simulation.Target;

/** Actions with no Q at their rule make an estimate undefined; actions modelled from few decisions are flagged. */
class CoverageTest {
    @Test
    void aTargetThatTakesAnActionTheLogNeverTookGetsNoEstimate() {
        SimulatedWorld world = SimulatedWorld.of(Regime.UNSUPPORTED_ACTION, 3);
        ModelBasedResult r = world.estimator().evaluate(world.log().targetProbabilities(Target.UNIFORM_RANDOM));
        assertThat(r.coverage().notModelledMass()).isCloseTo(0.25, within(1e-12));
        assertThat(r.coverage().notModelled()).extracting(FlaggedAction::action).containsOnly("escalate");
        assertThat(r.coverage().notModelled()).extracting(FlaggedAction::rule)
                .containsExactly("first_contact", "follow_up");
        assertThat(r.coverage().drUndefinedCases()).isEqualTo(r.usedCases());
        assertThat(r.dr().isDefined()).isFalse();
        assertThat(r.wdr().isDefined()).isFalse();
        assertThat(r.dm().isDefined()).isFalse();
        assertThat(r.usable()).isFalse();
        assertThat(r.hasWarning(ModelWarning.Code.NOT_MODELLED)).isTrue();
        assertThat(r.describe()).startsWith("no model-based estimate: 25.0% of the target's probability is on actions"
                + " the log never took at their rule");
    }

    @Test
    void aNotModelledActionBehindAZeroWeightIsNotNeeded() {
        // Escalate only from the second decision point on, and always wait before: a case whose first logged action
        // is not wait has weight 0 when escalate would come, so only the cases that waited first need its value.
        SimulatedWorld world = SimulatedWorld.of(Regime.UNSUPPORTED_ACTION, 3);
        double[] pi = world.log().probabilities((checkIn, days, budget, source, out) -> {
            java.util.Arrays.fill(out, 0.0);
            out[checkIn == 0 ? 2 : 3] = 1.0;
        });
        ModelBasedResult r = world.estimator().evaluate(pi);
        assertThat(r.dm().isDefined()).as("V(x_0) needs wait only").isTrue();
        int waitedFirst = 0;
        int longer = 0;
        for (int c = 0; c < world.decisions().cases(); c++) {
            int from = world.decisions().caseStart(c);
            if (world.decisions().caseStart(c + 1) - from > 1) {
                longer++;
                waitedFirst += world.decisions().loggedAction(from) == 2 ? 1 : 0;
            }
        }
        assertThat(r.coverage().drUndefinedCases()).isEqualTo(waitedFirst).isLessThan(longer);
        assertThat(r.dr().isDefined()).isFalse();
    }

    @Test
    void actionsModelledFromFewDecisionsAreFlaggedButUsed() {
        // 97% email: a call is logged about 1.5% of the time, some 30 times at first contact.
        SimulatedWorld world = SimulatedWorld.of(Regime.NEAR_DETERMINISTIC_LOGGING, 4);
        ModelBasedResult r = world.estimator().evaluate(world.log().targetProbabilities(Target.ALWAYS_CALL));
        assertThat(r.coverage().notModelledMass()).isZero();
        assertThat(r.coverage().extrapolatedMass()).isGreaterThan(0.3);
        assertThat(r.coverage().extrapolated()).extracting(FlaggedAction::action).containsOnly("call");
        assertThat(r.coverage().extrapolated()).allSatisfy(f -> assertThat(f.fewestTrainingDecisions())
                .isLessThan(ModelSettings.DEFAULT_MIN_DECISIONS));
        assertThat(r.hasWarning(ModelWarning.Code.MODEL_EXTRAPOLATED)).isTrue();
        assertThat(r.dr().isDefined()).isTrue();

        ModelBasedResult email = world.estimator().evaluate(world.log().targetProbabilities(
                Target.CALL_OR_EMAIL_50_50));
        assertThat(email.coverage().extrapolatedMass()).isCloseTo(0.5, within(0.2));
    }

    @Test
    void withEveryActionWellLoggedNothingIsFlagged() {
        SimulatedWorld world = SimulatedWorld.of(Regime.BASELINE, 4);
        ModelBasedResult r = world.estimator().evaluate(world.log().targetProbabilities(Target.UNIFORM_RANDOM));
        assertThat(r.coverage().notModelledMass()).isZero();
        assertThat(r.coverage().extrapolatedMass()).isZero();
        assertThat(r.coverage().decisionPoints()).isEqualTo(world.decisions().size());
        assertThat(r.warnings()).isEmpty();
        assertThat(r.usable()).isTrue();
    }
}
