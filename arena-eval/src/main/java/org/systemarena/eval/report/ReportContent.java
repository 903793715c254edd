package org.systemarena.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words and tables of a report, as plain text, shared by the Markdown and HTML renderers so both say the same
 * thing; each renderer only adds its markup (and escaping).
 */
final class ReportContent {
    private ReportContent() {
    }

    /** A table: header cells and rows of cells. */
    record Table(List<String> header, List<List<String>> rows) {
    }

    static String title(JsonNode r) {
        JsonNode wf = r.path("workflow");
        return "Evaluation: " + wf.path("name").asText()
                + (wf.path("version").isTextual() ? " " + wf.path("version").asText() : "");
    }

    static String overview(JsonNode r) {
        JsonNode log = r.path("log");
        JsonNode settings = r.path("settings");
        return "Log: " + Fmt.count(log.path("cases")) + " cases, " + Fmt.count(log.path("events")) + " events; "
                + Fmt.count(log.path("cases_with_decision_points")) + " cases with decision points, "
                + Fmt.count(log.path("decision_points")) + " decision points"
                + (log.path("truncated").asBoolean() ? " (truncated)" : "") + ". Bootstrap: "
                + Fmt.count(settings.path("bootstrap_resamples")) + " resamples, "
                + Fmt.pct(settings.path("confidence"))
                + " percentile intervals, seed " + settings.path("seed").asText() + ". " + propensities(r) + ".";
    }

    /** "Propensities: logged", or "Propensities: estimated (how)": the description only when it adds something. */
    static String propensities(JsonNode r) {
        String source = r.path("propensities").path("source").asText();
        String description = r.path("propensities").path("description").asText("").strip();
        boolean adds = !description.isEmpty() && !description.equalsIgnoreCase(source)
                && !description.equalsIgnoreCase(source + " propensities");
        return "Propensities: " + source + (adds ? " (" + description + ")" : "");
    }

    static String observedRate(JsonNode r) {
        return "Observed conversion: " + Fmt.pct(r.path("observed_conversion").path("rate"));
    }

    static String observedDetail(JsonNode r) {
        JsonNode o = r.path("observed_conversion");
        return "(" + Fmt.count(o.path("positive_cases")) + " of " + Fmt.count(o.path("cases"))
                + " cases with a decision point ended positive).";
    }

    static Table leaderboard(JsonNode r) {
        boolean truths = hasTruths(r);
        List<String> header = new ArrayList<>(List.of("rank", "policy", "conversion [95% CI]", "estimator", "ESS",
                "warnings"));
        if (truths) {
            header.add(3, "true conversion (simulated)");
        }
        return table(header, r.path("leaderboard"), l -> {
            List<String> cells = new ArrayList<>(List.of(l.path("rank").asText(), l.path("policy").asText(),
                    recommended(l), l.path("recommended").path("estimator").asText("-"),
                    Fmt.ess(l.path("effective_sample_size")), l.path("warnings").asText()));
            if (truths) {
                cells.add(3, truth(policy(r, l.path("policy").asText()).path("conversion").path("truth")));
            }
            return cells;
        });
    }

    /** Whether any policy's true conversion is known (a log the synthetic generator made). */
    static boolean hasTruths(JsonNode r) {
        for (JsonNode p : r.path("policies")) {
            if (p.path("conversion").path("truth").isObject()) {
                return true;
            }
        }
        return false;
    }

    /** "53.1% ± 0.3 pp" (Monte Carlo standard error), "53.1% (exact)", or "-" when unknown. */
    static String truth(JsonNode t) {
        if (!t.isObject()) {
            return "-";
        }
        double se = t.path("standard_error").asDouble();
        return Fmt.pct(t.path("value")) + (se == 0.0 ? " (exact)" : String.format(java.util.Locale.ROOT,
                " \u00b1 %.1f pp", 100 * se));
    }

