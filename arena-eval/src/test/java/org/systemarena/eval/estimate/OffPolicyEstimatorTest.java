package org.systemarena.eval.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.eval.estimate.EstimateWarning.Code;

class OffPolicyEstimatorTest {
    private static final double NaN = Double.NaN;

    private static double[] d(double... v) {
        return v;
    }

    /** w = 4, 0, 2, 1; rewards 1, 1, 0, 1. */
    private static List<Episode> handWorked() {
        return List.of(
                Episode.of("a", 1, d(0.5, 1.0), d(0.25, 0.5)),
                Episode.of("b", 1, d(0.0), d(0.5)),
                Episode.of("c", 0, d(1.0), d(0.5)),
                Episode.of("d", 1, d(0.5), d(0.5)));
    }

    @Test
    void pointEstimatesMatchHandComputation() {
        OffPolicyEstimate e = OffPolicyEstimator.of(BootstrapSettings.of(1)).estimate(EpisodeSet.logged(handWorked()));

        assertThat(e.cases()).isEqualTo(4);
        assertThat(e.usedCases()).isEqualTo(4);
        assertThat(e.observed().value()).isEqualTo(0.75);
        // sum w r = 4 + 0 + 0 + 1 = 5; sum w = 7; sum w^2 = 16 + 0 + 4 + 1 = 21
        assertThat(e.ips().value()).isEqualTo(1.25);
        assertThat(e.snips().value()).isEqualTo(5.0 / 7.0);
        assertThat(e.effectiveSampleSize()).isEqualTo(49.0 / 21.0);
        assertThat(e.maxWeight()).isEqualTo(4.0);
        // A resample drawing case b four times (p = 1/256) has total weight 0: SNIPS undefined there.
        assertThat(e.warnings()).extracting(EstimateWarning::code)
                .containsExactly(Code.SMALL_EFFECTIVE_SAMPLE_SIZE, Code.UNDEFINED_RESAMPLES);
        assertThat(e.warnings().get(0).message()).contains("effective sample size 2.3 of 4 used cases");
        assertThat(e.warnings().get(1).message()).matches("\\d of 1000 bootstrap resamples left SNIPS undefined .*");
    }

    @Test
    void excludedCasesAreCountedByReasonAndLeftOutOfWeightedEstimatesButNotOfTheObservedRate() {
        List<Episode> episodes = new ArrayList<>(handWorked());
        episodes.add(Episode.of("no-action", 1, d(0.5, NaN), d(0.5, 0.5)));
        episodes.add(Episode.of("no-propensity", 1, d(0.5), d(NaN)));
        episodes.add(Episode.of("zero-propensity", 0, d(0.5), d(0.0)));
        episodes.add(Episode.of("big-propensity", 0, d(0.5, 0.5), d(0.5, 1.5)));

        OffPolicyEstimate e = OffPolicyEstimator.of(BootstrapSettings.of(1)).estimate(EpisodeSet.logged(episodes));

        assertThat(e.cases()).isEqualTo(8);
        assertThat(e.usedCases()).isEqualTo(4);
        assertThat(e.exclusions()).isEqualTo(new Exclusions(1, 1, 2));
        assertThat(e.observed().value()).isEqualTo(5.0 / 8.0);
        assertThat(e.ips().value()).isEqualTo(1.25);
        assertThat(e.snips().value()).isEqualTo(5.0 / 7.0);
        assertThat(e.warnings()).extracting(EstimateWarning::code).containsExactly(Code.MISSING_LOGGED_ACTION,
                Code.MISSING_PROPENSITY, Code.INVALID_PROPENSITY, Code.SMALL_EFFECTIVE_SAMPLE_SIZE,
                Code.UNDEFINED_RESAMPLES, Code.UNDEFINED_RESAMPLES);
        // Half the cases are unusable: a resample may hold none of the usable ones (p = 1/256), leaving IPS undefined.
        assertThat(e.warnings().get(4).message()).contains("left IPS undefined (no usable case)");
        assertThat(e.warnings().get(5).message()).contains("left SNIPS undefined (total weight 0)");
        assertThat(e.warnings().get(0).message())
                .isEqualTo("1 of 8 cases excluded: a decision point has no logged action (or no target"
                        + " probability of it) (first: case 'no-action')");
        assertThat(e.warnings().get(2).message()).startsWith("2 of 8 cases excluded: a logged propensity is 0,")
                .endsWith("(first: case 'zero-propensity')");
    }

