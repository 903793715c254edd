package org.systemarena.eval.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.eval.estimate.PolicyComparison;
import org.systemarena.eval.model.ModelBasedComparison;

/**
 * The one place that decides whether an estimate is reported as a number and what a comparison concludes
 * (docs/metrics.md, "Verdicts"). The checks run in a fixed order and the first that fails is the reason.
 *
 * <p>Estimator choice: SNIPS, whenever the IS-family checks pass. Both IS estimators rest on the same weights, so the
 * checks are the same; SNIPS is bounded by the rewards and has the lower variance, and IPS serves as its
 * consistency check. Its interval is the percentile bootstrap over cases, and a comparison's is the paired one.
 * When the weights leave a comparison inconclusive, the paired doubly robust difference may decide it instead
 * ({@link ModelVerdict}); a policy's own conversion is still reported only from the weights (the model-based level
 * estimates' intervals do not cover well enough where the weights collapse: docs/metrics.md, section 10).
 */
public final class VerdictRule {
    public static final String ESTIMATOR = "snips";
    public static final String INTERVAL = "percentile_bootstrap";

    private VerdictRule() {
    }

    /**
     * Assesses one policy's conversion.
     *
     * @param e    the estimate over every case
     * @param mass the target's probability on unsupported actions
     */
    public static Assessment assess(OffPolicyEstimate e, SupportMass mass, VerdictSettings s) {
        Support support = Support.of(mass, e);
        NotEstimable why = problem(e, support, s);
        if (why != null) {
            return new Assessment(null, why, support);
        }
        Estimate snips = e.snips();
        Estimate ips = e.ips();
        return new Assessment(new RecommendedEstimate(ESTIMATOR, snips.value(), Math.min(snips.lower(), ips.lower()),
                Math.max(snips.upper(), ips.upper()), INTERVAL), null, support);
    }

    private static NotEstimable problem(OffPolicyEstimate e, Support sup, VerdictSettings s) {
        int used = e.usedCases();
        if (used < s.minCases()) {
            return new NotEstimable(Reason.TOO_FEW_CASES, String.format(Locale.ROOT,
                    "only %,d of %,d cases could be used%s; an estimate needs at least %,d", used, e.cases(),
                    e.exclusions().total() > 0 ? " (" + e.exclusions().total() + " excluded, see the warnings)" : "",
                    s.minCases()));
        }
        SupportMass mass = sup.mass();
        if (mass.unsupportedMass() > s.maxUnsupportedMass()) {
            return new NotEstimable(Reason.UNSUPPORTED_ACTIONS, String.format(Locale.ROOT,
                    "%s of the policy's probability at the logged decision points (%,d of %,d decision points) is on"
                            + " actions the log does not support (%s); importance weights cannot see those choices,"
                            + " so IS-family estimates are not identifiable from this log (allowed: %s)",
                    pct(mass.unsupportedMass()), mass.unsupportedDecisions(), mass.decisions(), describe(mass),
                    pct(s.maxUnsupportedMass())));
        }
        if (!e.snips().isDefined()) {
            return new NotEstimable(Reason.SMALL_EFFECTIVE_SAMPLE, String.format(Locale.ROOT,
                    "none of the %,d used cases has a logged trajectory the policy could have produced (every"
                            + " weight is 0), so no case informs the estimate", used));
        }
        if (e.effectiveSampleSize() < s.minEffectiveSampleSize()) {
            return new NotEstimable(Reason.SMALL_EFFECTIVE_SAMPLE, String.format(Locale.ROOT,
                    "effective sample size %.1f of %,d used cases (minimum %s): %,d of the %,d cases (%s) %s"
                            + " a logged trajectory the policy could have produced, and the largest weight is %s of"
                            + " the total", e.effectiveSampleSize(), used, num(s.minEffectiveSampleSize()),
                    e.casesWithWeight(), used, pct(sup.trajectoryCoverage()), e.casesWithWeight() == 1 ? "has"
                            : "have", pct(e.maxWeightShare())));
        }
        OffPolicyEstimate.EffectiveOutcomes outcomes = e.effectiveOutcomes();
        if (outcomes.smaller() < s.minEffectiveOutcomes()) {
            boolean positives = outcomes.positive() <= outcomes.negative();
            return new NotEstimable(Reason.SMALL_EFFECTIVE_SAMPLE, String.format(Locale.ROOT,
                    "the effective sample (ESS %.1f) holds only %.1f %s outcomes (minimum %s; %.1f %s), too few"
                            + " for an interval to rest on", e.effectiveSampleSize(),
                    positives ? outcomes.positive() : outcomes.negative(),
                    positives ? "positive" : "negative", num(s.minEffectiveOutcomes()),
                    positives ? outcomes.negative() : outcomes.positive(), positives ? "negative" : "positive"));
        }
        Estimate snips = e.snips();
        if (Double.isInfinite(snips.lower()) || Double.isInfinite(snips.upper())) {
            return new NotEstimable(Reason.SMALL_EFFECTIVE_SAMPLE, String.format(Locale.ROOT,
                    "SNIPS is undefined (total weight 0) in more than %s of the bootstrap resamples, so its interval"
                            + " is unbounded", pct((1.0 - e.confidence()) / 2.0)));
        }
        if (snips.width() == 0.0) {
            return new NotEstimable(Reason.TOO_FEW_CASES, String.format(Locale.ROOT,
                    "every case with weight has the same outcome (conversion %s), so the bootstrap interval has zero"
                            + " width and says nothing of the uncertainty; the high-confidence interval is [%s, %s]",
                    pct(snips.value()), pct(e.highConfidence().lower()), pct(e.highConfidence().upper())));
        }
        Estimate mw = e.meanWeight();
        boolean excludesOne = mw.lower() > 1.0 || mw.upper() < 1.0;
        if (excludesOne && Math.abs(mw.value() - 1.0) > s.meanWeightTolerance()) {
            String why = mw.value() < 1.0
                    ? String.format(Locale.ROOT, "either about %s of the policy's probability lies on trajectories"
                            + " this log cannot show, or the log is too small to hold the rare trajectories whose"
                            + " large weights make up the rest, or the propensities are wrong",
                            pct(1.0 - mw.value()))
                    : "the propensities are too small for the actions taken, or the log is not what the logging"
                            + " policy produced";
            return new NotEstimable(Reason.WEIGHTS_INCONSISTENT, String.format(Locale.ROOT,
                    "the mean importance weight is %s [%s, %s]; it is 1 in expectation when the policy stays inside"
                            + " the log's support and the propensities are right, so %s", num(mw.value()),
                    num(mw.lower()), num(mw.upper()), why));
        }
        if (!sup.estimatorsAgree()) {
            return new NotEstimable(Reason.ESTIMATORS_DISAGREE, String.format(Locale.ROOT,
                    "the IPS interval [%s, %s] and the SNIPS interval [%s, %s] do not overlap, so at least one of"
                            + " them is wrong here (failed consistency check)", pct(e.ips().lower()),
                    pct(e.ips().upper()), pct(snips.lower()), pct(snips.upper())));
        }
        return null;
    }