    private static JsonNode policy(JsonNode r, String name) {
        for (JsonNode p : r.path("policies")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** "53.3% [48.0%, 59.0%]" for a recommended estimate, else "n/a (reason)". */
    static String recommended(JsonNode holder) {
        JsonNode rec = holder.path("recommended");
        if (rec.isObject()) {
            return Fmt.estimate(rec);
        }
        return "n/a (" + holder.path("not_estimable_reason").path("code").asText("?").replace('_', ' ') + ")";
    }

    /** One sentence per comparison: its verdict, with the reason when inconclusive. */
    static List<String> verdicts(JsonNode r) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : r.path("comparisons")) {
            out.add(verdictLine(c));
        }
        return out;
    }

    static String verdictLine(JsonNode c) {
        JsonNode v = c.path("verdict");
        String head = c.path("policy").asText() + " vs " + c.path("baseline").asText() + ": "
                + v.path("verdict").asText().replace('_', ' ').toUpperCase(java.util.Locale.ROOT);
        if (v.path("reason").isTextual()) {
            head += " (" + v.path("reason").asText().replace('_', ' ') + ")";
        }
        return head + ". " + v.path("message").asText();
    }

    static Table comparisons(JsonNode r) {
        return table(List.of("policy", "baseline", "verdict", "difference [95% CI]", "paired cases",
                        "high-confidence difference"),
                r.path("comparisons"), c -> List.of(c.path("policy").asText(), c.path("baseline").asText(),
                        verdictCell(c.path("verdict")), c.path("verdict").path("difference").isObject()
                                ? Fmt.difference(c.path("verdict").path("difference")) : "n/a",
                        Fmt.count(c.path("paired_cases")), bounds(c.path("high_confidence_difference"), true)));
    }

    private static String verdictCell(JsonNode v) {
        String s = v.path("verdict").asText().replace('_', ' ');
        return v.path("reason").isTextual() ? s + " (" + v.path("reason").asText().replace('_', ' ') + ")" : s;
    }

    /** "[lo, hi]" of a bound object: percentages, or percentage points for differences. */
    static String bounds(JsonNode b, boolean difference) {
        if (!b.path("lower").isNumber() || !b.path("upper").isNumber()) {
            return "n/a";
        }
        return difference ? "[" + Fmt.points(b.path("lower")) + ", " + Fmt.points(b.path("upper")) + "]"
                : "[" + Fmt.pct(b.path("lower")) + ", " + Fmt.pct(b.path("upper")) + "]";
    }