    @Test
    void propensitiesSoSmallThatTheWeightOverflowsAreInvalid() {
        OffPolicyEstimate e = OffPolicyEstimator.of(BootstrapSettings.of(1)).estimate(EpisodeSet.logged(List.of(
                Episode.of("tiny", 1, d(1.0, 1.0), d(1e-200, 1e-200)), Episode.of("ok", 1, d(1.0), d(0.5)))));
        assertThat(e.exclusions()).isEqualTo(new Exclusions(0, 0, 1));
        assertThat(e.maxWeight()).isEqualTo(2.0);
        assertThat(e.ips().value()).isEqualTo(2.0);
    }

    @Test
    void noUsableCaseLeavesWeightedEstimatesUndefined() {
        OffPolicyEstimate e = OffPolicyEstimator.of(BootstrapSettings.of(1)).estimate(EpisodeSet.logged(List.of(
                Episode.of("x", 1, d(1.0), d(NaN)))));
        assertThat(e.usedCases()).isZero();
        assertThat(e.ips()).isEqualTo(Estimate.UNDEFINED);
        assertThat(e.snips()).isEqualTo(Estimate.UNDEFINED);
        assertThat(e.observed().value()).isEqualTo(1.0);
        assertThat(e.maxWeight()).isNaN();
        assertThat(e.warnings()).extracting(EstimateWarning::code)
                .containsExactly(Code.MISSING_PROPENSITY, Code.NO_USABLE_CASES);
    }

    @Test
    void zeroTotalWeightMakesSnipsUndefinedAndIpsZero() {
        OffPolicyEstimate e = OffPolicyEstimator.of(BootstrapSettings.of(1)).estimate(EpisodeSet.logged(List.of(
                Episode.of("x", 1, d(0.0), d(0.5)), Episode.of("y", 0, d(0.0, 1.0), d(0.5, 0.5)))));
        assertThat(e.ips()).isEqualTo(new Estimate(0.0, 0.0, 0.0));
        assertThat(e.snips()).isEqualTo(Estimate.UNDEFINED);
        assertThat(e.effectiveSampleSize()).isZero();
        assertThat(e.warnings()).extracting(EstimateWarning::code)
                .containsExactly(Code.ZERO_TOTAL_WEIGHT, Code.SMALL_EFFECTIVE_SAMPLE_SIZE);
    }

    @Test
    void bootstrapMatchesAStraightforwardReferenceThatRecomputesTheEstimatorFromEpisodes() {
        List<Episode> episodes = new ArrayList<>(handWorked());
        SplittableRandom gen = new SplittableRandom(42);
        for (int i = 0; i < 300; i++) {
            int m = 1 + gen.nextInt(3);
            double[] pi = new double[m];
            double[] mu = new double[m];
            for (int j = 0; j < m; j++) {
                pi[j] = gen.nextInt(3) / 2.0;
                mu[j] = 0.2 + 0.8 * gen.nextDouble();
            }
            if (i % 50 == 7) {
                mu[0] = NaN; // excluded cases must be resampled too, and dropped inside each resample
            }
            episodes.add(Episode.of("g" + i, gen.nextInt(2), pi, mu));
        }
        BootstrapSettings settings = new BootstrapSettings(2024, 1_000, 0.9, 2);

        OffPolicyEstimate e = OffPolicyEstimator.of(settings).estimate(EpisodeSet.logged(episodes));

        double[][] reference = referenceBootstrap(episodes, settings);
        assertInterval(e.observed(), reference[0], 0.9);
        assertInterval(e.ips(), reference[1], 0.9);
        assertInterval(e.snips(), reference[2], 0.9);
    }

