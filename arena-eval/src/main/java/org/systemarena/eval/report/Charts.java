package org.systemarena.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's inline SVG charts, drawn from the JSON report. Plain SVG 1.1 elements and attributes only, well-formed
 * XML, coordinates with at most one decimal, so the output is stable and renders without scripts or external files.
 */
final class Charts {
    static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#bab0ac"};
    private static final int WIDTH = 760;
    private static final int LABEL = 190;
    private static final int PLOT = WIDTH - LABEL - 30;

    private Charts() {
    }

    /** SNIPS (filled) and IPS (hollow) estimates with their intervals per policy; observed rate as a dashed line. */
    static String conversion(JsonNode report) {
        JsonNode policies = report.path("policies");
        double observed = Fmt.value(report.path("observed_conversion").path("rate"));
        double max = Double.isNaN(observed) ? 0 : observed;
        for (JsonNode p : policies) {
            JsonNode c = p.path("conversion");
            max = maxOf(max, Fmt.value(c.path("recommended").path("upper")),
                    Fmt.value(c.path("recommended").path("value")));
            if (c.path("recommended").isObject()) {
                max = Math.max(max, Fmt.value(c.path("high_confidence").path("upper")));
            }
            double truth = Fmt.value(c.path("truth").path("value"));
            if (!Double.isNaN(truth)) {
                max = Math.max(max, truth);
            }
        }
        double top = niceCeiling(max);
        int rowHeight = 34;
        int height = 40 + rowHeight * policies.size() + 30;
        StringBuilder sb = open("conversion", "Recommended conversion estimate per policy with its 95% interval,"
                + " and the high-confidence interval", height);
        axis(sb, top, 30 + rowHeight * policies.size());
        int y = 30;
        for (JsonNode p : policies) {
            JsonNode c = p.path("conversion");
            label(sb, p.path("name").asText(), y + 16);
            if (c.path("recommended").isObject()) {
                interval(sb, c.path("recommended"), top, y + 10, true,
                        c.path("recommended").path("estimator").asText().toUpperCase(Locale.ROOT));
                JsonNode hc = c.path("high_confidence");
                double lo = Fmt.value(hc.path("lower"));
                double hi = Fmt.value(hc.path("upper"));
                if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
                    sb.append(String.format(Locale.ROOT, "<line class=\"high-confidence\" x1=\"%.1f\" y1=\"%d\""
                            + " x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"><title>", x(lo, top), y + 24,
                            x(hi, top), y + 24, PALETTE[1]));
                    sb.append(Html.escape("high-confidence interval " + ReportContent.bounds(hc, false)))
                            .append("</title></line>");
                }
            } else {
                text(sb, LABEL + 4, y + 14, "start", "n/a: " + c.path("not_estimable_reason").path("code").asText()
                        .replace('_', ' '));
            }
            double truth = Fmt.value(c.path("truth").path("value"));
            if (!Double.isNaN(truth)) {
                double tx = x(truth, top);
                sb.append(String.format(Locale.ROOT, "<path class=\"truth\" d=\"M%.1f %d l5 5 l-5 5 l-5 -5 z\""
                        + " fill=\"#222\"><title>", tx, y + 5));
                sb.append(Html.escape("true conversion " + ReportContent.truth(c.path("truth")) + ", "
                        + c.path("truth").path("method").asText())).append("</title></path>");
            }
            y += rowHeight;
        }
        if (!Double.isNaN(observed)) {
            double x = x(observed, top);
            sb.append(String.format(Locale.ROOT, "<line class=\"observed\" x1=\"%.1f\" y1=\"22\" x2=\"%.1f\" y2=\"%d\""
                    + " stroke=\"#333\" stroke-dasharray=\"4 3\"/>", x, x, y + 4));
            text(sb, x + 4, 16, "start", "observed " + Fmt.rate(report.path("observed_conversion").path("rate")));
        }
        legendItem(sb, LABEL, height - 8, PALETTE[0], "recommended estimate", true);
        legendItem(sb, LABEL + 170, height - 8, PALETTE[1], "high-confidence interval", true);
        if (ReportContent.hasTruths(report)) {
            legendItem(sb, LABEL + 360, height - 8, "#222", "true conversion (simulated)", true);
        }
        return close(sb);
    }

    /** Share of each action per policy, as stacked bars. */
    static String actions(JsonNode report) {
        JsonNode policies = report.path("policies");
        List<String> actions = new ArrayList<>();
        for (JsonNode p : policies) {
            for (JsonNode a : p.path("actions")) {
                if (!actions.contains(a.path("action").asText())) {
                    actions.add(a.path("action").asText());
                }
            }
        }
        int rowHeight = 28;
        int height = 20 + rowHeight * policies.size() + 40;
        StringBuilder sb = open("actions", "Action distribution per policy", height);
        int y = 14;
        for (JsonNode p : policies) {
            label(sb, p.path("name").asText(), y + 14);
            double x = LABEL;
            for (JsonNode a : p.path("actions")) {
                double share = Fmt.value(a.path("share"));
                if (!(share > 0)) {
                    continue;
                }
                double w = share * PLOT;
                String color = PALETTE[actions.indexOf(a.path("action").asText()) % PALETTE.length];
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"20\""
                        + " fill=\"%s\"><title>", x, y, w, color));
                sb.append(Html.escape(p.path("name").asText() + ": " + a.path("action").asText() + " "
                        + a.path("count").asText() + " (" + Fmt.pct(a.path("share")) + ")"));
                sb.append("</title></rect>");
                x += w;
            }
            y += rowHeight;
        }
        int lx = LABEL;
        for (int i = 0; i < actions.size(); i++) {
            legendItem(sb, lx, height - 12, PALETTE[i % PALETTE.length], actions.get(i), true);
            lx += 20 + 8 * actions.get(i).length() + 16;
        }
        return close(sb);
    }

    /** Violations per constraint, one bar per policy. */
    static String violations(JsonNode report) {
        JsonNode policies = report.path("policies");
        List<String> constraints = new ArrayList<>();
        List<String> severities = new ArrayList<>();
        for (JsonNode c : policies.path(0).path("violations").path("by_constraint")) {
            constraints.add(c.path("constraint").asText());
            severities.add(c.path("severity").asText());
        }
        long max = 0;
        for (JsonNode p : policies) {
            for (JsonNode c : p.path("violations").path("by_constraint")) {
                max = Math.max(max, c.path("count").asLong());
            }
        }
        int bar = 14;
        int group = bar * policies.size() + 14;
        int height = constraints.isEmpty() ? 50 : 20 + group * constraints.size() + 36;
        StringBuilder sb = open("violations", "Constraint violations per policy", height);
        if (constraints.isEmpty()) {
            text(sb, LABEL, 30, "start", "no constraints declared");
            return close(sb);
        }
        int y = 12;
        for (int c = 0; c < constraints.size(); c++) {
            label(sb, constraints.get(c) + " [" + severities.get(c) + "]", y + group / 2);
            int i = 0;
            for (JsonNode p : policies) {
                long count = p.path("violations").path("by_constraint").path(c).path("count").asLong();
                double w = max == 0 ? 0 : (double) count / max * (PLOT - 60);
                int by = y + i * bar;
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                        + " fill=\"%s\"><title>", LABEL, by, w, bar - 2, PALETTE[i % PALETTE.length]));
                sb.append(Html.escape(p.path("name").asText() + ": " + count)).append("</title></rect>");
                text(sb, LABEL + w + 4, by + bar - 4, "start", Long.toString(count));
                i++;
            }
            y += group;
        }
        policyLegend(sb, policies, height - 12);
        return close(sb);
    }

    /** Precision@K per period and policy, as lines over the periods in time order. */
    static String precision(JsonNode report) {
        JsonNode policies = report.path("policies");
        List<String> periods = new ArrayList<>();
        for (JsonNode p : policies) {
            for (JsonNode period : p.path("ranking").path("periods")) {
                String start = period.path("start").asText();
                if (!periods.contains(start)) {
                    periods.add(start);
                }
            }
        }
        periods.sort(null);
        int plotTop = 14;
        int plotHeight = 160;
        int height = plotTop + plotHeight + 60;
        String k = policies.path(0).path("ranking").path("k").asText();
        StringBuilder sb = open("precision", "Precision@" + k + " per period and policy", height);
        if (periods.isEmpty()) {
            text(sb, LABEL, 30, "start", "no decision points");
            return close(sb);
        }
        for (double t : new double[] {0, 0.5, 1}) {
            double y = plotTop + plotHeight * (1 - t);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                    LABEL, y, LABEL + PLOT, y));
            text(sb, LABEL - 6, y + 4, "end", String.format(Locale.ROOT, "%.1f", t));
        }
        label(sb, "Precision@" + k, plotTop + plotHeight / 2);
        double step = periods.size() == 1 ? 0 : (double) PLOT / (periods.size() - 1);
        int i = 0;
        for (JsonNode p : policies) {
            StringBuilder points = new StringBuilder();
            String color = PALETTE[i % PALETTE.length];
            for (JsonNode period : p.path("ranking").path("periods")) {
                double precision = Fmt.value(period.path("precision"));
                if (Double.isNaN(precision)) {
                    continue;
                }
                double x = LABEL + step * periods.indexOf(period.path("start").asText());
                double y = plotTop + plotHeight * (1 - precision);
                points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", points.length() == 0 ? "" : " ", x, y));
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>",
                        x, y, color));
                sb.append(Html.escape(p.path("name").asText() + " " + period.path("start").asText() + ": "
                        + Fmt.rate(period.path("precision")))).append("</title></circle>");
            }
            if (points.length() > 0) {
                sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"")
                        .append(points).append("\"/>");
            }
            i++;
        }
        text(sb, LABEL, plotTop + plotHeight + 16, "start", periods.get(0).substring(0, 10));
        text(sb, LABEL + PLOT, plotTop + plotHeight + 16, "end", periods.get(periods.size() - 1).substring(0, 10));
        policyLegend(sb, policies, height - 12);
        return close(sb);
    }

    private static StringBuilder open(String id, String title, int height) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-%s\" class=\"chart\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", id, WIDTH,
                height, WIDTH, height, Html.escape(title)));
        sb.append("<title>").append(Html.escape(title)).append("</title>");
        return sb;
    }

    private static String close(StringBuilder sb) {
        return sb.append("</svg>").toString();
    }

    private static void axis(StringBuilder sb, double top, int bottom) {
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double x = x(v, top);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"26\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>",
                    x, x, bottom));
            text(sb, x, bottom + 14, "middle", String.format(Locale.ROOT, "%.2f", v));
        }
    }

    private static void interval(StringBuilder sb, JsonNode e, double top, int y, boolean filled, String name) {
        double v = Fmt.value(e.path("value"));
        if (Double.isNaN(v)) {
            text(sb, LABEL + 4, y + 4, "start", name + " undefined");
            return;
        }
        String color = filled ? PALETTE[0] : PALETTE[1];
        double lo = Fmt.value(e.path("lower"));
        double hi = Fmt.value(e.path("upper"));
        if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"2\"/>", x(lo, top), y, x(hi, top), y, color));
        }
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\" stroke=\"%s\""
                + " stroke-width=\"1.5\"><title>", x(v, top), y, filled ? color : "#fff", color));
        sb.append(Html.escape(name + " " + Fmt.estimate(e))).append("</title></circle>");
    }

    private static void policyLegend(StringBuilder sb, JsonNode policies, int y) {
        int x = LABEL;
        int i = 0;
        for (JsonNode p : policies) {
            String name = p.path("name").asText();
            legendItem(sb, x, y, PALETTE[i % PALETTE.length], name, true);
            x += 20 + 7 * name.length() + 16;
            i++;
        }
    }

    private static void legendItem(StringBuilder sb, int x, int y, String color, String name, boolean filled) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\""
                + " stroke=\"%s\"/>", x, y - 10, filled ? color : "#fff", color));
        text(sb, x + 16, y, "start", name);
    }

    private static void label(StringBuilder sb, String text, int y) {
        String shown = text.length() > 28 ? text.substring(0, 27) + "…" : text;
        text(sb, LABEL - 8, y, "end", shown);
    }

    private static void text(StringBuilder sb, double x, double y, String anchor, String text) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor))
                .append(Html.escape(text)).append("</text>");
    }

    private static double x(double v, double top) {
        return LABEL + (top == 0 ? 0 : v / top) * PLOT;
    }

    private static double maxOf(double a, double b, double c) {
        double m = a;
        if (b > m) {
            m = b;
        }
        if (c > m) {
            m = c;
        }
        return m;
    }

    /** The smallest of 0.1, 0.2, 0.25, 0.5, 1 (times a power of ten) at or above {@code v}; at least 0.1. */
    static double niceCeiling(double v) {
        if (!(v > 0.1)) {
            return 0.1;
        }
        double scale = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * scale >= v) {
                return m * scale;
            }
        }
        return 10 * scale;
    }
}
