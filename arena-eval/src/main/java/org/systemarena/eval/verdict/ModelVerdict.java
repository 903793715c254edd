package org.systemarena.eval.verdict;

import java.util.Locale;
import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.model.ModelBasedComparison;
import org.systemarena.eval.model.ModelBasedResult;

/**
 * The model-based half of the verdict rule (docs/metrics.md, "Model-based verdicts"): when the importance weights
 * alone leave a comparison inconclusive, the paired doubly robust difference may decide it, if the outcome models
 * can be trusted there. {@link VerdictRule#compare} calls it; nothing else decides.
 *
 * <p>The interval spans the paired percentile intervals of the DR, direct-method and weighted-DR differences, as the
 * IS verdict's spans SNIPS's and IPS's: DR's alone leans on a few heavy weights and DM's leaves the model's own error
 * out, and a claim needs all three to exclude 0 on the same side; when the DR and DM intervals do not even overlap,
 * the weights' correction contradicts the model and neither is trusted. Its record on the simulator is section 10's.
 */
final class ModelVerdict {
    static final String ESTIMATOR = "doubly_robust";

    private ModelVerdict() {
    }

    /** Why the model cannot decide this comparison, or null when it can. */
    static String obstacle(String policy, String baseline, ModelBasedComparison c, VerdictSettings s) {
        String why = side(policy, c.target(), s);
        if (why == null) {
            why = side(baseline, c.baseline(), s);
        }
        if (why != null) {
            return why;
        }
        for (Estimate d : new Estimate[] {c.drDifference(), c.dmDifference(), c.wdrDifference()}) {
            if (!d.isDefined() || Double.isInfinite(d.lower()) || Double.isInfinite(d.upper())) {
                return "a model-based difference is undefined in more than " + VerdictRule.pct(
                        (1.0 - c.target().confidence()) / 2.0) + " of the paired bootstrap resamples";
            }
        }
        Estimate dr = c.drDifference();
        Estimate dm = c.dmDifference();
        if (!Support.overlap(dr, dm)) {
            return String.format(Locale.ROOT, "the doubly robust difference %s [%s, %s] and the direct method's %s"
                    + " [%s, %s] do not overlap: the weights' correction contradicts the outcome model, so neither"
                    + " is trusted", VerdictRule.pp(dr.value()), VerdictRule.pp(dr.lower()),
                    VerdictRule.pp(dr.upper()), VerdictRule.pp(dm.value()), VerdictRule.pp(dm.lower()),
                    VerdictRule.pp(dm.upper()));
        }
        return null;
    }

    private static String side(String name, ModelBasedResult r, VerdictSettings s) {
        if (r.usedCases() < s.minCases()) {
            return String.format(Locale.ROOT, "the outcome model of '%s' rests on %,d used cases (minimum %,d)", name,
                    r.usedCases(), s.minCases());
        }
        if (!r.dr().isDefined() || !r.dm().isDefined()) {
            return String.format(Locale.ROOT, "'%s' puts %s of its probability on actions the log never took at"
                    + " their rule, so no outcome model gives their value", name,
                    VerdictRule.pct(r.coverage().notModelledMass()));
        }
        if (!r.modelCheck().passed()) {
            return "the outcome model of '" + name + "' failed its held-out check (" + r.modelCheck().failure() + ")";
        }
        if (r.coverage().extrapolatedMass() > s.maxUnsupportedMass()) {
            return String.format(Locale.ROOT, "%s of the probability of '%s' is on actions the log took"
                    + " too rarely in some training fold to model them (model-extrapolated; allowed: %s)",
                    VerdictRule.pct(r.coverage().extrapolatedMass()), name, VerdictRule.pct(s.maxUnsupportedMass()));
        }
        return null;
    }

    /** The DR difference with the interval spanning the three estimators'. Call only when {@link #obstacle} is null. */
    static Estimate difference(ModelBasedComparison c) {
        Estimate dr = c.drDifference();
        Estimate dm = c.dmDifference();
        Estimate wdr = c.wdrDifference();
        return new Estimate(dr.value(), Math.min(dr.lower(), Math.min(dm.lower(), wdr.lower())),
                Math.max(dr.upper(), Math.max(dm.upper(), wdr.upper())));
    }
}