    /**
     * The same resamples (per-case counts from the documented draw: block b of 32 resamples uses the b-th split of
     * {@code SplittableRandom(seed)}), with the estimator recomputed naively from the episodes of each resample.
     */
    private static double[][] referenceBootstrap(List<Episode> episodes, BootstrapSettings s) {
        int n = episodes.size();
        double[][] out = new double[3][s.resamples()];
        SplittableRandom root = new SplittableRandom(s.seed());
        SplittableRandom g = null;
        int[] counts = new int[n];
        for (int r = 0; r < s.resamples(); r++) {
            if (r % 32 == 0) {
                g = root.split();
            }
            java.util.Arrays.fill(counts, 0);
            ResampledSums.draw(g, n, counts);
            double rewards = 0;
            double used = 0;
            double wr = 0;
            double w = 0;
            for (int i = 0; i < n; i++) {
                Episode e = episodes.get(i);
                for (int copy = 0; copy < counts[i]; copy++) {
                    rewards += e.reward();
                    boolean usable = Arrays.stream(e.loggedPropensities()).allMatch(p -> p > 0 && p <= 1);
                    if (usable) {
                        double weight = 1;
                        for (int j = 0; j < e.decisionPoints(); j++) {
                            weight *= e.targetProbabilities()[j] / e.loggedPropensities()[j];
                        }
                        used++;
                        w += weight;
                        wr += weight * e.reward();
                    }
                }
            }
            out[0][r] = rewards / n;
            out[1][r] = wr / used;
            out[2][r] = wr / w;
        }
        return out;
    }

    @Test
    void resampleDrawsAreUniformWithReplacement() {
        // 7 cases, 200,000 resamples: each case's count is Binomial(7, 1/7) per resample, so its total over all
        // resamples has mean 200,000 and standard deviation sqrt(200,000 * 7 * (1/7) * (6/7)) ~ 414.
        int n = 7;
        int[] counts = new int[n];
        SplittableRandom rng = new SplittableRandom(5);
        long[] totals = new long[n];
        long resamplesWithDuplicates = 0;
        for (int r = 0; r < 200_000; r++) {
            ResampledSums.draw(rng, n, counts);
            int sum = 0;
            boolean duplicate = false;
            for (int i = 0; i < n; i++) {
                sum += counts[i];
                totals[i] += counts[i];
                duplicate |= counts[i] > 1;
                counts[i] = 0;
            }
            assertThat(sum).isEqualTo(n);
            resamplesWithDuplicates += duplicate ? 1 : 0;
        }
        for (long t : totals) {
            assertThat(t).isBetween(200_000L - 5 * 414, 200_000L + 5 * 414);
        }
        // P(all 7 distinct) = 7!/7^7 ~ 0.0061: almost every resample repeats a case.
        assertThat(resamplesWithDuplicates).isBetween(198_500L, 199_100L);
    }

    private static void assertInterval(Estimate actual, double[] resampled, double confidence) {
        double[] sorted = resampled.clone();
        Arrays.sort(sorted);
        double lo = (sorted.length - 1) * (1 - confidence) / 2;
        double hi = (sorted.length - 1) * (1 + confidence) / 2;
        assertThat(actual.lower()).isCloseTo(interpolate(sorted, lo), within(1e-12));
        assertThat(actual.upper()).isCloseTo(interpolate(sorted, hi), within(1e-12));
    }

    private static double interpolate(double[] sorted, double h) {
        int i = (int) h;
        return sorted[i] + (h - i) * (sorted[Math.min(i + 1, sorted.length - 1)] - sorted[i]);
    }

    @Test
    void comparisonAlignsCasesByIdAndPairsTheResamples() {
        List<Episode> target = handWorked();
        // Baseline: always the logged action's own propensity (the logging policy), in another order.
        List<Episode> baseline = List.of(
                Episode.of("d", 1, d(0.5), d(0.5)),
                Episode.of("c", 0, d(0.5), d(0.5)),
                Episode.of("b", 1, d(0.5), d(0.5)),
                Episode.of("a", 1, d(0.25, 0.5), d(0.25, 0.5)));
        OffPolicyEstimator estimator = OffPolicyEstimator.of(BootstrapSettings.of(9));

        PolicyComparison cmp = estimator.compare(EpisodeSet.logged(target), EpisodeSet.logged(baseline));

        assertThat(cmp.baseline().ips().value()).isEqualTo(0.75);
        assertThat(cmp.target().ips().value()).isEqualTo(1.25);
        assertThat(cmp.ipsDifference().value()).isEqualTo(0.5);
        assertThat(cmp.snipsDifference().value()).isEqualTo(5.0 / 7.0 - 0.75);
        // The target side of a comparison is the stand-alone estimate when no case is dropped.
        OffPolicyEstimate alone = estimator.estimate(EpisodeSet.logged(target));
        assertThat(cmp.target().snips().value()).isEqualTo(alone.snips().value());
        assertThat(cmp.target().snips().lower()).isEqualTo(alone.snips().lower());
        assertThat(cmp.warnings()).extracting(EstimateWarning::message).singleElement().asString()
                .matches("\\d of 1000 bootstrap resamples left SNIPS difference undefined .*");
    }

