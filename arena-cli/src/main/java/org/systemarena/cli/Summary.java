package org.systemarena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.systemarena.core.manifest.Severity;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.run.RunResult;

/** The console summary of {@code arena run}, read from the report document so it matches the files. */
final class Summary {
    private Summary() {
    }

    static void print(PrintWriter out, RunResult run, boolean verbose) {
        JsonNode r = run.report().root();
        Path outDir = run.files().dir();
        Map<String, Path> traces = run.files().traces();
        Severity counted = run.config().violationSeverity();
        JsonNode wf = r.path("workflow");
        JsonNode log = r.path("log");
        out.printf(Locale.ROOT, "%s%s: %,d cases, %,d events; %,d decision points in %,d cases%s%n",
                wf.path("name").asText(), wf.path("version").isTextual() ? " " + wf.path("version").asText() : "",
                log.path("cases").asLong(), log.path("events").asLong(), log.path("decision_points").asLong(),
                log.path("cases_with_decision_points").asLong(), log.path("truncated").asBoolean()
                        ? " (truncated by --max-decision-points)" : "");
        Table rules = new Table("rule", "trigger matches", "decision points", "condition false", "errors");
        for (JsonNode x : r.path("rules")) {
            rules.row(x.path("rule").asText(), n(x, "trigger_matches"), n(x, "decision_points"),
                    n(x, "condition_false"), n(x, "errors"));
        }
        rules.print(out, "  ");
        JsonNode observed = r.path("observed_conversion");
        out.printf(Locale.ROOT, "Observed conversion: %s (%,d of %,d cases with a decision point ended positive)%n",
                Headlines.format(observed.path("rate"), Headlines.Kind.RATE),
                observed.path("positive_cases").asLong(), observed.path("cases").asLong());
        out.println();

        String k = r.path("settings").path("ranking_k").asText();
        boolean truths = false;
        for (JsonNode p : r.path("policies")) {
            truths |= p.path("conversion").path("truth").isObject();
        }
        // The violations the gate (--max-violations) counts, so the table and the exit code agree.
        List<String> header = new ArrayList<>(List.of("policy", "role", "valid", "failed",
                "violations (" + counted.label() + "+)", "agreement",
                "P@" + k, "conversion [95% CI]", "ESS"));
        if (truths) {
            header.add("truth (simulated)");
        }
        Table t = new Table(header.toArray(String[]::new));
        for (JsonNode p : r.path("policies")) {
            JsonNode c = p.path("conversion");
            List<String> row = new ArrayList<>(List.of(p.path("name").asText(), p.path("role").asText(),
                    n(p.path("decisions"), "valid"), n(p.path("decisions"), "failed"),
                    String.format(Locale.ROOT, "%,d", run.evaluation().policy(p.path("name").asText())
                            .orElseThrow().violations().atLeast(counted)),
                    Headlines.format(p.path("agreement").path("match_rate"), Headlines.Kind.RATE),
                    Headlines.format(p.path("ranking").path("precision_micro"), Headlines.Kind.NUMBER),
                    Headlines.recommended(c),
                    Headlines.format(c.path("effective_sample_size"), Headlines.Kind.SAMPLE_SIZE)));
            if (truths) {
                row.add(Headlines.truth(c.path("truth")));
            }
            t.row(row.toArray(String[]::new));
        }
        t.print(out, "");
        if (truths) {
            out.println("truth: each policy re-run on these cases by the synthetic generator that made the log (not"
                    + " something a real log has; see docs/metrics.md, section 8)");
        }
        boolean unestimable = false;
        for (JsonNode p : r.path("policies")) {
            JsonNode why = p.path("conversion").path("not_estimable_reason");
            if (why.isObject()) {
                if (!unestimable) {
                    out.println();
                    out.println("Conversion this log cannot estimate:");
                    unestimable = true;
                }
                out.printf(Locale.ROOT, "  %s (%s): %s%n", p.path("name").asText(),
                        why.path("code").asText().replace('_', ' '), why.path("message").asText());
            }
        }
        if (!r.path("comparisons").isEmpty()) {
            out.println();
            out.println("Verdicts (conversion against each baseline; see docs/metrics.md, \"Verdicts\"):");
            for (JsonNode c : r.path("comparisons")) {
                JsonNode v = c.path("verdict");
                String detail = v.path("not_estimable").isTextual()
                        ? "'" + v.path("not_estimable").asText() + "' cannot be estimated (above)"
                        + (v.path("model_based_obstacle").isTextual()
                                ? "; no model-based verdict either: " + v.path("model_based_obstacle").asText() : "")
                        : v.path("message").asText();
                out.printf(Locale.ROOT, "  %s vs %s: %s%s: %s%n", c.path("policy").asText(),
                        c.path("baseline").asText(),
                        v.path("verdict").asText().replace('_', ' ').toUpperCase(Locale.ROOT),
                        v.path("reason").isTextual() ? " (" + v.path("reason").asText().replace('_', ' ') + ")" : "",
                        detail);
            }
        }
        boolean any = false;
        for (JsonNode p : r.path("policies")) {
            if (p.path("conversion").path("not_estimable_reason").isObject()) {
                continue; // its reason, printed above, says what its warnings would
            }
            for (JsonNode w : p.path("conversion").path("warnings")) {
                if (!any) {
                    out.println();
                    out.println("Warnings:");
                    any = true;
                }
                out.println("  " + p.path("name").asText() + ": " + w.path("message").asText());
            }
        }
        for (JsonNode x : r.path("rules")) {
            if (x.path("trigger_matches").asLong() == 0) {
                if (!any) {
                    out.println();
                    out.println("Warnings:");
                    any = true;
                }
                out.println("  decision point '" + x.path("rule").asText() + "': no event of the log matches its"
                        + " trigger");
            }
        }
        for (JsonNode w : r.path("warnings")) {
            if (!any) {
                out.println();
                out.println("Warnings:");
                any = true;
            }
            out.println("  " + w.asText());
        }
        if (verbose) {
            for (BenchmarkResult b : run.results()) {
                out.println();
                out.print(b.summary());
            }
        }
        out.println();
        String traceFiles = traces.isEmpty() ? "no traces (to inspect decisions: --traces parquet, then arena traces)"
                : String.format(Locale.ROOT, "%d trace file%s (%s)", traces.size(), traces.size() == 1 ? "" : "s",
                        String.join(", ", traces.values().stream().map(f -> f.getFileName().toString()).toList()));
        out.printf(Locale.ROOT, "Wrote %s: results.json, report.md, report.html, run-info.json, %s%n",
                outDir.toAbsolutePath().normalize(), traceFiles);
    }

    private static String n(JsonNode node, String field) {
        return Headlines.format(node.path(field), Headlines.Kind.COUNT);
    }

}
