package org.systemarena.eval.estimate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.systemarena.core.ArenaException;
import org.systemarena.eval.stats.Percentiles;

/**
 * Off-policy conversion estimates with percentile bootstrap intervals over cases (SPEC §7); see docs/metrics.md
 * for the exact definitions. Thread-safe and deterministic: the same episodes and settings give identical numbers
 * whatever the thread count.
 */
public final class OffPolicyEstimator {
    /** ESS below this many cases is always flagged. */
    public static final double MIN_EFFECTIVE_SAMPLE_SIZE = 30;
    /** ESS below this share of the used cases is flagged. */
    public static final double MIN_EFFECTIVE_SAMPLE_SHARE = 0.10;

    // Interleaved per-case layout: u (1 if usable), r, then (w, w*r) per policy.
    private static final int U = 0;
    private static final int R = 1;

    private final BootstrapSettings settings;

    private OffPolicyEstimator(BootstrapSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public static OffPolicyEstimator of(BootstrapSettings settings) {
        return new OffPolicyEstimator(settings);
    }

    public BootstrapSettings settings() {
        return settings;
    }

    public OffPolicyEstimate estimate(EpisodeSet set) {
        WeightedCases cases = new WeightedCases(set.episodes());
        double[] data = layout(cases.n, cases.usable, cases.reward, cases.weight);
        double[] sums = ResampledSums.run(data, 4, cases.n, settings);
        return side(cases, set.propensities(), data, 4, 0, sums, List.of());
    }

    /**
     * Compares a target policy with a baseline over the same cases (matched by case id; both sets must hold exactly
     * the same cases with the same rewards). Cases unusable on either side are dropped from both.
     */
    public PolicyComparison compare(EpisodeSet target, EpisodeSet baseline) {
        WeightedCases a = new WeightedCases(target.episodes());
        WeightedCases b = align(a, baseline.episodes());
        int n = a.n;
        boolean[] paired = new boolean[n];
        int unpaired = 0;
        for (int i = 0; i < n; i++) {
            paired[i] = a.usable[i] && b.usable[i];
            if (a.usable[i] != b.usable[i]) {
                unpaired++;
            }
        }
        double[] data = layout(n, paired, a.reward, a.weight, b.weight);
        double[] sums = ResampledSums.run(data, 6, n, settings);
        List<EstimateWarning> pairing = new ArrayList<>();
        if (unpaired > 0) {
            pairing.add(new EstimateWarning(EstimateWarning.Code.UNPAIRED_CASES, unpaired + " of " + n
                    + " cases were usable for only one of the two policies and were dropped from both"));
        }
        OffPolicyEstimate targetEstimate = side(a, target.propensities(), data, 6, 0, sums, pairing);
        OffPolicyEstimate baselineEstimate = side(b, baseline.propensities(), data, 6, 1, sums, pairing);
        // Each side's bound at half the error, so both hold together and so does their difference.
        HighConfidenceBound.Interval t = highConfidence(data, 6, n, 0, tail() / 2);
        HighConfidenceBound.Interval bl = highConfidence(data, 6, n, 1, tail() / 2);
        HighConfidenceBound.Interval hcDifference = new HighConfidenceBound.Interval(t.lower() - bl.upper(),
                t.upper() - bl.lower(), Double.NaN, Double.NaN);

        int resamples = settings.resamples();
        double[] ipsDiff = new double[resamples];
        double[] snipsDiff = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            int o = r * 6;
            double su = sums[o + U];
            ipsDiff[r] = ratio(sums[o + 3], su) - ratio(sums[o + 5], su);
            snipsDiff[r] = ratio(sums[o + 3], sums[o + 2]) - ratio(sums[o + 5], sums[o + 4]);
        }
        Estimate ipsDifference = estimate(targetEstimate.ips().value() - baselineEstimate.ips().value(), ipsDiff);
        Estimate snipsDifference = estimate(targetEstimate.snips().value() - baselineEstimate.snips().value(),
                snipsDiff);
        List<EstimateWarning> warnings = new ArrayList<>(pairing);
        int undefinedIps = Percentiles.countNaN(ipsDiff);
        if (ipsDifference.isDefined() && undefinedIps > 0) {
            warnings.add(undefinedResamples("IPS difference", undefinedIps, resamples, "no usable case"));
        }
        int undefinedSnips = Percentiles.countNaN(snipsDiff);
        if (snipsDifference.isDefined() && undefinedSnips > 0) {
            warnings.add(undefinedResamples("SNIPS difference", undefinedSnips, resamples, "total weight 0"));
        }
        return new PolicyComparison(targetEstimate, baselineEstimate, ipsDifference, snipsDifference, hcDifference,
                warnings);
    }

