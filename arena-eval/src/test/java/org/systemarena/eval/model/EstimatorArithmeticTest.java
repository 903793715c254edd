package org.systemarena.eval.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.conversion.LoggedDecisions;
import org.systemarena.eval.estimate.BootstrapSettings;

/**
 * DM, DR and WDR by hand on a tiny log with fixed Q values, through the estimator with the fitting left out
 * ({@link ModelBasedEstimator#evaluateWith}).
 *
 * <pre>
 * actions a, b; one rule
 * case 0: t0 logged a (mu 0.5),  pi (0.6, 0.4), Q (0.3, 0.5) -> ratio 1.2,   V 0.38, q 0.3
 *         t1 logged b (mu 0.25), pi (0.5, 0.5), Q (0.6, 0.2) -> ratio 2.0,   V 0.40, q 0.2     reward 1
 * case 1: t0 logged b (mu 0.5),  pi (1, 0),     Q (0.1, 0.4) -> ratio 0,     V 0.10, q 0.4     reward 0
 * case 2: t0 logged a (mu 0.8),  pi (0.5, 0.5), Q (0.5, 0.7) -> ratio 0.625, V 0.60, q 0.5
 *         t1 logged a (mu 0.5),  pi (1, 0),     Q (0.4, 0.6) -> ratio 2.0,   V 0.40, q 0.4
 *         t2 logged b (mu 0.5),  pi (0.2, 0.8), Q (0.9, 0.3) -> ratio 1.6,   V 0.42, q 0.3     reward 1
 * rho: case 0 1.2, 2.4; case 1 0; case 2 0.625, 1.25, 2.0
 * </pre>
 */
class EstimatorArithmeticTest {
    static final List<String> ACTIONS = List.of("a", "b");
    static final int[] CASE_START = {0, 2, 3, 6};
    static final double[] REWARD = {1, 0, 1};
    static final int[] LOGGED = {0, 1, 1, 0, 0, 1};
    static final double[] MU = {0.5, 0.25, 0.5, 0.8, 0.5, 0.5};
    static final double[] PI = {0.6, 0.4, 0.5, 0.5, 1, 0, 0.5, 0.5, 1, 0, 0.2, 0.8};
    static final double[] Q = {0.3, 0.5, 0.6, 0.2, 0.1, 0.4, 0.5, 0.7, 0.4, 0.6, 0.9, 0.3};

    static LoggedDecisions tinyLog() {
        return LoggedDecisions.of(ACTIONS, List.of("r"), CASE_START, new String[] {"c0", "c1", "c2"}, REWARD,
                new int[6], LOGGED, MU, null, List.of());
    }

    private static ModelBasedResult evaluate(ModelSettings settings, boolean loggingPolicy) {
        return ModelBasedEstimator.of(tinyLog(), MU, settings, BootstrapSettings.of(7))
                .evaluateWith(PI, loggingPolicy, Q);
    }

    @Test
    void directMethodIsTheMeanFirstValue() {
        // (0.38 + 0.10 + 0.60) / 3
        assertThat(evaluate(ModelSettings.defaults(1), false).dm().value()).isCloseTo(0.36, within(1e-15));
    }

    @Test
    void perDecisionDoublyRobust() {
        // term = sum_t [rho_{t-1} V_t - rho_t q_t] + rho_{T-1} r
        // case 0: (0.38 - 1.2 * 0.3) + (1.2 * 0.4 - 2.4 * 0.2) + 2.4 * 1                               = 2.42
        // case 1: 0.10 - 0 * 0.4 + 0 * 0                                                             = 0.10
        // case 2: (0.6 - 0.625 * 0.5) + (0.625 * 0.4 - 1.25 * 0.4) + (1.25 * 0.42 - 2 * 0.3) + 2 * 1 = 1.9625
        assertThat(evaluate(ModelSettings.defaults(1), false).dr().value())
                .isCloseTo((2.42 + 0.10 + 1.9625) / 3, within(1e-14));
    }

    @Test
    void weightedDoublyRobustWithPaddedCases() {
        // Padded weights: case 0 (1.2, 2.4, 2.4), case 1 (0, 0, 0), case 2 (0.625, 1.25, 2.0); sums 1.825, 3.65, 4.4.
        // WDR = sum_t [sum_i w_t r_t - (sum_i w_t q_t - sum_i w_{t-1} V_t)], w_{-1} = 1/3, and 0 after a case's end:
        double t0 = 0 - ((1.2 * 0.3 + 0 * 0.4 + 0.625 * 0.5) / 1.825 - (0.38 + 0.10 + 0.60) / 3);
        double t1 = 2.4 / 3.65 - ((2.4 * 0.2 + 1.25 * 0.4) / 3.65 - (1.2 * 0.4 + 0.625 * 0.4) / 1.825);
        double t2 = 2.0 / 4.4 - (2.0 * 0.3 / 4.4 - 1.25 * 0.42 / 3.65);
        assertThat(t0 + t1 + t2).isCloseTo(1.2425653798, within(1e-10));
        assertThat(evaluate(ModelSettings.defaults(1), false).wdr().value()).isCloseTo(t0 + t1 + t2, within(1e-14));
    }