    /**
     * The verdict of {@code policy} against {@code baseline}.
     *
     * @param target     the policy's assessment (over every case)
     * @param base       the baseline's assessment
     * @param comparison the paired comparison over the cases usable for both
     */
    public static Verdict compare(String policy, Assessment target, String baseline, Assessment base,
                                  PolicyComparison comparison, VerdictSettings s) {
        return compare(policy, target, baseline, base, comparison, null, s);
    }

    /**
     * As {@link #compare(String, Assessment, String, Assessment, PolicyComparison, VerdictSettings)}; when the
     * importance weights leave the comparison inconclusive and {@code model} (the paired model-based comparison of
     * the same two policies, or null) can be trusted, the doubly robust difference decides ({@link ModelVerdict}).
     */
    public static Verdict compare(String policy, Assessment target, String baseline, Assessment base,
                                  PolicyComparison comparison, ModelBasedComparison model, VerdictSettings s) {
        return withModel(compareWeights(policy, target, baseline, base, comparison, s), policy, baseline,
                comparison, model, s);
    }

    /**
     * The verdict once the model is heard: {@code weights} (the verdict of the weights alone, from
     * {@link #compare(String, Assessment, String, Assessment, PolicyComparison, VerdictSettings)}) when it is
     * conclusive or {@code model} is null; else the model-based verdict, or {@code weights} with why the model could
     * not decide either. For a caller that already has the weights' verdict and fits the models only when it is
     * inconclusive.
     */
    public static Verdict withModel(Verdict weights, String policy, String baseline, PolicyComparison comparison,
                                    ModelBasedComparison model, VerdictSettings s) {
        if (!weights.inconclusive() || model == null) {
            return weights;
        }
        String obstacle = ModelVerdict.obstacle(policy, baseline, model, s);
        if (obstacle != null) {
            return new Verdict(weights.outcome(), weights.reason(), weights.message()
                    + "; no model-based verdict either: " + obstacle, weights.notEstimable(), weights.estimator(),
                    weights.interval(), weights.margin(), weights.difference(), weights.highConfidence(), obstacle);
        }
        Estimate d = ModelVerdict.difference(model);
        Verdict.Outcome outcome = outcome(d);
        StringBuilder msg = new StringBuilder(String.format(Locale.ROOT, "%s: %s [%s, %s] in conversion (doubly"
                + " robust; paired bootstrap over %,d cases, the interval spanning the direct method's and weighted"
                + " DR's)", head(outcome, policy, baseline), pp(d.value()), pp(d.lower()), pp(d.upper()),
                model.target().usedCases()));
        double extrapolated = Math.max(model.target().coverage().extrapolatedMass(),
                model.baseline().coverage().extrapolatedMass());
        if (extrapolated > 0.0) {
            msg.append(String.format(Locale.ROOT, "; up to %s of a side's probability is model-extrapolated",
                    pct(extrapolated)));
        }
        margin(msg, d, s.margin());
        msg.append("; the importance weights alone were inconclusive: ").append(weights.message());
        return new Verdict(outcome, null, msg.toString(), null, ModelVerdict.ESTIMATOR, INTERVAL, s.margin(), d,
                comparison.highConfidenceDifference(), null);
    }

