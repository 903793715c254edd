package org.systemarena.eval;

import java.util.Locale;
import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.eval.verdict.Assessment;

/**
 * Plain-language explanations of estimates, written from the figures themselves, so a reader sees why policies
 * that look alike on the log get different conversion estimates.
 */
final class Explanations {
    private Explanations() {
    }

    static String conversion(String policy, TargetKind kind, OffPolicyEstimate e, WeightSummary w, Assessment a) {
        StringBuilder sb = new StringBuilder();
        int used = e.usedCases();
        if (used == 0) {
            return "'" + policy + "': no case could be used (" + e.exclusions().total() + " of " + e.cases()
                    + " excluded), so there is no estimate; see the warnings.";
        }
        switch (kind) {
            case LOGGING -> sb.append(String.format(Locale.ROOT,
                    "'%s' replays the logging policy: pi(a_logged|s) = mu(a_logged|s) at every decision point, so"
                            + " every weight is 1 (%d of %d cases) and IPS = SNIPS = the mean outcome of the used"
                            + " cases, %s (observed rate %s); ESS %s equals the number of used cases.",
                    policy, w.one(), w.cases(), rate(e.ips().value()), rate(e.observed().value()),
                    num(e.effectiveSampleSize())));
            case DETERMINISTIC -> {
                int agreeing = w.cases() - w.zero();
                if (agreeing == 0) {
                    sb.append(String.format(Locale.ROOT,
                            "'%s' is deterministic and disagrees with the log at least once in every one of the %d"
                                    + " used cases, so every weight is 0: no case informs the estimate, IPS is 0 by"
                                    + " construction and SNIPS is undefined.", policy, w.cases()));
                } else {
                    sb.append(String.format(Locale.ROOT,
                            "'%s' is deterministic: pi(a_logged|s) is 1 where it takes the logged action and 0 where"
                                    + " it does not, so %s where it disagrees with the log at least once get weight 0"
                                    + " and only the %d agreeing %s weight 1/prod(mu) (from %s to %s): ESS %s.",
                            policy, cases(w.zero(), w.cases()), agreeing, agreeing == 1 ? "case carries"
                                    : "cases carry",
                            num(w.minNonZero()), num(w.max()), num(e.effectiveSampleSize())));
                }
            }
            case STOCHASTIC -> {
                String pi = w.minProbability() == w.maxProbability()
                        ? "pi(a_logged|s) = " + num(w.minProbability()) + " at every decision point, so each weight is"
                                + " " + num(w.minProbability()) + "^m / prod(mu) over the case's m decision points"
                        : "pi(a_logged|s) between " + num(w.minProbability()) + " and " + num(w.maxProbability())
                                + ", so each weight is prod(pi / mu) over the case's decision points";
                sb.append(String.format(Locale.ROOT,
                        "'%s' is stochastic: %s; weights range from %s to %s (mean %s, %d of %d cases with weight 0),"
                                + " ESS %s of %d cases.",
                        policy, pi, num(w.min()), num(w.max()), num(w.mean()), w.zero(), w.cases(),
                        num(e.effectiveSampleSize()), w.cases()));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        if (a.estimable()) {
            sb.append(String.format(Locale.ROOT, " Estimated conversion: SNIPS %s, IPS %s, against %s observed.",
                    withInterval(e.snips()), withInterval(e.ips()), rate(e.observed().value())));
        } else {
            sb.append(" So the log cannot estimate its conversion (").append(a.notEstimable().reason().code())
                    .append("): ").append(a.notEstimable().message()).append('.');
        }
        if (e.propensities().estimated()) {
            sb.append(" mu comes from an estimated behaviour model, not the log.");
        }
        if (e.exclusions().total() > 0) {
            sb.append(' ').append(e.exclusions().total()).append(" of ").append(e.cases())
                    .append(" cases could not be used.");
        }
        return sb.toString();
    }

    /** "the 3 of 300 cases" / "the 1 of 300 cases"; plural either way, it reads "of N cases". */
    private static String cases(int k, int n) {
        return "the " + k + " of " + n + " cases";
    }

    private static String withInterval(Estimate e) {
        if (!e.isDefined()) {
            return "undefined";
        }
        return rate(e.value()) + " [" + rate(e.lower()) + ", " + rate(e.upper()) + "]";
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 || v == Math.rint(v) ? "%.1f" : "%.4f", v);
    }
}