    private static WeightedCases align(WeightedCases target, List<Episode> baseline) {
        if (baseline.size() != target.n) {
            throw new ArenaException("paired comparison needs the same cases: target has " + target.n
                    + " episodes, baseline " + baseline.size());
        }
        Map<String, Episode> byId = new HashMap<>(baseline.size() * 2);
        for (Episode e : baseline) {
            if (byId.put(e.caseId(), e) != null) {
                throw new ArenaException("baseline episodes: case '" + e.caseId() + "' appears more than once");
            }
        }
        List<Episode> ordered = new ArrayList<>(target.n);
        Set<String> seen = new HashSet<>(target.n * 2);
        for (int i = 0; i < target.n; i++) {
            String id = target.caseIds[i];
            if (!seen.add(id)) {
                throw new ArenaException("target episodes: case '" + id + "' appears more than once");
            }
            Episode e = byId.get(id);
            if (e == null) {
                throw new ArenaException("paired comparison needs the same cases: case '" + id
                        + "' has a target episode but no baseline episode");
            }
            if (Double.compare(e.reward(), target.reward[i]) != 0) {
                throw new ArenaException("case '" + id + "': reward " + target.reward[i] + " in the target episodes but "
                        + e.reward() + " in the baseline's; a paired comparison needs the same logged outcomes");
            }
            ordered.add(e);
        }
        return new WeightedCases(ordered);
    }

    private static double[] layout(int n, boolean[] usable, double[] reward, double[]... weights) {
        int stride = 2 + 2 * weights.length;
        double[] data = new double[n * stride];
        for (int i = 0; i < n; i++) {
            int o = i * stride;
            data[o + R] = reward[i];
            if (usable[i]) {
                data[o + U] = 1.0;
                for (int p = 0; p < weights.length; p++) {
                    double w = weights[p][i];
                    data[o + 2 + 2 * p] = w;
                    data[o + 3 + 2 * p] = w * reward[i];
                }
            }
        }
        return data;
    }

    /** Full-sample sums for policy {@code p}, plus ESS ingredients, the maximum weight and positive weights. */
    private record Totals(double u, double r, double w, double wr, double w2, double maxW, int positive) {
        /** ESS x SNIPS and ESS x (1 - SNIPS): the positive and negative outcomes the effective sample holds. */
        OffPolicyEstimate.EffectiveOutcomes outcomes() {
            if (w == 0.0) {
                return new OffPolicyEstimate.EffectiveOutcomes(0.0, 0.0);
            }
            double ess = w * w / w2;
            double snips = wr / w;
            return new OffPolicyEstimate.EffectiveOutcomes(ess * snips, ess * (1.0 - snips));
        }
    }

    private static Totals totals(double[] data, int stride, int n, int p) {
        double u = 0, r = 0, w = 0, wr = 0, w2 = 0, maxW = Double.NaN;
        int positive = 0;
        for (int i = 0; i < n; i++) {
            int o = i * stride;
            r += data[o + R];
            if (data[o + U] != 0.0) {
                double wi = data[o + 2 + 2 * p];
                u += 1.0;
                w += wi;
                wr += data[o + 3 + 2 * p];
                w2 += wi * wi;
                maxW = Double.isNaN(maxW) ? wi : Math.max(maxW, wi);
                positive += wi > 0.0 ? 1 : 0;
            }
        }
        return new Totals(u, r, w, wr, w2, maxW, positive);
    }

    /** Per-tail error of the intervals: (1 - confidence) / 2. */
    private double tail() {
        return (1.0 - settings.confidence()) / 2.0;
    }