    private static Verdict compareWeights(String policy, Assessment target, String baseline, Assessment base,
                                          PolicyComparison comparison, VerdictSettings s) {
        double margin = s.margin();
        if (!target.estimable()) {
            return inconclusive(target.notEstimable().reason(), "'" + policy + "' cannot be estimated: "
                    + target.notEstimable().message(), policy, null, margin, comparison);
        }
        if (!base.estimable()) {
            return inconclusive(base.notEstimable().reason(), "baseline '" + baseline + "' cannot be estimated: "
                    + base.notEstimable().message(), baseline, null, margin, comparison);
        }
        int paired = comparison.target().usedCases();
        if (paired < s.minCases()) {
            return inconclusive(Reason.TOO_FEW_CASES, String.format(Locale.ROOT,
                    "only %,d cases are usable for both policies; a comparison needs at least %,d", paired,
                    s.minCases()), null, ESTIMATOR, margin, comparison);
        }
        Estimate d = comparison.snipsDifference();
        if (!d.isDefined() || Double.isInfinite(d.lower()) || Double.isInfinite(d.upper())) {
            return inconclusive(Reason.SMALL_EFFECTIVE_SAMPLE, String.format(Locale.ROOT,
                    "the SNIPS difference is undefined in more than %s of the paired bootstrap resamples",
                    pct((1.0 - comparison.target().confidence()) / 2.0)), null, ESTIMATOR, margin, comparison);
        }
        Estimate ips = comparison.ipsDifference();
        if (!Support.overlap(ips, d)) {
            return inconclusive(Reason.ESTIMATORS_DISAGREE, String.format(Locale.ROOT,
                    "the IPS difference [%s, %s] and the SNIPS difference [%s, %s] do not overlap (failed"
                            + " consistency check)", pp(ips.lower()), pp(ips.upper()), pp(d.lower()),
                    pp(d.upper())), null, ESTIMATOR, margin, comparison);
        }
        d = new Estimate(d.value(), Math.min(d.lower(), ips.lower()), Math.max(d.upper(), ips.upper()));
        Verdict.Outcome outcome = outcome(d);
        StringBuilder msg = new StringBuilder(String.format(Locale.ROOT, "%s: %s [%s, %s] in conversion (SNIPS;"
                + " paired bootstrap over %,d cases, the interval spanning IPS's)", head(outcome, policy, baseline),
                pp(d.value()), pp(d.lower()), pp(d.upper()), paired));
        margin(msg, d, margin);
        return new Verdict(outcome, null, msg.toString(), null, ESTIMATOR, INTERVAL, margin, d,
                comparison.highConfidenceDifference(), null);
    }

    private static Verdict.Outcome outcome(Estimate d) {
        return d.lower() > 0.0 ? Verdict.Outcome.BETTER
                : d.upper() < 0.0 ? Verdict.Outcome.WORSE : Verdict.Outcome.NO_DETECTABLE_DIFFERENCE;
    }

    private static String head(Verdict.Outcome outcome, String policy, String baseline) {
        return switch (outcome) {
            case BETTER -> String.format(Locale.ROOT, "'%s' is better than '%s'", policy, baseline);
            case WORSE -> String.format(Locale.ROOT, "'%s' is worse than '%s'", policy, baseline);
            default -> String.format(Locale.ROOT, "no detectable difference between '%s' and '%s'", policy, baseline);
        };
    }

    private static void margin(StringBuilder msg, Estimate d, double margin) {
        if (margin > 0.0) {
            msg.append(String.format(Locale.ROOT, "; not worse by more than %s: %s", pp(margin).substring(1),
                    d.lower() > -margin ? "shown" : "not shown"));
        }
    }

    private static Verdict inconclusive(Reason reason, String message, String notEstimable, String estimator,
                                        double margin, PolicyComparison c) {
        return new Verdict(Verdict.Outcome.INCONCLUSIVE, reason, message, notEstimable, estimator, INTERVAL, margin,
                Estimate.UNDEFINED, c.highConfidenceDifference(), null);
    }

    /** "escalate at follow_up_check (never logged there), ...": the three largest. */
    private static String describe(SupportMass mass) {
        List<String> parts = new ArrayList<>();
        for (UnsupportedAction a : mass.actions()) {
            if (parts.size() == 3) {
                parts.add("and " + (mass.actions().size() - 3) + " more");
                break;
            }
            parts.add(String.format(Locale.ROOT, "'%s' at rule '%s', %s, at %,d decision points", a.action(),
                    a.rule(), a.neverLogged() ? "never logged there"
                            : "logging probability below " + num(mass.floor()), a.decisions()));
        }
        return String.join("; ", parts);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String pp(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.1f pp", 100 * v);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, v == Math.rint(v) && Math.abs(v) < 1e9 ? "%.0f" : "%.3f", v);
    }
}
