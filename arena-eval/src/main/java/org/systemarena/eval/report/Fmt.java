package org.systemarena.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Display formatting of report values (JSON nodes) for the Markdown and HTML renderers; null means undefined. */
final class Fmt {
    private Fmt() {
    }

    /** A rate or estimate with four decimals; "n/a" when undefined. */
    static String rate(JsonNode n) {
        return n == null || !n.isNumber() ? "n/a" : String.format(Locale.ROOT, "%.4f", n.doubleValue());
    }

    /** A percentage with one decimal. */
    static String pct(JsonNode n) {
        return n == null || !n.isNumber() ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * n.doubleValue());
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

    /** An estimate object {value, lower, upper} as "v [lo, hi]". */
    static String estimate(JsonNode e) {
        if (e == null || !e.path("value").isNumber()) {
            return "undefined";
        }
        return rate(e.get("value")) + " [" + rate(e.get("lower")) + ", " + rate(e.get("upper")) + "]";
    }

    /** A signed difference estimate "+v [lo, hi]". */
    static String difference(JsonNode e) {
        if (e == null || !e.path("value").isNumber()) {
            return "undefined";
        }
        return signed(e.get("value")) + " [" + signed(e.get("lower")) + ", " + signed(e.get("upper")) + "]";
    }

    private static String signed(JsonNode n) {
        return n == null || !n.isNumber() ? "n/a" : String.format(Locale.ROOT, "%+.4f", n.doubleValue());
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