    private static HighConfidenceBound.Interval highConfidence(double[] data, int stride, int n, int p, double tail) {
        double[] w = new double[n];
        double[] r = new double[n];
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            int o = i * stride;
            used[i] = data[o + U] != 0.0;
            w[i] = data[o + 2 + 2 * p];
            r[i] = data[o + R];
        }
        return HighConfidenceBound.of(w, r, used, tail);
    }

    private OffPolicyEstimate side(WeightedCases cases, PropensitySource propensities, double[] data,
            int stride, int p, double[] sums, List<EstimateWarning> extra) {
        int n = cases.n;
        Totals t = totals(data, stride, n, p);
        int usedCases = (int) t.u;
        int resamples = settings.resamples();
        double[] observed = new double[resamples];
        double[] ips = new double[resamples];
        double[] snips = new double[resamples];
        double[] meanWeight = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            int o = r * stride;
            observed[r] = ratio(sums[o + R], n);
            ips[r] = ratio(sums[o + 3 + 2 * p], sums[o + U]);
            snips[r] = ratio(sums[o + 3 + 2 * p], sums[o + 2 + 2 * p]);
            meanWeight[r] = ratio(sums[o + 2 + 2 * p], sums[o + U]);
        }
        Estimate observedEstimate = estimate(ratio(t.r, n), observed);
        Estimate ipsEstimate = usedCases == 0 ? Estimate.UNDEFINED : estimate(t.wr / t.u, ips);
        Estimate snipsEstimate = usedCases == 0 ? Estimate.UNDEFINED : estimate(ratio(t.wr, t.w), snips);
        Estimate meanWeightEstimate = usedCases == 0 ? Estimate.UNDEFINED : estimate(t.w / t.u, meanWeight);
        double ess = t.w2 == 0.0 ? 0.0 : t.w * t.w / t.w2;
        HighConfidenceBound.Interval highConfidence = highConfidence(data, stride, n, p, tail());

        List<EstimateWarning> warnings = new ArrayList<>();
        if (propensities.estimated()) {
            warnings.add(new EstimateWarning(EstimateWarning.Code.ESTIMATED_BEHAVIOUR_MODEL,
                    "propensities come from an estimated behaviour model, not the log: " + propensities.description()));
        }
        Exclusions ex = cases.exclusions;
        exclusionWarning(warnings, EstimateWarning.Code.MISSING_LOGGED_ACTION, ex.missingLoggedAction(), n,
                "a decision point has no logged action (or no target probability of it)",
                cases.firstExcluded[EpisodeStatus.MISSING_LOGGED_ACTION.ordinal()]);
        exclusionWarning(warnings, EstimateWarning.Code.MISSING_PROPENSITY, ex.missingPropensity(), n,
                "a decision point has no logged propensity (an estimated behaviour model can fill them in)",
                cases.firstExcluded[EpisodeStatus.MISSING_PROPENSITY.ordinal()]);
        exclusionWarning(warnings, EstimateWarning.Code.INVALID_PROPENSITY, ex.invalidPropensity(), n,
                "a logged propensity is 0, negative, above 1, or so small that the weight overflows",
                cases.firstExcluded[EpisodeStatus.INVALID_PROPENSITY.ordinal()]);
        warnings.addAll(extra);
        if (usedCases == 0) {
            warnings.add(new EstimateWarning(EstimateWarning.Code.NO_USABLE_CASES,
                    "no usable case among " + n + ": IPS and SNIPS are undefined"));
        } else {
            if (t.w == 0.0) {
                warnings.add(new EstimateWarning(EstimateWarning.Code.ZERO_TOTAL_WEIGHT, "all " + usedCases
                        + " used cases have weight 0 (the target policy never takes the logged actions):"
                        + " SNIPS is undefined and IPS is 0 by construction"));
            }
            if (ess < MIN_EFFECTIVE_SAMPLE_SIZE || ess < MIN_EFFECTIVE_SAMPLE_SHARE * usedCases) {
                warnings.add(new EstimateWarning(EstimateWarning.Code.SMALL_EFFECTIVE_SAMPLE_SIZE, String.format(
                        Locale.ROOT,
                        "effective sample size %.1f of %d used cases (%s): the estimate rests on few cases with"
                                + " large weights (max weight %.4g)", ess, usedCases,
                        ess < MIN_EFFECTIVE_SAMPLE_SIZE ? "below 30" : String.format(Locale.ROOT, "%.1f%%, below 10%%",
                                100 * ess / usedCases), t.maxW)));
            }
            int undefinedIps = Percentiles.countNaN(ips);
            if (undefinedIps > 0) {
                warnings.add(undefinedResamples("IPS", undefinedIps, resamples, "no usable case"));
            }
            int undefinedSnips = Percentiles.countNaN(snips);
            if (snipsEstimate.isDefined() && undefinedSnips > 0) {
                warnings.add(undefinedResamples("SNIPS", undefinedSnips, resamples, "total weight 0"));
            }
        }
        return new OffPolicyEstimate(n, usedCases, ex, observedEstimate, ipsEstimate, snipsEstimate, ess,
                usedCases == 0 ? Double.NaN : t.maxW, t.w > 0.0 ? t.maxW / t.w : Double.NaN, t.positive, t.outcomes(),
                meanWeightEstimate, highConfidence, propensities, settings.seed(), resamples, settings.confidence(),
                warnings);
    }

    private static void exclusionWarning(List<EstimateWarning> warnings, EstimateWarning.Code code, int count, int n,
            String reason, String first) {
        if (count > 0) {
            warnings.add(new EstimateWarning(code, count + " of " + n + " cases excluded: " + reason
                    + " (first: case '" + first + "')"));
        }
    }

    private static EstimateWarning undefinedResamples(String what, int undefined, int resamples, String why) {
        return new EstimateWarning(EstimateWarning.Code.UNDEFINED_RESAMPLES, undefined + " of " + resamples
                + " bootstrap resamples left " + what + " undefined (" + why + "); the interval counts them against"
                + " the estimate (below its lower and above its upper end)");
    }

    private Estimate estimate(double value, double[] resampled) {
        return Resampling.estimate(value, resampled, settings);
    }

    private static double ratio(double num, double den) {
        return den == 0.0 ? Double.NaN : num / den;
    }
}
