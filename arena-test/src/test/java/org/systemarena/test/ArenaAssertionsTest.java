package org.systemarena.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.systemarena.test.ArenaAssertions.assertThat;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;
import org.systemarena.core.ExampleDir;
import org.systemarena.core.manifest.Severity;
import org.systemarena.run.RunResult;

/**
 * Every assertion on the bundled example, passing and failing with its exact message. The figures in the messages
 * are the library's verdicts (the same numbers its own sentences give, quoted beside each test); the kit only
 * words them.
 */
class ArenaAssertionsTest {
    @RegisterExtension
    static final ArenaExtension ARENA = ArenaExtension.forWorkflow(ExampleDir.DIR)
            .policies("org.systemarena.test.SoftenedRepsPolicy:reps=0.8,toward=make_call,name=calls",
                    "org.systemarena.test.SoftenedRepsPolicy:reps=0.8,toward=wait,name=waits",
                    "constant:action=send_email")
            .policies(FailingPolicy.class)
            .baselines("historical:fallback=wait", "random:seed=7");

    // The library's verdicts these tests read (VerdictRule's own sentences, from the same run):
    //   'calls' vs historical: no detectable difference, +3.0 pp [-3.7 pp, +7.0 pp]; vs random: better
    //   'waits' vs historical: worse, -17.7 pp [-24.6 pp, -9.7 pp]; vs random: no detectable difference,
    //       -0.8 pp [-13.8 pp, +16.8 pp]
    //   'constant:send_email' and 'failing': inconclusive, small_effective_sample (ESS 6.9 and 1.0)
    // ESS: calls 203.3, waits 87.7, historical 300.0 (every case, weight 1), random 43.7.

    @Test
    void theGatesATeamWantsPassOnAGoodPolicy(RunResult run) {
        assertThat(run).policy("calls").hasNoViolations(Severity.VIOLATION).hasNoDecisionErrors()
                .conversion().isEstimable().isBetterThan("random").isNotWorseThan("historical").by(0.05);
        assertThat(run).policy("calls").hasNoViolations();
        assertThat(run.evaluation()).policy("calls").conversion().isNotWorseThan("historical").by(0.04);
    }

    @Test
    void violationsAreCountedFromTheSeverityGivenUp(RunResult run) {
        assertThat(run).policy("calls").hasNoViolations(Severity.VIOLATION).hasAtMostViolations(14, Severity.WARNING);
        assertThat(run).policy("constant:send_email").hasNoViolations(Severity.CRITICAL)
                .hasAtMostViolations(150, Severity.VIOLATION);
        fails(() -> assertThat(run).policy("calls").hasNoViolations(Severity.WARNING),
                "Expected 'calls' to have no violations of severity warning or above, but it has 14 over 1,649 valid"
                        + " decisions: escalate_small_budget (warning) 14.");
        fails(() -> assertThat(run).policy("constant:send_email").hasNoViolations(),
                "Expected 'constant:send_email' to have no violations of severity violation or above, but it has 150"
                        + " over 1,649 valid decisions: no_spam (violation) 150.");
        fails(() -> assertThat(run).policy("constant:send_email").hasAtMostViolations(149, Severity.WARNING),
                "Expected 'constant:send_email' to have at most 149 violations of severity warning or above, but it"
                        + " has 150 over 1,649 valid decisions: no_spam (violation) 150.");
    }

    @Test
    void decisionErrorsNameTheFirstOne(RunResult run) {
        fails(() -> assertThat(run).policy("failing").hasNoDecisionErrors(),
                "Expected 'failing' to make no decision errors, but 556 of 1,649 decision points failed and it has"
                        + " 556 errors (exception 556); the first at decision point lead-000001#1/inbound_reply"
                        + " (case lead-000001): exception: IllegalStateException: no rule for a budget of 3700.");
        // Without the replay at hand (an Evaluation only), the counts alone.
        fails(() -> assertThat(run.evaluation()).policy("failing").hasNoDecisionErrors(),
                "Expected 'failing' to make no decision errors, but 556 of 1,649 decision points failed and it has"
                        + " 556 errors (exception 556).");
    }

    @Test
    void betterNeedsTheVerdictBetter(RunResult run) {
        fails(() -> assertThat(run).policy("calls").conversion().isBetterThan("historical"),
                "Expected 'calls' to be better than 'historical', but there is no detectable difference: the SNIPS"
                        + " difference in conversion is +3.0 pp [-3.7 pp, +7.0 pp] (95% interval), ESS 203.3"
                        + " ('historical': 300.0).");
        fails(() -> assertThat(run).policy("waits").conversion().isBetterThan("historical"),
                "Expected 'waits' to be better than 'historical', but it is worse: the SNIPS difference in conversion"
                        + " is -17.7 pp [-24.6 pp, -9.7 pp] (95% interval), ESS 87.7 ('historical': 300.0).");
    }

