package org.systemarena.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report as Markdown text (readable as plain text too): headline figures, the leaderboard, why the estimates
 * differ, comparisons with the baselines, and per policy every metric with its warnings.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(ReportDocument doc) {
        JsonNode r = doc.root();
        StringBuilder sb = new StringBuilder();
        JsonNode wf = r.path("workflow");
        sb.append("# Evaluation: ").append(text(wf.path("name")));
        if (wf.path("version").isTextual()) {
            sb.append(' ').append(text(wf.path("version")));
        }
        sb.append("\n\n");
        JsonNode log = r.path("log");
        JsonNode settings = r.path("settings");
        sb.append("Log: ").append(log.path("cases").asText()).append(" cases, ").append(log.path("events").asText())
                .append(" events; ").append(log.path("cases_with_decision_points").asText())
                .append(" cases with decision points, ").append(log.path("decision_points").asText())
                .append(" decision points").append(log.path("truncated").asBoolean() ? " (truncated)" : "")
                .append(".\n");
        sb.append("Bootstrap: ").append(settings.path("bootstrap_resamples").asText()).append(" resamples, ")
                .append(Fmt.pct(settings.path("confidence"))).append(" percentile intervals, seed ")
                .append(settings.path("seed").asText()).append(". Propensities: ")
                .append(text(r.path("propensities").path("source"))).append(" (")
                .append(text(r.path("propensities").path("description"))).append(").\n\n");
        JsonNode observed = r.path("observed_conversion");
        sb.append("**Observed conversion: ").append(Fmt.rate(observed.path("rate"))).append("** (")
                .append(observed.path("positive_cases").asText()).append(" of ").append(observed.path("cases").asText())
                .append(" cases with a decision point ended positive).\n\n");

        sb.append("## Leaderboard (by SNIPS estimate)\n\n");
        table(sb, List.of("rank", "policy", "SNIPS [95% CI]", "IPS [95% CI]", "ESS", "warnings"), rows(r.path("leaderboard"),
                l -> List.of(l.path("rank").asText(), text(l.path("policy")), Fmt.estimate(l.path("snips")),
                        Fmt.estimate(l.path("ips")), Fmt.num(l.path("effective_sample_size")),
                        l.path("warnings").asText())));

        sb.append("\n## Why the estimates differ\n\n");
        for (JsonNode p : r.path("policies")) {
            sb.append("- ").append(text(p.path("conversion").path("explanation"))).append('\n');
        }

        if (!r.path("comparisons").isEmpty()) {
            sb.append("\n## Comparisons with baselines (paired bootstrap over the same cases)\n\n");
            table(sb, List.of("policy", "baseline", "paired cases", "IPS difference", "SNIPS difference"),
                    rows(r.path("comparisons"), c -> List.of(text(c.path("policy")), text(c.path("baseline")),
                            c.path("paired_cases").asText(), Fmt.difference(c.path("ips_difference")),
                            Fmt.difference(c.path("snips_difference")))));
            for (JsonNode c : r.path("comparisons")) {
                for (JsonNode w : c.path("warnings")) {
                    sb.append("\n> ").append(text(c.path("policy"))).append(" vs ").append(text(c.path("baseline")))
                            .append(": ").append(text(w.path("message"))).append('\n');
                }
            }
        }

        sb.append("\n## Decision rules\n\n");
        table(sb, List.of("rule", "trigger matches", "decision points", "condition false", "errors"),
                rows(r.path("rules"), x -> List.of(text(x.path("rule")), x.path("trigger_matches").asText(),
                        x.path("decision_points").asText(), x.path("condition_false").asText(),
                        x.path("errors").asText())));

        for (JsonNode p : r.path("policies")) {
            policy(sb, p);
        }
        if (!r.path("warnings").isEmpty()) {
            sb.append("\n## Warnings\n\n");
            for (JsonNode w : r.path("warnings")) {
                sb.append("- ").append(text(w)).append('\n');
            }
        }
        return sb.toString();
    }

    private static void policy(StringBuilder sb, JsonNode p) {
        sb.append("\n## Policy ").append(text(p.path("name"))).append(" (").append(text(p.path("role")))
                .append(")\n\n");
        JsonNode d = p.path("decisions");
        sb.append("- Decisions: ").append(d.path("decision_points").asText()).append(" decision points, ")
                .append(d.path("valid").asText()).append(" valid, ").append(d.path("failed").asText())
                .append(" voided by errors");
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : d.path("errors_by_kind").properties()) {
            errors.add(e.getKey() + " " + e.getValue().asText());
        }
        if (!errors.isEmpty()) {
            sb.append(" (").append(String.join(", ", errors)).append(')');
        }
        sb.append('\n');
        List<String> rules = new ArrayList<>();
        for (JsonNode x : d.path("by_rule")) {
            rules.add(text(x.path("rule")) + " " + x.path("valid").asText() + "/" + x.path("decision_points").asText());
        }
        sb.append("- Valid decisions per rule: ").append(String.join(", ", rules)).append('\n');
        List<String> actions = new ArrayList<>();
        for (JsonNode a : p.path("actions")) {
            actions.add(text(a.path("action")) + " " + a.path("count").asText() + " (" + Fmt.pct(a.path("share")) + ")");
        }
        sb.append("- Actions: ").append(String.join(", ", actions)).append('\n');
        JsonNode ag = p.path("agreement");
        sb.append("- Agreement with logged actions: ").append(Fmt.pct(ag.path("match_rate"))).append(" (")
                .append(ag.path("matches").asText()).append(" of ").append(ag.path("compared").asText())
                .append(" decision points with both; ").append(ag.path("missing_logged").asText())
                .append(" without a logged action)\n");
        JsonNode v = p.path("violations");
        sb.append("- Violations: ").append(v.path("total").asText()).append(" (");
        List<String> sev = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : v.path("by_severity").properties()) {
            sev.add(e.getKey() + " " + e.getValue().asText());
        }
        sb.append(String.join(", ", sev)).append("); decisions with severity >= violation: ")
                .append(v.path("decisions_with_violation").asText()).append(" of ").append(v.path("decisions").asText())
                .append(", rate ").append(Fmt.pct(v.path("rate"))).append(", ").append(Fmt.num(v.path("per_1000")))
                .append(" per 1,000 decisions\n");
        for (JsonNode c : v.path("by_constraint")) {
            sb.append("  - ").append(text(c.path("constraint"))).append(" [").append(text(c.path("severity")))
                    .append("]: ").append(c.path("count").asText()).append('\n');
        }
        JsonNode rk = p.path("ranking");
        sb.append("- Precision@").append(rk.path("k").asText()).append(" per ").append(Fmt.duration(rk.path("period")))
                .append(": micro ").append(Fmt.rate(rk.path("precision_micro"))).append(", macro ")
                .append(Fmt.rate(rk.path("precision_macro"))).append(" over ").append(rk.path("periods").size())
                .append(" periods; NDCG@").append(rk.path("k").asText()).append(' ').append(Fmt.rate(rk.path("ndcg")))
                .append(" over ").append(rk.path("ndcg_periods").asText()).append(" periods with a positive outcome; ")
                .append(rk.path("unscored_items").asText()).append(" decisions without a score ranked last\n");
        JsonNode c = p.path("conversion");
        sb.append("- Conversion (").append(text(c.path("target"))).append(" target, ")
                .append(c.path("used_cases").asText()).append(" of ").append(c.path("cases").asText())
                .append(" cases used): IPS ").append(Fmt.estimate(c.path("ips"))).append(", SNIPS ")
                .append(Fmt.estimate(c.path("snips"))).append(", ESS ").append(Fmt.num(c.path("effective_sample_size")))
                .append(", max weight ").append(Fmt.num(c.path("max_weight"))).append('\n');
        for (JsonNode w : c.path("warnings")) {
            sb.append("  - warning (").append(text(w.path("code"))).append("): ").append(text(w.path("message")))
                    .append('\n');
        }
        for (JsonNode n : c.path("notes")) {
            sb.append("  - note: ").append(text(n)).append('\n');
        }
    }

    private interface Row {
        List<String> cells(JsonNode n);
    }

    private static List<List<String>> rows(JsonNode array, Row row) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(row.cells(n));
        }
        return out;
    }

    private static void table(StringBuilder sb, List<String> header, List<List<String>> rows) {
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> sb.append(" --- |"));
        sb.append('\n');
        for (List<String> row : rows) {
            sb.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
    }

    /** A text value on one line (Markdown structure is line-based). */
    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "" : n.asText().replace('\n', ' ').replace('\r', ' ');
    }
}