    static List<String> comparisonWarnings(JsonNode r) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : r.path("comparisons")) {
            for (JsonNode w : c.path("warnings")) {
                out.add(c.path("policy").asText() + " vs " + c.path("baseline").asText() + ": "
                        + w.path("message").asText());
            }
        }
        return out;
    }

    static Table rules(JsonNode r) {
        return table(List.of("rule", "trigger matches", "decision points", "condition false", "errors"),
                r.path("rules"), x -> List.of(x.path("rule").asText(), Fmt.count(x.path("trigger_matches")),
                        Fmt.count(x.path("decision_points")), Fmt.count(x.path("condition_false")),
                        Fmt.count(x.path("errors"))));
    }

    static String policyHeading(JsonNode p) {
        return "Policy " + p.path("name").asText() + " (" + p.path("role").asText() + ")";
    }

    static String decisions(JsonNode p) {
        JsonNode d = p.path("decisions");
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : d.path("errors_by_kind").properties()) {
            errors.add(e.getKey() + " " + Fmt.count(e.getValue()));
        }
        List<String> rules = new ArrayList<>();
        for (JsonNode x : d.path("by_rule")) {
            rules.add(x.path("rule").asText() + " " + Fmt.count(x.path("valid")) + " of "
                    + Fmt.count(x.path("decision_points")));
        }
        return "Decisions: " + Fmt.count(d.path("decision_points")) + " decision points, " + Fmt.count(d.path("valid"))
                + " valid, " + Fmt.count(d.path("failed")) + " voided by errors"
                + (errors.isEmpty() ? "" : " (" + String.join(", ", errors) + ")") + "; valid per rule: "
                + String.join(", ", rules) + ".";
    }

    static String actions(JsonNode p) {
        List<String> actions = new ArrayList<>();
        for (JsonNode a : p.path("actions")) {
            actions.add(a.path("action").asText() + " " + Fmt.count(a.path("count")) + " (" + Fmt.pct(a.path("share"))
                    + ")");
        }
        return "Actions: " + String.join(", ", actions) + ".";
    }

    static String agreement(JsonNode p) {
        JsonNode ag = p.path("agreement");
        return "Agreement with logged actions: " + Fmt.pct(ag.path("match_rate")) + " (" + Fmt.count(ag.path("matches"))
                + " of " + Fmt.count(ag.path("compared")) + " decision points with both; "
                + Fmt.count(ag.path("missing_logged")) + " without a logged action).";
    }

    /** Rows = logged action, columns = decided action. */
    static Table confusion(JsonNode p) {
        JsonNode ag = p.path("agreement");
        List<String> header = new ArrayList<>();
        header.add("logged \\ decided");
        ag.path("actions").forEach(a -> header.add(a.asText()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ag.path("actions").size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(ag.path("actions").path(i).asText());
            ag.path("confusion").path(i).forEach(c -> row.add(Fmt.count(c)));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    static String violations(JsonNode p) {
        JsonNode v = p.path("violations");
        List<String> severities = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : v.path("by_severity").properties()) {
            severities.add(e.getKey() + " " + Fmt.count(e.getValue()));
        }
        return "Violations: " + Fmt.count(v.path("total")) + " (" + String.join(", ", severities)
                + "); decisions with severity >= violation: " + Fmt.count(v.path("decisions_with_violation")) + " of "
                + Fmt.count(v.path("decisions")) + ", rate " + Fmt.pct(v.path("rate")) + ", "
                + Fmt.num(v.path("per_1000")) + " per 1,000 decisions.";
    }

    static Table constraints(JsonNode p) {
        return table(List.of("constraint", "severity", "violations"), p.path("violations").path("by_constraint"),
                c -> List.of(c.path("constraint").asText(), c.path("severity").asText(), Fmt.count(c.path("count"))));
    }

    static String ranking(JsonNode p) {
        JsonNode rk = p.path("ranking");
        String k = rk.path("k").asText();
        return "Precision@" + k + " per " + Fmt.duration(rk.path("period")) + ": micro "
                + Fmt.score(rk.path("precision_micro")) + ", macro " + Fmt.score(rk.path("precision_macro")) + " over "
                + rk.path("periods").size() + " periods; NDCG@" + k + " " + Fmt.score(rk.path("ndcg")) + " over "
                + Fmt.count(rk.path("ndcg_periods")) + " periods with a positive outcome; "
                + Fmt.count(rk.path("unscored_items")) + " decisions without a score ranked last.";
    }

    static String conversion(JsonNode p) {
        JsonNode c = p.path("conversion");
        String head;
        if (c.path("recommended").isObject()) {
            JsonNode rec = c.path("recommended");
            head = "Conversion (" + c.path("target").asText() + " target): " + rec.path("estimator").asText()
                    .toUpperCase(java.util.Locale.ROOT) + " " + Fmt.estimate(rec) + " ("
                    + rec.path("interval").asText().replace('_', ' ') + "); high-confidence interval "
                    + bounds(c.path("high_confidence"), false) + "; IPS " + Fmt.estimate(c.path("ips")) + ".";
        } else {
            JsonNode why = c.path("not_estimable_reason");
            head = "Conversion (" + c.path("target").asText() + " target): not estimable ("
                    + why.path("code").asText().replace('_', ' ') + "): " + why.path("message").asText() + ".";
        }
        String truth = "";
        if (c.path("truth").isObject()) {
            String method = c.path("truth").path("method").asText();
            // A method that says "exact" already says what the "(exact)" suffix would.
            String value = method.endsWith("exact") && c.path("truth").path("standard_error").asDouble() == 0.0
                    ? Fmt.pct(c.path("truth").path("value")) : truth(c.path("truth"));
            truth = " True conversion, " + method + ": " + value + ".";
        }
        String model = c.path("model_based").isObject() ? " Model-based (for the verdicts, not a level estimate): "
                + c.path("model_based").path("description").asText() + "." : "";
        return head + truth + " " + support(c) + model;
    }

    /** The support figures behind the assessment. */
    static String support(JsonNode c) {
        JsonNode s = c.path("support");
        return "Support: " + Fmt.pct(s.path("unsupported_mass")) + " of the policy's probability on unsupported"
                + " actions (" + Fmt.count(s.path("unsupported_decisions")) + " of " + Fmt.count(s.path("decisions"))
                + " decision points; reference: " + s.path("reference").asText() + "); "
                + Fmt.count(s.path("cases_with_weight")) + " of " + Fmt.count(s.path("used_cases"))
                + " used cases have a logged trajectory the policy could produce (" + Fmt.pct(
                s.path("trajectory_coverage")) + "); ESS " + Fmt.ess(s.path("effective_sample_size"))
                + "; largest weight " + Fmt.pct(s.path("max_weight_share")) + " of the total; mean weight "
                + Fmt.numberEstimate(s.path("mean_weight")) + " (1 in expectation inside the log's support).";
    }

    /** The estimate's warnings, then the evaluation's notes. */
    static List<String> cautions(JsonNode p) {
        List<String> out = new ArrayList<>();
        JsonNode c = p.path("conversion");
        c.path("warnings").forEach(w -> out.add("warning (" + w.path("code").asText() + "): "
                + w.path("message").asText()));
        c.path("notes").forEach(n -> out.add("note: " + n.asText()));
        return out;
    }

    private interface Row {
        List<String> cells(JsonNode n);
    }

    /** Whether the document says what it was computed from (a run's results; not a bare evaluation's). */
    static boolean hasProvenance(JsonNode r) {
        return r.path("provenance").isObject();
    }

    /** "System Arena 0.1.0, seed 42, every decision point; manifest SHA-256 ab12...". */
    static String provenance(JsonNode r) {
        JsonNode p = r.path("provenance");
        JsonNode replay = p.path("replay");
        long max = replay.path("max_decision_points").asLong();
        return "Computed by " + p.path("tool").asText() + " " + p.path("version").asText() + " with seed "
                + p.path("seed").asText() + ", " + (max == 0 ? "every decision point" : "the first " + max
                + " decision points") + (replay.path("fail_fast").asBoolean() ? ", fail-fast" : "")
                + (replay.path("decision_timeout_ms").isNumber() ? ", a decision time-out of "
                + replay.path("decision_timeout_ms").asText() + " ms" : "") + "; manifest SHA-256 "
                + p.path("manifest_sha256").asText() + ".";
    }

    static Table inputs(JsonNode r) {
        return table(List.of("file", "role", "bytes", "SHA-256"), r.path("provenance").path("inputs"),
                f -> List.of(f.path("file").asText(), f.path("role").asText(), Fmt.count(f.path("bytes")),
                        f.path("sha256").asText()));
    }

    static Table policySources(JsonNode r) {
        return table(List.of("policy", "role", "specification", "kind", "class", "options"),
                r.path("provenance").path("policies"), s -> {
                    List<String> options = new ArrayList<>();
                    s.path("options").properties().forEach(o -> options.add(o.getKey() + "=" + o.getValue().asText()));
                    return List.of(s.path("name").asText(), s.path("role").asText(), s.path("spec").asText(),
                            s.path("kind").asText(), s.path("class").asText(), options.isEmpty() ? "-"
                                    : String.join(", ", options));
                });
    }

    private static Table table(List<String> header, JsonNode array, Row row) {
        List<List<String>> rows = new ArrayList<>();
        array.forEach(n -> rows.add(row.cells(n)));
        return new Table(header, rows);
    }
}