    @Test
    void comparisonDropsCasesUnusableOnEitherSideFromBoth() {
        List<Episode> target = List.of(Episode.of("a", 1, d(1.0), d(0.5)), Episode.of("b", 0, d(1.0), d(0.5)),
                Episode.of("c", 1, d(NaN), d(0.5)));
        List<Episode> baseline = List.of(Episode.of("a", 1, d(0.5), d(0.5)), Episode.of("b", 0, d(0.5), d(0.5)),
                Episode.of("c", 1, d(0.5), d(0.5)));
        PolicyComparison cmp = OffPolicyEstimator.of(BootstrapSettings.of(9))
                .compare(EpisodeSet.logged(target), EpisodeSet.logged(baseline));
        assertThat(cmp.baseline().usedCases()).isEqualTo(2);
        assertThat(cmp.baseline().ips().value()).isEqualTo(0.5);
        assertThat(cmp.target().ips().value()).isEqualTo(1.0);
        // Resamples of case c alone (p = 1/27) have no usable case: both differences undefined there.
        assertThat(cmp.warnings()).extracting(EstimateWarning::code)
                .containsExactly(Code.UNPAIRED_CASES, Code.UNDEFINED_RESAMPLES, Code.UNDEFINED_RESAMPLES);
        assertThat(cmp.warnings().get(1).message()).contains("left IPS difference undefined (no usable case)");
        assertThat(cmp.warnings().get(2).message()).contains("left SNIPS difference undefined (total weight 0)");
        assertThat(cmp.warnings().get(0).message())
                .isEqualTo("1 of 3 cases were usable for only one of the two policies and were dropped from both");
    }

    @Test
    void comparisonRejectsDifferentCases() {
        OffPolicyEstimator estimator = OffPolicyEstimator.of(BootstrapSettings.of(9));
        EpisodeSet one = EpisodeSet.logged(List.of(Episode.of("a", 1, d(1.0), d(0.5))));
        assertThatThrownBy(() -> estimator.compare(one,
                EpisodeSet.logged(List.of(Episode.of("z", 1, d(1.0), d(0.5))))))
                .isInstanceOf(ArenaException.class)
                .hasMessage("paired comparison needs the same cases: case 'a' has a target episode but no baseline episode");
        assertThatThrownBy(() -> estimator.compare(one,
                EpisodeSet.logged(List.of(Episode.of("a", 0, d(1.0), d(0.5))))))
                .isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("case 'a': reward 1.0 in the target episodes but 0.0 in the baseline's");
    }

    @Test
    void episodesRejectProgrammingErrors() {
        assertThatThrownBy(() -> Episode.of("k", 1, d(0.5), d(0.5, 0.5))).isInstanceOf(ArenaException.class)
                .hasMessage("case 'k': 1 target probabilities but 2 logged propensities");
        assertThatThrownBy(() -> Episode.of("k", 1, d(), d())).isInstanceOf(ArenaException.class)
                .hasMessage("case 'k': an episode needs at least one decision point");
        assertThatThrownBy(() -> Episode.of("k", 1, d(0.5, 1.2), d(0.5, 0.5))).isInstanceOf(ArenaException.class)
                .hasMessageContaining("decision point 1: target probability must be in [0, 1]")
                .hasMessageEndingWith("got 1.2");
        assertThatThrownBy(() -> Episode.of("k", 2, d(0.5), d(0.5))).isInstanceOf(ArenaException.class)
                .hasMessage("case 'k': reward must be in [0, 1], got 2.0");
    }

    @Test
    void episodesAreImmutable() {
        double[] pi = {0.5};
        Episode e = Episode.of("k", 1, pi, d(0.5));
        pi[0] = 0.9;
        e.targetProbabilities()[0] = 0.9;
        assertThat(e.targetProbabilities()).containsExactly(0.5);
        assertThat(e).isEqualTo(Episode.of("k", 1, d(0.5), d(0.5)));
    }

    @Test
    void settingsEnforceTheSpecMinimumOfResamples() {
        assertThatThrownBy(() -> BootstrapSettings.of(1).withResamples(999)).isInstanceOf(ArenaException.class)
                .hasMessage("bootstrap resamples must be at least 1000, got 999");
    }
}
