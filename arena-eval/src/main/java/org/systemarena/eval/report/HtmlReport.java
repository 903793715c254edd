package org.systemarena.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
            + "margin:.8em 0}.chart text{font-size:11px}.warn{color:#8a4b00}.headline{font-size:1.15em}"
            + "li{margin:.2em 0}";

    private HtmlReport() {
    }

    public static String render(ReportDocument doc) {
        JsonNode r = doc.root();
        StringBuilder sb = new StringBuilder(doc.json().length() * 2 + 20_000);
        JsonNode wf = r.path("workflow");
        String title = "Evaluation: " + wf.path("name").asText()
                + (wf.path("version").isTextual() ? " " + wf.path("version").asText() : "");
        sb.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        if (wf.path("description").isTextual()) {
            p(sb, wf.path("description").asText());
        }
        JsonNode log = r.path("log");
        JsonNode settings = r.path("settings");
        JsonNode observed = r.path("observed_conversion");
        p(sb, "Log: " + log.path("cases").asText() + " cases, " + log.path("events").asText() + " events; "
                + log.path("cases_with_decision_points").asText() + " cases with decision points, "
                + log.path("decision_points").asText() + " decision points"
                + (log.path("truncated").asBoolean() ? " (truncated)" : "") + ". Bootstrap: "
                + settings.path("bootstrap_resamples").asText() + " resamples, " + Fmt.pct(settings.path("confidence"))
                + " percentile intervals, seed " + settings.path("seed").asText() + ". Propensities: "
                + r.path("propensities").path("source").asText() + " ("
                + r.path("propensities").path("description").asText() + ").");
        sb.append("<p class=\"headline\">Observed conversion: <strong>").append(Fmt.rate(observed.path("rate")))
                .append("</strong> (").append(observed.path("positive_cases").asText()).append(" of ")
                .append(observed.path("cases").asText()).append(" cases with a decision point ended positive).</p>\n");

        h2(sb, "Leaderboard (by SNIPS estimate)");
        table(sb, List.of("rank", "policy", "SNIPS [95% CI]", "IPS [95% CI]", "ESS", "warnings"),
                each(r.path("leaderboard"), l -> List.of(l.path("rank").asText(), l.path("policy").asText(),
                        Fmt.estimate(l.path("snips")), Fmt.estimate(l.path("ips")),
                        Fmt.num(l.path("effective_sample_size")), l.path("warnings").asText())));
        h2(sb, "Conversion estimates");
        sb.append(Charts.conversion(r)).append('\n');
        h2(sb, "Why the estimates differ");
        sb.append("<ul>\n");
        for (JsonNode p : r.path("policies")) {
            li(sb, p.path("conversion").path("explanation").asText());
        }
        sb.append("</ul>\n");
        if (!r.path("comparisons").isEmpty()) {
            h2(sb, "Comparisons with baselines (paired bootstrap over the same cases)");
            table(sb, List.of("policy", "baseline", "paired cases", "IPS difference", "SNIPS difference"),
                    each(r.path("comparisons"), c -> List.of(c.path("policy").asText(), c.path("baseline").asText(),
                            c.path("paired_cases").asText(), Fmt.difference(c.path("ips_difference")),
                            Fmt.difference(c.path("snips_difference")))));
            for (JsonNode c : r.path("comparisons")) {
                for (JsonNode w : c.path("warnings")) {
                    sb.append("<p class=\"warn\">").append(Html.escape(c.path("policy").asText() + " vs "
                            + c.path("baseline").asText() + ": " + w.path("message").asText())).append("</p>\n");
                }
            }
        }
        h2(sb, "Action distribution");
        sb.append(Charts.actions(r)).append('\n');
        h2(sb, "Violations by constraint");
        sb.append(Charts.violations(r)).append('\n');
        h2(sb, "Precision@" + r.path("settings").path("ranking_k").asText() + " per period");
        sb.append(Charts.precision(r)).append('\n');
        h2(sb, "Decision rules");
        table(sb, List.of("rule", "trigger matches", "decision points", "condition false", "errors"),
                each(r.path("rules"), x -> List.of(x.path("rule").asText(), x.path("trigger_matches").asText(),
                        x.path("decision_points").asText(), x.path("condition_false").asText(),
                        x.path("errors").asText())));
        for (JsonNode p : r.path("policies")) {
            policy(sb, p);
        }
        if (!r.path("warnings").isEmpty()) {
            h2(sb, "Warnings");
            sb.append("<ul>\n");
            for (JsonNode w : r.path("warnings")) {
                li(sb, w.asText());
            }
            sb.append("</ul>\n");
        }
        sb.append("<script type=\"application/json\" id=\"").append(JSON_ELEMENT_ID).append("\">")
                .append(embeddable(doc.json())).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void policy(StringBuilder sb, JsonNode p) {
        h2(sb, "Policy " + p.path("name").asText() + " (" + p.path("role").asText() + ")");
        JsonNode d = p.path("decisions");
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : p.path("decisions").path("errors_by_kind").properties()) {
            errors.add(e.getKey() + " " + e.getValue().asText());
        }
        p(sb, "Decisions: " + d.path("decision_points").asText() + " decision points, " + d.path("valid").asText()
                + " valid, " + d.path("failed").asText() + " voided by errors"
                + (errors.isEmpty() ? "" : " (" + String.join(", ", errors) + ")") + ".");
        table(sb, List.of("rule", "decision points", "valid", "failed"), each(d.path("by_rule"),
                x -> List.of(x.path("rule").asText(), x.path("decision_points").asText(), x.path("valid").asText(),
                        x.path("failed").asText())));
        table(sb, List.of("action", "count", "share"), each(p.path("actions"), a -> List.of(a.path("action").asText(),
                a.path("count").asText(), Fmt.pct(a.path("share")))));

        JsonNode ag = p.path("agreement");
        p(sb, "Agreement with logged actions: " + Fmt.pct(ag.path("match_rate")) + " (" + ag.path("matches").asText()
                + " of " + ag.path("compared").asText() + " decision points with both; "
                + ag.path("missing_logged").asText() + " without a logged action). Confusion matrix, rows = logged,"
                + " columns = decided:");
        List<String> header = new ArrayList<>();
        header.add("logged \\ decided");
        ag.path("actions").forEach(a -> header.add(a.asText()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ag.path("actions").size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(ag.path("actions").path(i).asText());
            ag.path("confusion").path(i).forEach(c -> row.add(c.asText()));
            rows.add(row);
        }
        table(sb, header, rows);

        JsonNode v = p.path("violations");
        p(sb, "Violations: " + v.path("total").asText() + "; decisions with severity >= violation: "
                + v.path("decisions_with_violation").asText() + " of " + v.path("decisions").asText() + ", rate "
                + Fmt.pct(v.path("rate")) + ", " + Fmt.num(v.path("per_1000")) + " per 1,000 decisions.");
        table(sb, List.of("constraint", "severity", "violations"), each(v.path("by_constraint"),
                c -> List.of(c.path("constraint").asText(), c.path("severity").asText(), c.path("count").asText())));

        JsonNode rk = p.path("ranking");
        p(sb, "Precision@" + rk.path("k").asText() + " per " + Fmt.duration(rk.path("period")) + ": micro "
                + Fmt.rate(rk.path("precision_micro")) + ", macro " + Fmt.rate(rk.path("precision_macro")) + " over "
                + rk.path("periods").size() + " periods; NDCG@" + rk.path("k").asText() + " "
                + Fmt.rate(rk.path("ndcg")) + " over " + rk.path("ndcg_periods").asText()
                + " periods with a positive outcome; " + rk.path("unscored_items").asText()
                + " decisions without a score ranked last.");

        JsonNode c = p.path("conversion");
        p(sb, "Conversion (" + c.path("target").asText() + " target, " + c.path("used_cases").asText() + " of "
                + c.path("cases").asText() + " cases used): IPS " + Fmt.estimate(c.path("ips")) + ", SNIPS "
                + Fmt.estimate(c.path("snips")) + ", ESS " + Fmt.num(c.path("effective_sample_size")) + ", max weight "
                + Fmt.num(c.path("max_weight")) + ".");
        if (!c.path("warnings").isEmpty() || !c.path("notes").isEmpty()) {
            sb.append("<ul class=\"warn\">\n");
            for (JsonNode w : c.path("warnings")) {
                li(sb, "warning (" + w.path("code").asText() + "): " + w.path("message").asText());
            }
            for (JsonNode n : c.path("notes")) {
                li(sb, "note: " + n.asText());
            }
            sb.append("</ul>\n");
        }
    }

    /**
     * JSON written by {@link JsonReport} has no {@code <}, {@code >} or {@code &} (it escapes them), so it is
     * embedded byte for byte. JSON from elsewhere can only hold them inside strings, where the escapes mean the same.
     */
    private static String embeddable(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private interface Row {
        List<String> cells(JsonNode n);
    }

    private static List<List<String>> each(JsonNode array, Row row) {
        List<List<String>> out = new ArrayList<>();
        array.forEach(n -> out.add(row.cells(n)));
        return out;
    }

    private static void table(StringBuilder sb, List<String> header, List<List<String>> rows) {
        sb.append("<table>\n<tr>");
        header.forEach(h -> sb.append("<th>").append(Html.escape(h)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> row : rows) {
            sb.append("<tr>");
            row.forEach(c -> sb.append("<td>").append(Html.escape(c)).append("</td>"));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void h2(StringBuilder sb, String text) {
        sb.append("<h2>").append(Html.escape(text)).append("</h2>\n");
    }

    private static void p(StringBuilder sb, String text) {
        sb.append("<p>").append(Html.escape(text)).append("</p>\n");
    }

    private static void li(StringBuilder sb, String text) {
        sb.append("<li>").append(Html.escape(text)).append("</li>\n");
    }
}
