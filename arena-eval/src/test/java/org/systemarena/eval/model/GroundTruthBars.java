package org.systemarena.eval.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.systemarena.eval.simulation.Target;

/**
 * The ground-truth bars of the model-based estimators, judged on a sweep's tallies: {@link ModelGroundTruthTest}
 * asserts them and {@link ModelCoverageTable} prints them.
 */
final class GroundTruthBars {
    enum Bar {
        /** Deterministic targets, the worlds whose IS verdict is inconclusive: DR's interval covers in 90% or more. */
        COVERAGE_WHERE_IS_INCONCLUSIVE,
        /** The same worlds (SNIPS defined too): DR's mean absolute error at most half SNIPS's. */
        HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE,
        /** Every target, the worlds where both are defined: DR's mean absolute error no worse than SNIPS's. */
        NO_WORSE_THAN_SNIPS,
        /** Paired DR differences with the logging policy whose interval excludes 0: the true sign in 95% or more. */
        TRUE_SIGN,
        /**
         * The verdict rule's model-based verdicts against the logging policy (where the weights were inconclusive):
         * better or worse with the true sign in 95% or more of the claims.
         */
        MODEL_VERDICT_TRUE_SIGN
    }

    /** One bar on one (regime, target): whether DR meets it, with the figures. */
    record Outcome(String regime, String target, Bar bar, boolean met, String figures) {
        String key() {
            return regime + " / " + target + " / " + bar;
        }
    }

    private GroundTruthBars() {
    }

    static List<Outcome> judge(List<ModelSweep.Tally> tallies) {
        List<Outcome> out = new ArrayList<>();
        for (ModelSweep.Tally t : tallies) {
            if (t.modelClaims > 0) {
                out.add(new Outcome(t.regime, t.target, Bar.MODEL_VERDICT_TRUE_SIGN,
                        t.modelRightSign >= 0.95 * t.modelClaims, t.modelRightSign + "/" + t.modelClaims + " claims"));
            }
            if (t.drDefined == 0) {
                continue;
            }
            if (t.deterministic && t.inconclusiveDrDefined > 0) {
                out.add(new Outcome(t.regime, t.target, Bar.COVERAGE_WHERE_IS_INCONCLUSIVE,
                        t.inconclusiveCovered >= 0.9 * t.inconclusiveDrDefined,
                        t.inconclusiveCovered + "/" + t.inconclusiveDrDefined + " cover"));
            }
            if (t.deterministic && t.inconclusivePaired > 0) {
                double dr = t.inconclusiveDrError / t.inconclusivePaired;
                double snips = t.inconclusiveSnipsError / t.inconclusivePaired;
                out.add(new Outcome(t.regime, t.target, Bar.HALF_SNIPS_ERROR_WHERE_IS_INCONCLUSIVE, dr <= 0.5 * snips,
                        String.format(Locale.ROOT, "DR %.4f vs SNIPS %.4f over %d worlds", dr, snips,
                                t.inconclusivePaired)));
            }
            if (t.paired > 0) {
                out.add(new Outcome(t.regime, t.target, Bar.NO_WORSE_THAN_SNIPS,
                        t.pairedDrError <= t.pairedSnipsError, String.format(Locale.ROOT,
                        "DR %.4f vs SNIPS %.4f over %d worlds", t.pairedDrMae(), t.pairedSnipsMae(), t.paired)));
            }
            if (t.claims > 0 && !t.target.equals(Target.HISTORICAL)) {
                out.add(new Outcome(t.regime, t.target, Bar.TRUE_SIGN, t.rightSign >= 0.95 * t.claims,
                        t.rightSign + "/" + t.claims + " claims"));
            }
        }
        return out;
    }
}
