package org.systemarena.test;

import java.util.Locale;
import org.systemarena.eval.estimate.Estimate;

/** How the failure messages write figures: the reports' forms (percentage points, one decimal). */
final class Figures {
    private Figures() {
    }

    /** A difference in percentage points with its sign: {@code -4.2 pp}. */
    static String pp(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.1f pp", 100 * v);
    }

    /** A margin: {@code 2.0 pp}. */
    static String margin(double v) {
        return String.format(Locale.ROOT, "%.1f pp", 100 * v);
    }

    /** {@code -4.2 pp [-18.8 pp, +6.8 pp]}. */
    static String difference(Estimate d) {
        return pp(d.value()) + " [" + pp(d.lower()) + ", " + pp(d.upper()) + "]";
    }

    /** A conversion: {@code 51.3%}. */
    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** An interval's level: {@code 95%}. */
    static String level(double confidence) {
        double p = 100 * confidence;
        return String.format(Locale.ROOT, p == Math.rint(p) ? "%.0f%%" : "%.1f%%", p);
    }

    static String ess(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The estimator's code as a reader knows it: {@code SNIPS}, {@code doubly robust}. */
    static String estimator(String code) {
        if (code == null) {
            return "no estimator";
        }
        return switch (code) {
            case "snips" -> "SNIPS";
            case "ips" -> "IPS";
            default -> code.replace('_', ' ');
        };
    }

    /** A sentence of the library's, to go inside another: without its final period. */
    static String clause(String sentence) {
        String s = sentence.strip();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