    @Test
    void notWorseReadsTheLowerEndOfTheVerdictsInterval(RunResult run) {
        // -3.7 pp is the lower end: not worse by 3.8 points is shown, by 3.6 is not.
        assertThat(run).policy("calls").conversion().isNotWorseThan("historical").by(0.038);
        fails(() -> assertThat(run).policy("calls").conversion().isNotWorseThan("historical").by(0.036),
                "Expected 'calls' to be not worse than 'historical' by more than 3.6 pp, but that is not shown: the"
                        + " SNIPS difference in conversion is +3.0 pp [-3.7 pp, +7.0 pp] (95% interval; its lower"
                        + " end must be above -3.6 pp), ESS 203.3 ('historical': 300.0).");
        // The lower end is -3.71 pp: held to 3.7 points, the message gives two decimals to tell them apart.
        fails(() -> assertThat(run).policy("calls").conversion().isNotWorseThan("historical").by(0.037),
                "Expected 'calls' to be not worse than 'historical' by more than 3.70 pp, but that is not shown: the"
                        + " SNIPS difference in conversion is +2.98 pp [-3.71 pp, +7.02 pp] (95% interval; its lower"
                        + " end must be above -3.70 pp), ESS 203.3 ('historical': 300.0).");
        fails(() -> assertThat(run).policy("waits").conversion().isNotWorseThan("historical").by(0.02),
                "Expected 'waits' to be not worse than 'historical' by more than 2.0 pp, but it is worse: the SNIPS"
                        + " difference in conversion is -17.7 pp [-24.6 pp, -9.7 pp] (95% interval; its lower end"
                        + " must be above -2.0 pp), ESS 87.7 ('historical': 300.0).");
        fails(() -> assertThat(run).policy("waits").conversion().isNotWorseThan("random").by(0.02),
                "Expected 'waits' to be not worse than 'random' by more than 2.0 pp, but that is not shown: the SNIPS"
                        + " difference in conversion is -0.8 pp [-13.8 pp, +16.8 pp] (95% interval; its lower end"
                        + " must be above -2.0 pp), ESS 87.7 ('random': 43.7).");
        assertThatThrownBy(() -> assertThat(run).policy("calls").conversion().isNotWorseThan("historical").by(-0.02))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a non-inferiority margin is a conversion difference from 0 (inclusive) to 1, e.g. 0.02"
                        + " for 2 percentage points; got -0.02");
    }

    private static final String SEND_EMAIL_INCONCLUSIVE = "Expected 'constant:send_email' to be not worse than"
            + " 'historical' by more than 2.0 pp, but the verdict is inconclusive (small_effective_sample):"
            + " 'constant:send_email' cannot be estimated: effective sample size 6.9 of 300 used cases (minimum 30):"
            + " 10 of the 300 cases (3.3%) have a logged trajectory the policy could have produced, and the largest"
            + " weight is 24.0% of the total; no model-based verdict either: 5.9% of the probability of 'historical'"
            + " is on actions the log took too rarely in some training fold to model them (model-extrapolated;"
            + " allowed: 1.0%); ESS 6.9 ('historical': 300.0).";

    @Test
    void anInconclusiveVerdictFailsWithItsReason(RunResult run) {
        fails(() -> assertThat(run).policy("constant:send_email").conversion().isNotWorseThan("historical").by(0.02),
                SEND_EMAIL_INCONCLUSIVE);
        fails(() -> assertThat(run).policy("failing").conversion().isBetterThan("random"),
                "Expected 'failing' to be better than 'random', but the verdict is inconclusive"
                        + " (small_effective_sample): 'failing' cannot be estimated: effective sample size 1.0 of 203"
                        + " used cases (minimum 30): 1 of the 203 cases (0.5%) has a logged trajectory the policy"
                        + " could have produced, and the largest weight is 100.0% of the total; no model-based verdict"
                        + " either: the outcome model of 'failing' failed its held-out check (expected calibration"
                        + " error 0.0728 is above 2 x 0.0187 (a calibrated model's) + 0.02); ESS 1.0 ('random':"
                        + " 43.7).");
        fails(() -> assertThat(run).policy("constant:send_email").conversion().isEstimable(),
                "Expected the conversion of 'constant:send_email' to be estimable, but it is not"
                        + " (small_effective_sample): effective sample size 6.9 of 300 used cases (minimum 30): 10 of"
                        + " the 300 cases (3.3%) have a logged trajectory the policy could have produced, and the"
                        + " largest weight is 24.0% of the total; ESS 6.9.");
    }

    @Test
    void anInconclusiveVerdictAbortsTheTestWhenAskedTo(RunResult run) {
        assertThatThrownBy(() -> assertThat(run).policy("constant:send_email").conversion().orSkipIfInconclusive()
                .isNotWorseThan("historical").by(0.02))
                .isInstanceOf(TestAbortedException.class).hasMessage(SEND_EMAIL_INCONCLUSIVE);
        assertThatThrownBy(() -> assertThat(run).policy("constant:send_email").conversion().as("the email gate")
                .orSkipIfInconclusive().isNotWorseThan("historical").by(0.02))
                .isInstanceOf(TestAbortedException.class).hasMessage("[the email gate] " + SEND_EMAIL_INCONCLUSIVE);
        // A decided verdict still fails: skipping is for "the log cannot tell", not for "worse".
        assertThatThrownBy(() -> assertThat(run).policy("waits").conversion().orSkipIfInconclusive()
                .isBetterThan("historical")).isInstanceOf(AssertionError.class);
    }

    @Test
    void namesThatAreNotInTheRunAreSaidSo(RunResult run) {
        fails(() -> assertThat(run).policy("cals"),
                "Expected a policy named 'cals', but the run's policies are 'calls', 'waits', 'constant:send_email',"
                        + " 'failing', 'historical', 'random'.");
        fails(() -> assertThat(run).policy("calls").conversion().isBetterThan("histrical"),
                "Expected a verdict on 'calls' against 'histrical', but it is compared only with 'historical',"
                        + " 'random'.");
        fails(() -> assertThat(run).policy("historical").conversion().isBetterThan("random"),
                "Expected a verdict on 'historical' against 'random', but 'historical' is itself a baseline, and"
                        + " verdicts compare candidates with baselines.");
    }

    private static void fails(ThrowingCallable assertion, String message) {
        assertThatThrownBy(assertion).isInstanceOf(AssertionError.class).hasMessage(message);
    }
}
