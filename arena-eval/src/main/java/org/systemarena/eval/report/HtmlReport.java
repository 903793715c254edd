package org.systemarena.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as one self-contained HTML page: no scripts to run, no external files; four inline SVG charts
 * (conversion estimates, action distribution, violations by constraint, Precision@K per period), the tables and
 * explanations of the Markdown report, and the JSON report itself in a {@code <script type="application/json"
 * id="arena-report">} element. The markup is also well-formed XML (XHTML), so tools can parse it.
 */
public final class HtmlReport {
    /** The id of the element holding the JSON report. */
    public static final String JSON_ELEMENT_ID = "arena-report";

    private static final String CSS = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;"
            + "color:#222;padding:0 1em}h1{font-size:1.6em}h2{margin-top:1.8em;border-bottom:1px solid #ddd}"
            + "table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ccc;padding:.25em .6em;"
            + "text-align:left;font-variant-numeric:tabular-nums}th{background:#f4f4f4}.chart{display:block;"
            + "margin:.8em 0;max-width:100%;height:auto}.chart text{font-size:12px}.warn{color:#8a4b00}"
            + ".headline{font-size:1.15em}li{margin:.2em 0}td{overflow-wrap:break-word}nav.toc{background:#f8f8f8;"
            + "border:1px solid #ddd;padding:.4em 1.2em;margin:1em 0}nav.toc h2{margin:.4em 0;border:0;"
            + "font-size:1.1em}nav.toc ol{margin:.3em 0;columns:2;column-gap:3em}nav.toc li{margin:.1em 0;break-inside:avoid}";

    private HtmlReport() {
    }

    public static String render(ReportDocument doc) {
        JsonNode r = doc.root();
        StringBuilder sb = new StringBuilder(doc.json().length() * 2 + 20_000);
        String title = ReportContent.title(r);
        sb.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        if (r.path("workflow").path("description").isTextual()) {
            p(sb, r.path("workflow").path("description").asText());
        }
        p(sb, ReportContent.overview(r));
        sb.append("<p class=\"headline\"><strong>").append(Html.escape(ReportContent.observedRate(r)))
                .append("</strong> ").append(Html.escape(ReportContent.observedDetail(r))).append("</p>\n");
        // The sections go to their own buffer first: the table of contents above them lists their headings.
        Contents toc = new Contents();
        StringBuilder head = sb;
        sb = new StringBuilder(doc.json().length() + 20_000);
        if (!r.path("comparisons").isEmpty()) {
            toc.h2(sb, "Verdicts");
            list(sb, ReportContent.verdicts(r), "verdicts");
        }
        toc.h2(sb, "Leaderboard (by recommended conversion estimate)");
        table(sb, ReportContent.leaderboard(r));
        toc.h2(sb, "Conversion estimates");
        sb.append(Charts.conversion(r)).append('\n');
        toc.h2(sb, "Why the estimates differ");
        List<String> explanations = new ArrayList<>();
        r.path("policies").forEach(p -> explanations.add(p.path("conversion").path("explanation").asText()));
        list(sb, explanations, null);
        if (!r.path("comparisons").isEmpty()) {
            toc.h2(sb, "Comparisons with baselines (paired bootstrap over the same cases)");
            table(sb, ReportContent.comparisons(r));
            list(sb, ReportContent.comparisonWarnings(r), "warn");
        }
        toc.h2(sb, "Action distribution");
        sb.append(Charts.actions(r)).append('\n');
        toc.h2(sb, "Violations by constraint");
        sb.append(Charts.violations(r)).append('\n');
        toc.h2(sb, "Precision@" + r.path("settings").path("ranking_k").asText() + " per period");
        sb.append(Charts.precision(r)).append('\n');
        toc.h2(sb, "Decision rules");
        table(sb, ReportContent.rules(r));
        for (JsonNode p : r.path("policies")) {
            toc.h2(sb, ReportContent.policyHeading(p));
            p(sb, ReportContent.decisions(p));
            p(sb, ReportContent.actions(p));
            p(sb, ReportContent.agreement(p) + " Confusion matrix, rows = logged, columns = decided:");
            table(sb, ReportContent.confusion(p));
            p(sb, ReportContent.violations(p));
            table(sb, ReportContent.constraints(p));
            p(sb, ReportContent.ranking(p));
            p(sb, ReportContent.conversion(p));
            list(sb, ReportContent.cautions(p), "warn");
        }
        if (!r.path("warnings").isEmpty()) {
            toc.h2(sb, "Warnings");
            List<String> warnings = new ArrayList<>();
            r.path("warnings").forEach(w -> warnings.add(w.asText()));
            list(sb, warnings, "warn");
        }
        if (ReportContent.hasProvenance(r)) {
            toc.h2(sb, "Provenance");
            p(sb, ReportContent.provenance(r));
            table(sb, ReportContent.inputs(r));
            table(sb, ReportContent.policySources(r));
        }
        toc.render(head);
        sb = head.append(sb);
        sb.append("<script type=\"application/json\" id=\"").append(JSON_ELEMENT_ID).append("\">")
                .append(embeddable(doc.json())).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * JSON written by {@link JsonReport} has no {@code <}, {@code >} or {@code &} (it escapes them), so it is
     * embedded byte for byte. JSON from elsewhere can only hold them inside strings, where the escapes mean the same.
     */
    private static String embeddable(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static void table(StringBuilder sb, ReportContent.Table t) {
        sb.append("<table>\n<tr>");
        t.header().forEach(h -> sb.append("<th>").append(Html.escape(h)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> row : t.rows()) {
            sb.append("<tr>");
            row.forEach(c -> sb.append("<td>").append(breakable(c)).append("</td>"));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    /**
     * A cell's text with line-break opportunities after ':', '_' and '/', so a long policy name or path wraps at
     * its parts rather than anywhere (and a number such as 300.0 never splits).
     */
    private static String breakable(String text) {
        return Html.escape(text).replaceAll("([:_/])(?=.)", "$1<wbr/>");
    }

    private static void list(StringBuilder sb, List<String> items, String cssClass) {
        if (items.isEmpty()) {
            return;
        }
        sb.append(cssClass == null ? "<ul>\n" : "<ul class=\"" + cssClass + "\">\n");
        items.forEach(i -> sb.append("<li>").append(Html.escape(i)).append("</li>\n"));
        sb.append("</ul>\n");
    }

    /** The sections' headings with unique anchors, listed as a table of contents above them. */
    private static final class Contents {
        private final List<String> ids = new ArrayList<>();
        private final List<String> titles = new ArrayList<>();

        void h2(StringBuilder sb, String text) {
            String base = "sec-" + text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", "");
            String id = base;
            for (int n = 2; ids.contains(id); n++) {
                id = base + "-" + n;
            }
            ids.add(id);
            titles.add(text);
            sb.append("<h2 id=\"").append(id).append("\">").append(Html.escape(text)).append("</h2>\n");
        }

        void render(StringBuilder sb) {
            sb.append("<nav class=\"toc\" id=\"contents\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
            for (int i = 0; i < ids.size(); i++) {
                sb.append("<li><a href=\"#").append(ids.get(i)).append("\">").append(Html.escape(titles.get(i)))
                        .append("</a></li>\n");
            }
            sb.append("</ol>\n</nav>\n");
        }
    }

    private static void p(StringBuilder sb, String text) {
        sb.append("<p>").append(Html.escape(text)).append("</p>\n");
    }
}
