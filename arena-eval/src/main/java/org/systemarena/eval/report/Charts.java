package org.systemarena.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's inline SVG charts, drawn from the JSON report. Plain SVG 1.1 elements and attributes only, well-formed
 * XML, coordinates with at most one decimal, so the output is stable and renders without scripts or external files.
 * Labels are never cut: the label column is as wide as the longest name needs (up to {@value #MAX_LABEL}px), and
 * longer names wrap onto more lines, the row growing with them. Legends wrap too.
 */
final class Charts {
    static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#bab0ac"};
    /** The drawing's width: the page's text column (the CSS lets it shrink on narrower screens). */
    static final int WIDTH = 1060;
    /** Estimated advance of one character at the charts' 12px font, generous so labels never collide. */
    static final double CHAR = 7.2;
    private static final int LINE = 14;
    private static final int RIGHT = 40;
    private static final int MAX_LABEL = 330;

    private Charts() {
    }

    /** SNIPS (filled) and IPS (hollow) estimates with their intervals per policy; observed rate as a dashed line. */
    static String conversion(JsonNode report) {
        JsonNode policies = report.path("policies");
        double observed = Fmt.value(report.path("observed_conversion").path("rate"));
        double max = Double.isNaN(observed) ? 0 : observed;
        List<String> names = new ArrayList<>();
        for (JsonNode p : policies) {
            names.add(p.path("name").asText());
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
        Frame f = Frame.of(names);
        List<String> legend = new ArrayList<>(List.of("recommended estimate", "high-confidence interval"));
        if (ReportContent.hasTruths(report)) {
            legend.add("true conversion (simulated)");
        }
        List<int[]> legendAt = legendLayout(legend, f.label());
        int[] rowHeights = f.rowHeights(names, 34, 12);
        int bottom = 30 + java.util.Arrays.stream(rowHeights).sum();
        int height = bottom + 28 + legendHeight(legendAt);
        StringBuilder sb = open("conversion", "Recommended conversion estimate per policy with its 95% interval,"
                + " and the high-confidence interval", height);
        axis(sb, f, top, bottom);
        int y = 30;
        int row = 0;
        for (JsonNode p : policies) {
            JsonNode c = p.path("conversion");
            int mid = y + rowHeights[row] / 2;
            label(sb, f, names.get(row), mid);
            if (c.path("recommended").isObject()) {
                interval(sb, f, c.path("recommended"), top, mid - 7,
                        c.path("recommended").path("estimator").asText().toUpperCase(Locale.ROOT));
                JsonNode hc = c.path("high_confidence");
                double lo = Fmt.value(hc.path("lower"));
                double hi = Fmt.value(hc.path("upper"));
                if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
                    sb.append(String.format(Locale.ROOT, "<line class=\"high-confidence\" x1=\"%.1f\" y1=\"%d\""
                            + " x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"><title>", f.x(lo, top),
                            mid + 7, f.x(hi, top), mid + 7, PALETTE[1]));
                    sb.append(Html.escape("high-confidence interval " + ReportContent.bounds(hc, false)))
                            .append("</title></line>");
                }
            } else {
                text(sb, f.label() + 4, mid - 3, "start", "n/a: " + c.path("not_estimable_reason").path("code")
                        .asText().replace('_', ' '));
            }
            double truth = Fmt.value(c.path("truth").path("value"));
            if (!Double.isNaN(truth)) {
                double tx = f.x(truth, top);
                sb.append(String.format(Locale.ROOT, "<path class=\"truth\" d=\"M%.1f %d l5 5 l-5 5 l-5 -5 z\""
                        + " fill=\"#222\"><title>", tx, mid - 12));
                sb.append(Html.escape("true conversion " + ReportContent.truth(c.path("truth")) + ", "
                        + c.path("truth").path("method").asText())).append("</title></path>");
            }
            y += rowHeights[row++];
        }
        if (!Double.isNaN(observed)) {
            double x = f.x(observed, top);
            sb.append(String.format(Locale.ROOT, "<line class=\"observed\" x1=\"%.1f\" y1=\"22\" x2=\"%.1f\" y2=\"%d\""
                    + " stroke=\"#333\" stroke-dasharray=\"4 3\"/>", x, x, y + 4));
            String label = "observed " + Fmt.pct(report.path("observed_conversion").path("rate"));
            // Right of the line, or left of it where the text would run past the chart's edge.
            boolean fits = x + 4 + label.length() * CHAR <= WIDTH;
            text(sb, fits ? x + 4 : x - 4, 16, fits ? "start" : "end", label);
        }
        String[] colors = {PALETTE[0], PALETTE[1], "#222"};
        for (int i = 0; i < legend.size(); i++) {
            legendItem(sb, legendAt.get(i)[0], bottom + 32 + legendAt.get(i)[1], colors[i], legend.get(i));
        }
        return close(sb);
    }

    /** Share of each action per policy, as stacked bars. */
    static String actions(JsonNode report) {
        JsonNode policies = report.path("policies");
        List<String> actions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode p : policies) {
            names.add(p.path("name").asText());
            for (JsonNode a : p.path("actions")) {
                if (!actions.contains(a.path("action").asText())) {
                    actions.add(a.path("action").asText());
                }
            }
        }
        Frame f = Frame.of(names);
        List<int[]> legendAt = legendLayout(actions, f.label());
        int[] rowHeights = f.rowHeights(names, 28, 8);
        int bottom = 14 + java.util.Arrays.stream(rowHeights).sum();
        int height = bottom + 24 + legendHeight(legendAt);
        StringBuilder sb = open("actions", "Action distribution per policy", height);
        int y = 14;
        int row = 0;
        for (JsonNode p : policies) {
            int mid = y + rowHeights[row] / 2;
            label(sb, f, names.get(row), mid);
            double x = f.label();
            for (JsonNode a : p.path("actions")) {
                double share = Fmt.value(a.path("share"));
                if (!(share > 0)) {
                    continue;
                }
                double w = share * f.plot();
                String color = PALETTE[actions.indexOf(a.path("action").asText()) % PALETTE.length];
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"20\""
                        + " fill=\"%s\"><title>", x, mid - 10, w, color));
                sb.append(Html.escape(p.path("name").asText() + ": " + a.path("action").asText() + " "
                        + Fmt.count(a.path("count")) + " (" + Fmt.pct(a.path("share")) + ")"));
                sb.append("</title></rect>");
                x += w;
            }
            y += rowHeights[row++];
        }
        for (int i = 0; i < actions.size(); i++) {
            legendItem(sb, legendAt.get(i)[0], bottom + 28 + legendAt.get(i)[1], PALETTE[i % PALETTE.length],
                    actions.get(i));
        }
        return close(sb);
    }

    /** Violations per constraint, one bar per policy, each with its count (0 included) beside it. */
    static String violations(JsonNode report) {
        JsonNode policies = report.path("policies");
        List<String> constraints = new ArrayList<>();
        List<String> names = new ArrayList<>();
        policies.forEach(p -> names.add(p.path("name").asText()));
        for (JsonNode c : policies.path(0).path("violations").path("by_constraint")) {
            constraints.add(c.path("constraint").asText() + " [" + c.path("severity").asText() + "]");
        }
        long max = 0;
        for (JsonNode p : policies) {
            for (JsonNode c : p.path("violations").path("by_constraint")) {
                max = Math.max(max, c.path("count").asLong());
            }
        }
        Frame f = Frame.of(constraints);
        List<int[]> legendAt = legendLayout(names, f.label());
        int bar = 16;
        int gap = 4;
        int[] groupHeights = new int[constraints.size()];
        int plotHeight = 0;
        for (int c = 0; c < constraints.size(); c++) {
            groupHeights[c] = Math.max((bar + gap) * names.size(), f.lines(constraints.get(c)).size() * LINE) + 14;
            plotHeight += groupHeights[c];
        }
        int height = constraints.isEmpty() ? 50 : 12 + plotHeight + 24 + legendHeight(legendAt);
        StringBuilder sb = open("violations", "Constraint violations per policy", height);
        if (constraints.isEmpty()) {
            text(sb, f.label(), 30, "start", "no constraints declared");
            return close(sb);
        }
        int y = 12;
        for (int c = 0; c < constraints.size(); c++) {
            int bars = (bar + gap) * names.size() - gap;
            int top = y + (groupHeights[c] - 14 - bars) / 2;
            label(sb, f, constraints.get(c), top + bars / 2);
            int i = 0;
            for (JsonNode p : policies) {
                long count = p.path("violations").path("by_constraint").path(c).path("count").asLong();
                double w = max == 0 ? 0 : (double) count / max * (f.plot() - 60);
                int by = top + i * (bar + gap);
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                        + " fill=\"%s\"><title>", f.label(), by, Math.max(w, 1), bar, PALETTE[i % PALETTE.length]));
                String shown = String.format(Locale.ROOT, "%,d", count);
                sb.append(Html.escape(p.path("name").asText() + ": " + shown)).append("</title></rect>");
                text(sb, f.label() + Math.max(w, 1) + 4, by + bar / 2 + 4, "start", shown);
                i++;
            }
            y += groupHeights[c];
        }
        legend(sb, names, legendAt, 12 + plotHeight + 20);
        return close(sb);
    }

    /** Precision@K per period and policy, as lines over the periods in time order. */
    static String precision(JsonNode report) {
        JsonNode policies = report.path("policies");
        List<String> periods = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode p : policies) {
            names.add(p.path("name").asText());
            for (JsonNode period : p.path("ranking").path("periods")) {
                String start = period.path("start").asText();
                if (!periods.contains(start)) {
                    periods.add(start);
                }
            }
        }
        periods.sort(null);
        // The axis title stands rotated at the far left, the tick labels between it and the plot.
        Frame f = new Frame(70, WIDTH - 70 - RIGHT);
        List<int[]> legendAt = legendLayout(names, f.label());
        int plotTop = 14;
        int plotHeight = 200;
        int height = plotTop + plotHeight + 44 + legendHeight(legendAt);
        String k = policies.path(0).path("ranking").path("k").asText();
        StringBuilder sb = open("precision", "Precision@" + k + " per period and policy", height);
        if (periods.isEmpty()) {
            text(sb, f.label(), 30, "start", "no decision points");
            return close(sb);
        }
        for (double t : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            double y = plotTop + plotHeight * (1 - t);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                    f.label(), y, f.label() + f.plot(), y));
            text(sb, f.label() - 6, y + 4, "end", String.format(Locale.ROOT, "%.2f", t));
        }
        int titleY = plotTop + plotHeight / 2;
        sb.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"16\" y=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 16 %d)\">", titleY, titleY)).append(Html.escape("Precision@" + k))
                .append("</text>");
        double step = periods.size() == 1 ? 0 : (double) f.plot() / (periods.size() - 1);
        int i = 0;
        for (JsonNode p : policies) {
            StringBuilder points = new StringBuilder();
            String color = PALETTE[i % PALETTE.length];
            for (JsonNode period : p.path("ranking").path("periods")) {
                double precision = Fmt.value(period.path("precision"));
                if (Double.isNaN(precision)) {
                    continue;
                }
                double x = f.label() + step * periods.indexOf(period.path("start").asText());
                double y = plotTop + plotHeight * (1 - precision);
                points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", points.length() == 0 ? "" : " ", x, y));
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>",
                        x, y, color));
                sb.append(Html.escape(p.path("name").asText() + " " + period.path("start").asText() + ": "
                        + Fmt.score(period.path("precision")))).append("</title></circle>");
            }
            if (points.length() > 0) {
                sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"")
                        .append(points).append("\"/>");
            }
            i++;
        }
        // Up to six dates under the axis, evenly spread, ends anchored inside the plot so none leaves it.
        int ticks = Math.min(periods.size(), 6);
        for (int t = 0; t < ticks; t++) {
            int index = ticks == 1 ? 0 : (int) Math.round((double) t * (periods.size() - 1) / (ticks - 1));
            String anchor = t == 0 ? "start" : t == ticks - 1 ? "end" : "middle";
            String date = periods.get(index);
            text(sb, f.label() + step * index, plotTop + plotHeight + 16, anchor,
                    date.length() > 10 ? date.substring(0, 10) : date);
        }
        legend(sb, names, legendAt, plotTop + plotHeight + 40);
        return close(sb);
    }

    /**
     * Where the names go across a chart: the label column (as wide as the longest name needs, within bounds) and
     * the plot to its right.
     */
    record Frame(int label, int plot) {
        static Frame of(List<String> names) {
            int longest = 0;
            for (String n : names) {
                longest = Math.max(longest, n.length());
            }
            int label = (int) Math.ceil(Math.min(MAX_LABEL, Math.max(80, longest * CHAR + 16)));
            return new Frame(label, WIDTH - label - RIGHT);
        }

        /** A name in lines that fit the label column, broken after ':', '_', '-', '.', '/' or a space. */
        List<String> lines(String name) {
            return wrap(name, Math.max(4, (int) ((label - 16) / CHAR)));
        }

        /** Each row's height: at least {@code min}, or its label's lines plus {@code padding}. */
        int[] rowHeights(List<String> names, int min, int padding) {
            int[] heights = new int[names.size()];
            for (int i = 0; i < heights.length; i++) {
                heights[i] = Math.max(min, lines(names.get(i)).size() * LINE + padding);
            }
            return heights;
        }

        double x(double v, double top) {
            return label + (top == 0 ? 0 : v / top) * plot;
        }
    }

    /** Every character kept, in order: lines of at most {@code width} characters, broken at separators if any. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = -1;
            for (int i = width; i >= width / 2; i--) {
                if (":_-./ ,".indexOf(rest.charAt(i - 1)) >= 0) {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) {
                cut = width;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        lines.add(rest);
        return lines;
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

    private static void axis(StringBuilder sb, Frame f, double top, int bottom) {
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double x = f.x(v, top);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"26\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>",
                    x, x, bottom));
            text(sb, x, bottom + 14, "middle", tick(100 * v) + "%");
        }
    }

    /** A tick value without needless decimals: 25, 12.5, 2.5. */
    private static String tick(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("\\.?0+$", "");
    }

    private static void interval(StringBuilder sb, Frame f, JsonNode e, double top, int y, String name) {
        double v = Fmt.value(e.path("value"));
        if (Double.isNaN(v)) {
            text(sb, f.label() + 4, y + 4, "start", name + " undefined");
            return;
        }
        String color = PALETTE[0];
        double lo = Fmt.value(e.path("lower"));
        double hi = Fmt.value(e.path("upper"));
        if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"2\"/>", f.x(lo, top), y, f.x(hi, top), y, color));
        }
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\" stroke=\"%s\""
                + " stroke-width=\"1.5\"><title>", f.x(v, top), y, color, color));
        sb.append(Html.escape(name + " " + Fmt.estimate(e))).append("</title></circle>");
    }

    /** Legend positions {x, row offset} from {@code x0}, starting a new row where the next item would not fit. */
    private static List<int[]> legendLayout(List<String> names, int x0) {
        List<int[]> at = new ArrayList<>();
        int x = x0;
        int row = 0;
        for (String name : names) {
            int w = 16 + (int) Math.ceil(CHAR * name.length()) + 24;
            if (x > x0 && x + w > WIDTH) {
                x = x0;
                row += 18;
            }
            at.add(new int[] {x, row});
            x += w;
        }
        return at;
    }

    private static int legendHeight(List<int[]> at) {
        return at.isEmpty() ? 0 : at.get(at.size() - 1)[1] + 18;
    }

    private static void legend(StringBuilder sb, List<String> names, List<int[]> at, int y) {
        for (int i = 0; i < names.size(); i++) {
            legendItem(sb, at.get(i)[0], y + at.get(i)[1], PALETTE[i % PALETTE.length], names.get(i));
        }
    }

    private static void legendItem(StringBuilder sb, int x, int y, String color, String name) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\""
                + " stroke=\"%s\"/>", x, y - 10, color, color));
        text(sb, x + 16, y, "start", name);
    }

    /** A row's name, right-aligned to the label column, wrapped onto lines centred on {@code mid}. */
    private static void label(StringBuilder sb, Frame f, String name, int mid) {
        List<String> lines = f.lines(name);
        double first = mid + 4 - (lines.size() - 1) * LINE / 2.0;
        int x = f.label() - 8;
        if (lines.size() == 1) {
            text(sb, x, first, "end", name);
            return;
        }
        sb.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", x,
                first));
        for (int i = 0; i < lines.size(); i++) {
            sb.append(String.format(Locale.ROOT, "<tspan x=\"%d\" y=\"%.1f\">", x, first + i * LINE))
                    .append(Html.escape(lines.get(i))).append("</tspan>");
        }
        sb.append("</text>");
    }

    private static void text(StringBuilder sb, double x, double y, String anchor, String text) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor))
                .append(Html.escape(text)).append("</text>");
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
