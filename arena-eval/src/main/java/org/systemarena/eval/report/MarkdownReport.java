package org.systemarena.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

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
        sb.append("# ").append(line(ReportContent.title(r))).append("\n\n");
        sb.append(line(ReportContent.overview(r))).append("\n\n");
        sb.append("**").append(line(ReportContent.observedRate(r))).append("** ")
                .append(line(ReportContent.observedDetail(r))).append("\n\n");
        if (!r.path("comparisons").isEmpty()) {
            sb.append("## Verdicts\n\n");
            ReportContent.verdicts(r).forEach(v -> item(sb, v));
            sb.append('\n');
        }
        sb.append("## Leaderboard (by recommended conversion estimate)\n\n");
        table(sb, ReportContent.leaderboard(r));
        sb.append("\n## Why the estimates differ\n\n");
        for (JsonNode p : r.path("policies")) {
            item(sb, p.path("conversion").path("explanation").asText());
        }
        if (!r.path("comparisons").isEmpty()) {
            sb.append("\n## Comparisons with baselines (paired bootstrap over the same cases)\n\n");
            table(sb, ReportContent.comparisons(r));
            List<String> warnings = ReportContent.comparisonWarnings(r);
            if (!warnings.isEmpty()) {
                sb.append('\n');
                warnings.forEach(w -> item(sb, w));
            }
        }
        sb.append("\n## Decision rules\n\n");
        table(sb, ReportContent.rules(r));
        for (JsonNode p : r.path("policies")) {
            sb.append("\n## ").append(line(ReportContent.policyHeading(p))).append("\n\n");
            for (String s : List.of(ReportContent.decisions(p), ReportContent.actions(p), ReportContent.agreement(p),
                    ReportContent.violations(p), ReportContent.ranking(p), ReportContent.conversion(p))) {
                item(sb, s);
            }
            ReportContent.cautions(p).forEach(c -> sb.append("  - ").append(line(c)).append('\n'));
            sb.append('\n');
            table(sb, ReportContent.constraints(p));
            sb.append("\nConfusion matrix (rows = logged, columns = decided):\n\n");
            table(sb, ReportContent.confusion(p));
        }
        if (!r.path("warnings").isEmpty()) {
            sb.append("\n## Warnings\n\n");
            r.path("warnings").forEach(w -> item(sb, w.asText()));
        }
        if (ReportContent.hasProvenance(r)) {
            sb.append("\n## Provenance\n\n").append(line(ReportContent.provenance(r))).append("\n\n");
            table(sb, ReportContent.inputs(r));
            sb.append('\n');
            table(sb, ReportContent.policySources(r));
        }
        return sb.toString();
    }

    private static void item(StringBuilder sb, String text) {
        sb.append("- ").append(line(text)).append('\n');
    }

    private static void table(StringBuilder sb, ReportContent.Table t) {
        sb.append('|');
        t.header().forEach(h -> sb.append(' ').append(cell(h)).append(" |"));
        sb.append("\n|");
        t.header().forEach(h -> sb.append(" --- |"));
        sb.append('\n');
        for (List<String> row : t.rows()) {
            sb.append('|');
            row.forEach(c -> sb.append(' ').append(cell(c)).append(" |"));
            sb.append('\n');
        }
    }

    private static String cell(String text) {
        return line(text).replace("|", "\\|");
    }

    /** Markdown structure is line-based: a value never breaks its line. */
    private static String line(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
