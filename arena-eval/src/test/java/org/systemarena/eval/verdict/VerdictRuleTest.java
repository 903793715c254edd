package org.systemarena.eval.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.eval.estimate.BootstrapSettings;
import org.systemarena.eval.estimate.Episode;
import org.systemarena.eval.estimate.EpisodeSet;
import org.systemarena.eval.estimate.OffPolicyEstimator;
import org.systemarena.eval.estimate.PolicyComparison;

/** The verdict rule on episodes built by hand, one check at a time. */
class VerdictRuleTest {
    private static final OffPolicyEstimator ESTIMATOR = OffPolicyEstimator.of(new BootstrapSettings(3, 1_000, 0.95, 1));
    private static final SupportMass NONE = SupportMass.none(1, 0.01, "test");

    /**
     * {@code n} one-step cases, the first {@code positives} positive; mu 0.5 everywhere and pi = 0.5 times the
     * weight given for positive or negative cases.
     */
    private static EpisodeSet cases(int n, int positives, double positiveWeight, double negativeWeight) {
        List<Episode> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean positive = i < positives;
            double w = positive ? positiveWeight : negativeWeight;
            out.add(Episode.of("c" + i, positive ? 1.0 : 0.0, new double[] {0.5 * w}, new double[] {0.5}));
        }
        return EpisodeSet.logged(out);
    }

    private static Assessment assess(EpisodeSet s, VerdictSettings settings) {
        return VerdictRule.assess(ESTIMATOR.estimate(s), NONE, settings);
    }

    @Test
    void anOnPolicyEstimateWithEnoughCasesIsEstimable() {
        Assessment a = assess(cases(200, 100, 1, 1), VerdictSettings.DEFAULTS);
        assertThat(a.estimable()).isTrue();
        assertThat(a.recommended().estimator()).isEqualTo("snips");
        assertThat(a.recommended().value()).isEqualTo(0.5);
        assertThat(a.recommended().interval()).isEqualTo("percentile_bootstrap");
        assertThat(a.recommended().lower()).isLessThan(0.5);
        assertThat(a.recommended().upper()).isGreaterThan(0.5);
    }

    @Test
    void eachCheckFailsWithItsReason() {
        assertThat(assess(cases(29, 15, 1, 1), VerdictSettings.DEFAULTS).notEstimable())
                .isEqualTo(new NotEstimable(Reason.TOO_FEW_CASES, "only 29 of 29 cases could be used; an estimate"
                        + " needs at least 30"));
        // 100 cases, 5 positive, weights 1: ESS 100 holds 5 positive outcomes.
        assertThat(assess(cases(100, 5, 1, 1), VerdictSettings.DEFAULTS).notEstimable()).isEqualTo(new NotEstimable(
                Reason.SMALL_EFFECTIVE_SAMPLE, "the effective sample (ESS 100.0) holds only 5.0 positive outcomes"
                        + " (minimum 10; 95.0 negative), too few for an interval to rest on"));
        // Weight 2 on every case (pi = 1 where mu = 0.5 was logged for a logging policy that was deterministic):
        // the mean weight is 2 in every resample.
        NotEstimable inconsistent = assess(cases(200, 100, 2, 2), VerdictSettings.DEFAULTS).notEstimable();
        assertThat(inconsistent.reason()).isEqualTo(Reason.WEIGHTS_INCONSISTENT);
        assertThat(inconsistent.message()).startsWith("the mean importance weight is 2 [2, 2]; it is 1 in"
                + " expectation");
        // With the mean-weight check relaxed, IPS (1.0) and SNIPS (0.5) of those weights do not overlap.
        VerdictSettings relaxed = new VerdictSettings(30, 30, 10, 0.01, 0.01, 10.0, 0.0);
        assertThat(assess(cases(200, 100, 2, 2), relaxed).notEstimable().reason())
                .isEqualTo(Reason.ESTIMATORS_DISAGREE);
        // Weight only on negative cases: SNIPS 0, no positive outcome in the effective sample.
        assertThat(assess(cases(200, 100, 0, 1), VerdictSettings.DEFAULTS).notEstimable().reason())
                .isEqualTo(Reason.SMALL_EFFECTIVE_SAMPLE);
        // Every weight 0: SNIPS undefined.
        assertThat(assess(cases(200, 100, 0, 0), VerdictSettings.DEFAULTS).notEstimable().message())
                .isEqualTo("none of the 200 used cases has a logged trajectory the policy could have produced"
                        + " (every weight is 0), so no case informs the estimate");
    }

    @Test
    void unsupportedMassAboveTheLimitMakesItNotIdentifiable() {
        SupportMass mass = new SupportMass(10, 0.2, 2, List.of(new UnsupportedAction("r", "escalate", true, 2, 2.0)),
                0.01, "test");
        Assessment a = VerdictRule.assess(ESTIMATOR.estimate(cases(200, 100, 1, 1)), mass, VerdictSettings.DEFAULTS);
        assertThat(a.notEstimable().reason()).isEqualTo(Reason.UNSUPPORTED_ACTIONS);
        assertThat(a.notEstimable().message()).isEqualTo("20.0% of the policy's probability at the logged decision"
                + " points (2 of 10 decision points) is on actions the log does not support ('escalate' at rule 'r',"
                + " never logged there, at 2 decision points); importance weights cannot see those choices, so"
                + " IS-family estimates are not identifiable from this log (allowed: 1.0%)");
        // At the limit exactly it is still allowed.
        SupportMass edge = new SupportMass(100, 0.01, 1, List.of(), 0.01, "test");
        assertThat(VerdictRule.assess(ESTIMATOR.estimate(cases(200, 100, 1, 1)), edge, VerdictSettings.DEFAULTS)
                .estimable()).isTrue();
    }

    private static Verdict verdict(EpisodeSet target, EpisodeSet baseline, VerdictSettings s) {
        PolicyComparison c = ESTIMATOR.compare(target, baseline);
        return VerdictRule.compare("t", VerdictRule.assess(c.target(), NONE, s), "b",
                VerdictRule.assess(c.baseline(), NONE, s), c, s);
    }

    @Test
    void betterWorseAndNoDetectableDifferenceFollowTheDifferencesInterval() {
        // 400 cases, half positive. Weights 1.2 on positives and 0.8 on negatives: SNIPS 0.6 against 0.5.
        EpisodeSet logging = cases(400, 200, 1, 1);
        Verdict better = verdict(cases(400, 200, 1.2, 0.8), logging, VerdictSettings.DEFAULTS);
        assertThat(better.outcome()).isEqualTo(Verdict.Outcome.BETTER);
        assertThat(better.difference().value()).isCloseTo(0.1, within(1e-12));
        assertThat(better.difference().lower()).isPositive();
        assertThat(better.message()).startsWith("'t' is better than 'b': +10.0 pp [");
        assertThat(verdict(cases(400, 200, 0.8, 1.2), logging, VerdictSettings.DEFAULTS).outcome())
                .isEqualTo(Verdict.Outcome.WORSE);
        Verdict same = verdict(logging, logging, VerdictSettings.DEFAULTS);
        assertThat(same.outcome()).isEqualTo(Verdict.Outcome.NO_DETECTABLE_DIFFERENCE);
        assertThat(same.difference().lower()).isZero();
        assertThat(same.notWorseBy(0.0)).isFalse(); // a lower end of exactly 0 is not above -0
        assertThat(same.notWorseBy(0.01)).isTrue();
        assertThat(same.meets(Requirement.notWorse(0.01))).isTrue();
        assertThat(same.meets(Requirement.better())).isFalse();
        // A small loss inside the margin is not worse by more than the margin.
        Verdict slightly = verdict(cases(400, 200, 0.96, 1.04), logging, VerdictSettings.DEFAULTS.withMargin(0.2));
        assertThat(slightly.margin()).isEqualTo(0.2);
        assertThat(slightly.notWorseBy(0.2)).isTrue();
        assertThat(slightly.message()).endsWith("; not worse by more than 20.0 pp: shown");
    }

    @Test
    void aSideThatCannotBeEstimatedMakesTheVerdictInconclusive() {
        EpisodeSet logging = cases(400, 200, 1, 1);
        Verdict v = verdict(cases(400, 200, 0, 0), logging, VerdictSettings.DEFAULTS);
        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
        assertThat(v.reason()).isEqualTo(Reason.SMALL_EFFECTIVE_SAMPLE);
        assertThat(v.notEstimable()).isEqualTo("t");
        assertThat(v.estimator()).isNull();
        assertThat(v.notWorseBy(1.0)).isFalse();
        assertThat(v.meets(Requirement.notWorse(0.5))).isFalse();
        Verdict base = verdict(logging, cases(400, 200, 0, 0), VerdictSettings.DEFAULTS);
        assertThat(base.notEstimable()).isEqualTo("b");
        assertThat(base.message()).startsWith("baseline 'b' cannot be estimated: ");
    }

    @Test
    void requirementsParseAndRejectNonsense() {
        assertThat(Requirement.parse("better")).isEqualTo(Requirement.better());
        assertThat(Requirement.parse(" Not-Worse ")).isEqualTo(Requirement.notWorse(0));
        assertThat(Requirement.parse("not-worse:0.02")).isEqualTo(Requirement.notWorse(0.02));
        assertThat(Requirement.parse("not-worse:0.02")).hasToString("not-worse:0.02");
        assertThatThrownBy(() -> Requirement.parse("not-worse:-1")).isInstanceOf(ArenaException.class)
                .hasMessageContaining("a margin is a conversion difference in [0, 1)");
        assertThatThrownBy(() -> Requirement.parse("not-worse:2")).isInstanceOf(ArenaException.class);
        assertThatThrownBy(() -> new Requirement(Requirement.Kind.BETTER, 0.1)).isInstanceOf(ArenaException.class)
                .hasMessage("'better' takes no margin");
    }
}