    @Test
    void clippingCapsTheRunningWeights() {
        // Cap 1.5: case 0 rho (1.2, 1.5), case 2 rho (0.625, 1.25, 1.5).
        // case 0: (0.38 - 1.2 * 0.3) + (1.2 * 0.4 - 1.5 * 0.2) + 1.5                                 = 1.70
        // case 2: (0.6 - 0.3125) + (0.25 - 1.25 * 0.4) + (1.25 * 0.42 - 1.5 * 0.3) + 1.5              = 1.6125
        ModelBasedResult r = evaluate(ModelSettings.defaults(1).withClip(1.5), false);
        assertThat(r.dr().value()).isCloseTo((1.70 + 0.10 + 1.6125) / 3, within(1e-14));
        // The same WDR by steps with sums 1.825, 2.75, 3.0.
        double t0 = 0 - ((1.2 * 0.3 + 0.625 * 0.5) / 1.825 - 0.36);
        double t1 = 1.5 / 2.75 - ((1.5 * 0.2 + 1.25 * 0.4) / 2.75 - (1.2 * 0.4 + 0.625 * 0.4) / 1.825);
        double t2 = 1.5 / 3.0 - (1.5 * 0.3 / 3.0 - 1.25 * 0.42 / 2.75);
        assertThat(r.wdr().value()).isCloseTo(t0 + t1 + t2, within(1e-14));
        assertThat(r.weights().clippedWeights()).isEqualTo(2);
        assertThat(r.weights().weights()).isEqualTo(6);
    }

    @Test
    void aHorizonCapPoolsTheLaterStepsUnderTheLastNormaliser() {
        // Cap 2: steps 1 and 2 share the normaliser of step 1 (3.65). With c_t = rho_t (r_t - q_t + V_{t+1}):
        // c(case 0) = (1.2 * 0.1, 2.4 * 0.8); c(case 2) = (0.625 * -0.1, 1.25 * 0.02, 2.0 * 0.7)
        double expected = 0.36 + (0.12 - 0.0625) / 1.825 + (1.92 + 0.025 + 1.4) / 3.65;
        ModelBasedResult r = evaluate(ModelSettings.defaults(1).withHorizonCap(2), false);
        assertThat(r.wdr().value()).isCloseTo(expected, within(1e-14));
        assertThat(r.weights().horizon()).isEqualTo(2);
        assertThat(r.weights().longestCase()).isEqualTo(3);
        assertThat(r.dr().value()).as("DR does not normalise").isCloseTo((2.42 + 0.10 + 1.9625) / 3, within(1e-14));
    }

    @Test
    void perStepEffectiveSampleSizes() {
        ModelBasedResult r = evaluate(ModelSettings.defaults(1), false);
        assertThat(r.weights().effectiveSampleSize()).hasSize(3);
        assertThat(r.weights().effectiveSampleSize().get(0))
                .isCloseTo(1.825 * 1.825 / (1.2 * 1.2 + 0.625 * 0.625), within(1e-12));
        assertThat(r.weights().finalEffectiveSampleSize()).isCloseTo(4.4 * 4.4 / (2.4 * 2.4 + 2.0 * 2.0),
                within(1e-12));
    }

    @Test
    void theLoggingPolicyGivesTheObservedMeanExactlyWhateverQ() {
        // Every weight 1 and V(x_t) taken at the logged action: the q's cancel in pairs, each term is its reward.
        ModelBasedResult r = evaluate(ModelSettings.defaults(1), true);
        assertThat(r.dr().value()).isEqualTo(2.0 / 3);
        assertThat(r.wdr().value()).isEqualTo(2.0 / 3);
        assertThat(r.dm().value()).as("DM still the model's").isCloseTo(0.36, within(1e-15));
        assertThat(r.weights().effectiveSampleSize()).containsOnly(3.0);
    }

    @Test
    void withPiEqualToMuButNoFlagTheVAndQTermsDoNotCancel() {
        // pi = the logging distribution (a row whose logged entry is mu): every ratio 1, but
        // DR - observed = mean_i sum_t [V(x_t) - Q(x_t, a_t)], zero only in expectation.
        double[] pi = {0.5, 0.5, 0.75, 0.25, 0.5, 0.5, 0.8, 0.2, 0.5, 0.5, 0.5, 0.5};
        double[] v = new double[6];
        double gap = 0.0;
        for (int s = 0; s < 6; s++) {
            v[s] = pi[2 * s] * Q[2 * s] + pi[2 * s + 1] * Q[2 * s + 1];
            gap += v[s] - Q[2 * s + LOGGED[s]];
        }
        ModelBasedResult r = ModelBasedEstimator.of(tinyLog(), MU, ModelSettings.defaults(1), BootstrapSettings.of(7))
                .evaluateWith(pi, false, Q);
        assertThat(r.dr().value()).isCloseTo(2.0 / 3 + gap / 3, within(1e-14));
        assertThat(gap).isNotCloseTo(0.0, within(0.01));
    }

    @Test
    void intervalsComeFromTheSharedResamples() {
        ModelBasedResult r = evaluate(ModelSettings.defaults(1), false);
        assertThat(r.resampled().resamples()).isEqualTo(1_000);
        assertThat(r.dr().lower()).isLessThanOrEqualTo(r.dr().value());
        assertThat(r.dr().upper()).isGreaterThanOrEqualTo(r.dr().value());
        assertThat(r.resampled().seed()).isEqualTo(7);
    }
}
