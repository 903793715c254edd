package org.systemarena.test;

import java.util.Locale;
import org.systemarena.eval.estimate.Estimate;

/** How the failure messages write figures: the reports' forms (percentage points, one decimal). */
final class Figures {
    private Figures() {
    }

    /** A difference in percentage points with its sign: {@code -4.2 pp}. */
    static String pp(double v) {
        return pp(v, 1);
    }

    /** The same with {@code decimals} decimals. */
    static String pp(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+." + decimals + "f pp", 100 * v);
    }

    /** A margin: {@code 2.0 pp}. */
    static String margin(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f pp", 100 * v);
    }

    /** {@code -4.2 pp [-18.8 pp, +6.8 pp]}. */
    static String difference(Estimate d, int decimals) {
        return pp(d.value(), decimals) + " [" + pp(d.lower(), decimals) + ", " + pp(d.upper(), decimals) + "]";
    }

    /**
     * Decimals enough to tell the interval's lower end from the margin it is held to (1, up to 3): "-3.7 pp must be
     * above -3.7 pp" would read as a contradiction.
     */
    static int decimals(Estimate d, double margin) {
        int n = 1;
        while (n < 3 && pp(d.lower(), n).equals(pp(-margin, n))) {
            n++;
        }
        return n;
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
