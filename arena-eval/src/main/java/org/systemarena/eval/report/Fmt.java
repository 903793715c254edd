package org.systemarena.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Display formatting of report values (JSON nodes) for the Markdown and HTML renderers; null means undefined. */
final class Fmt {
    private Fmt() {
    }

    /**
     * A rate (a share of cases or decisions, a conversion estimate) as a percentage with one decimal, as the
     * console prints it; "n/a" when undefined.
     */
    static String pct(JsonNode n) {
        return n == null || !n.isNumber() ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * n.doubleValue());
    }

    /** A count with thousands separators, as the console prints it: 6,806. */
    static String count(JsonNode n) {
        return n != null && n.isIntegralNumber() ? String.format(Locale.ROOT, "%,d", n.longValue())
                : n == null || n.isMissingNode() ? "n/a" : n.asText();
    }

    /** A ranking score in [0, 1] (Precision@K, NDCG) with three decimals, as the console prints it. */
    static String score(JsonNode n) {
        return n == null || !n.isNumber() ? "n/a" : String.format(Locale.ROOT, "%.3f", n.doubleValue());
    }

    /** An effective sample size with one decimal, whether the JSON holds it as 300 or as 61.9821. */
    static String ess(JsonNode n) {
        return n == null || !n.isNumber() ? "n/a" : String.format(Locale.ROOT, "%.1f", n.doubleValue());
    }

    /** A general number: integers as such, else up to four decimals (one above 100). */
    static String num(JsonNode n) {
        if (n == null || !n.isNumber()) {
            return "n/a";
        }
        if (n.isIntegralNumber()) {
            return n.asText();
        }
        double v = n.doubleValue();
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.4f", v);
    }

    /** A rate estimate {value, lower, upper} as "57.3% [51.7%, 62.7%]". */
    static String estimate(JsonNode e) {
        if (e == null || !e.path("value").isNumber()) {
            return "undefined";
        }
        return pct(e.get("value")) + " [" + pct(e.get("lower")) + ", " + pct(e.get("upper")) + "]";
    }

    /** An estimate of a plain number (a mean weight) {value, lower, upper} as "0.0762 [0.0000, 0.2190]". */
    static String numberEstimate(JsonNode e) {
        if (e == null || !e.path("value").isNumber()) {
            return "undefined";
        }
        return decimals(e.get("value")) + " [" + decimals(e.get("lower")) + ", " + decimals(e.get("upper")) + "]";
    }

    private static String decimals(JsonNode n) {
        return n == null || !n.isNumber() ? "n/a" : String.format(Locale.ROOT, "%.4f", n.doubleValue());
    }

    /** A difference of rates in percentage points, "+1.2 pp [-3.4 pp, +5.6 pp]". */
    static String difference(JsonNode e) {
        if (e == null || !e.path("value").isNumber()) {
            return "undefined";
        }
        return points(e.get("value")) + " [" + points(e.get("lower")) + ", " + points(e.get("upper")) + "]";
    }

    /** A difference of rates in percentage points, "+1.2 pp". */
    static String points(JsonNode n) {
        return n == null || !n.isNumber() ? "n/a" : String.format(Locale.ROOT, "%+.1f pp", 100 * n.doubleValue());
    }

    /** An ISO-8601 duration (as the JSON holds periods) the way manifests write it: 1d, 12h, 30m, 45s. */
    static String duration(JsonNode n) {
        try {
            java.time.Duration d = java.time.Duration.parse(n.asText());
            long s = d.getSeconds();
            if (d.getNano() != 0 || s <= 0) {
                return n.asText();
            }
            if (s % 86_400 == 0) {
                return s / 86_400 + "d";
            }
            if (s % 3_600 == 0) {
                return s / 3_600 + "h";
            }
            return s % 60 == 0 ? s / 60 + "m" : s + "s";
        } catch (java.time.format.DateTimeParseException e) {
            return n.asText();
        }
    }

    static double value(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.doubleValue();
    }
}
