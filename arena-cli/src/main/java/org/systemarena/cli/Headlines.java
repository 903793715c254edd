package org.systemarena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The headline metrics of a JSON report (docs/report-schema.md), read from the document so that {@code run} and
 * {@code compare} show the same figures as the report files.
 */
final class Headlines {
    /**
     * How a figure is shown: a count with separators, a rate as a percentage, a score with three decimals, an
     * effective sample size with one (as the reports show it).
     */
    enum Kind { COUNT, RATE, NUMBER, SAMPLE_SIZE }

    /** One headline metric of a policy: a label, how to read it, and how to show it. */
    record Metric(String label, Function<JsonNode, JsonNode> read, Kind kind) {
        String show(JsonNode policy) {
            return format(read.apply(policy), kind);
        }

        double value(JsonNode policy) {
            JsonNode n = read.apply(policy);
            return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
        }
    }

    static final List<Metric> METRICS = List.of(
            new Metric("decision points", p -> p.path("decisions").path("decision_points"), Kind.COUNT),
            new Metric("valid decisions", p -> p.path("decisions").path("valid"), Kind.COUNT),
            new Metric("failed decisions", p -> p.path("decisions").path("failed"), Kind.COUNT),
            new Metric("agreement with logged", p -> p.path("agreement").path("match_rate"), Kind.RATE),
            new Metric("violations", p -> p.path("violations").path("total"), Kind.COUNT),
            new Metric("violation rate", p -> p.path("violations").path("rate"), Kind.RATE),
            new Metric("precision@k micro", p -> p.path("ranking").path("precision_micro"), Kind.NUMBER),
            new Metric("precision@k macro", p -> p.path("ranking").path("precision_macro"), Kind.NUMBER),
            new Metric("ndcg@k", p -> p.path("ranking").path("ndcg"), Kind.NUMBER),
            new Metric("conversion (recommended)", p -> p.path("conversion").path("recommended").path("value"),
                    Kind.RATE),
            new Metric("conversion IPS (raw)", p -> p.path("conversion").path("ips").path("value"), Kind.RATE),
            new Metric("conversion SNIPS (raw)", p -> p.path("conversion").path("snips").path("value"), Kind.RATE),
            new Metric("effective sample size", p -> p.path("conversion").path("effective_sample_size"),
                    Kind.SAMPLE_SIZE));

    private Headlines() {
    }

    static String format(JsonNode n, Kind kind) {
        if (n == null || !n.isNumber()) {
            return n == null || n.isMissingNode() || n.isNull() ? "n/a" : n.asText();
        }
        switch (kind) {
            case COUNT:
                return String.format(Locale.ROOT, "%,d", n.asLong());
            case RATE:
                return String.format(Locale.ROOT, "%.1f%%", 100 * n.asDouble());
            case SAMPLE_SIZE:
                return String.format(Locale.ROOT, "%,.1f", n.asDouble());
            default:
                return String.format(Locale.ROOT, "%.3f", n.asDouble());
        }
    }

    /** {@code 23.1% [18.0%, 28.4%]} for an estimate object {value, lower, upper}. */
    static String interval(JsonNode estimate) {
        return format(estimate.path("value"), Kind.RATE) + " [" + format(estimate.path("lower"), Kind.RATE) + ", "
                + format(estimate.path("upper"), Kind.RATE) + "]";
    }

    /**
     * A policy's recommended conversion estimate, {@code 53.3% [48.0%, 59.0%]}, or {@code n/a (reason)} when it
     * cannot be estimated: never a number the log cannot support.
     */
    static String recommended(JsonNode conversion) {
        JsonNode rec = conversion.path("recommended");
        if (rec.isObject()) {
            return interval(rec);
        }
        return "n/a (" + conversion.path("not_estimable_reason").path("code").asText("?").replace('_', ' ') + ")";
    }

    /** {@code 53.1% ±0.3} (Monte Carlo) or {@code 53.1% exact}, or {@code -} when the truth is unknown. */
    static String truth(JsonNode truth) {
        if (!truth.isObject()) {
            return "-";
        }
        double se = truth.path("standard_error").asDouble();
        return format(truth.path("value"), Kind.RATE) + (se == 0.0 ? " exact"
                : String.format(Locale.ROOT, " \u00b1%.1f", 100 * se));
    }

    /** A signed difference b - a: percentage points for rates. */
    static String difference(double a, double b, Kind kind) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return "n/a";
        }
        double d = b - a;
        switch (kind) {
            case COUNT:
                return String.format(Locale.ROOT, "%+,d", Math.round(d));
            case RATE:
                return String.format(Locale.ROOT, "%+.1f pp", 100 * d);
            default:
                return String.format(Locale.ROOT, "%+.3f", d);
        }
    }
}
