package org.systemarena.eval.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.systemarena.core.manifest.Severity;
import org.systemarena.decision.RuleCounts;
import org.systemarena.eval.ActionCount;
import org.systemarena.eval.Comparison;
import org.systemarena.eval.ConstraintViolations;
import org.systemarena.eval.ConversionEstimate;
import org.systemarena.eval.Evaluation;
import org.systemarena.eval.KnownTruth;
import org.systemarena.eval.EvaluationConfig;
import org.systemarena.eval.LeaderboardEntry;
import org.systemarena.eval.PolicyEvaluation;
import org.systemarena.eval.Provenance;
import org.systemarena.eval.RuleDecisions;
import org.systemarena.eval.WeightSummary;
import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.estimate.EstimateWarning;
import org.systemarena.eval.estimate.Exclusions;
import org.systemarena.eval.estimate.HighConfidenceBound;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.eval.estimate.PolicyComparison;
import org.systemarena.eval.model.ModelBasedComparison;
import org.systemarena.eval.model.ModelBasedResult;
import org.systemarena.eval.ranking.PeriodRanking;
import org.systemarena.eval.ranking.RankingReport;
import org.systemarena.eval.stats.Agreement;
import org.systemarena.eval.stats.ViolationRate;
import org.systemarena.eval.verdict.NotEstimable;
import org.systemarena.eval.verdict.RecommendedEstimate;
import org.systemarena.eval.verdict.Support;
import org.systemarena.eval.verdict.SupportMass;
import org.systemarena.eval.verdict.UnsupportedAction;
import org.systemarena.eval.verdict.Verdict;
import org.systemarena.eval.verdict.VerdictRule;
import org.systemarena.eval.verdict.VerdictSettings;

/**
 * Writes an {@link Evaluation} as the JSON report described in docs/report-schema.md: keys in a fixed order, numbers
 * formatted by {@link JsonNumbers}, two-space indentation with {@code \n} line ends, {@code "key": value}, and {@code <}, {@code >} and
 * {@code &} escaped as {@code \}{@code u003c} etc. so the text can be embedded verbatim in an HTML (or XHTML)
 * {@code <script>} element. The same evaluation always gives the same bytes.
 */
public final class JsonReport {
    /** Bumped on any incompatible change of the document's shape. */
    public static final int SCHEMA_VERSION = 3;

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    /** The document without a provenance section ({@code "provenance": null}): an evaluation made outside a run. */
    public static String write(Evaluation evaluation) {
        return write(evaluation, null);
    }

    /** The document with {@code provenance}, what the evaluation was computed from (null: unknown). */
    public static String write(Evaluation evaluation, Provenance provenance) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setCharacterEscapes(new MarkupSafeEscapes());
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("")
                            .withObjectEmptySeparator("")));
            new Writer(g).evaluation(evaluation, provenance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    private static final class Writer {
        private final JsonGenerator g;

        Writer(JsonGenerator g) {
            this.g = g;
        }

        void evaluation(Evaluation e, Provenance provenance) throws IOException {
            g.writeStartObject();
            g.writeNumberField("schema_version", SCHEMA_VERSION);
            g.writeStringField("generator", "system-arena arena-eval");
            g.writeObjectFieldStart("workflow");
            g.writeStringField("name", e.workflow());
            string("version", e.version());
            string("description", e.description());
            g.writeEndObject();
            settings(e.config(), e);
            provenance(provenance);
            g.writeObjectFieldStart("log");
            g.writeNumberField("cases", e.logCases());
            g.writeNumberField("events", e.logEvents());
            g.writeNumberField("cases_with_decision_points", e.observed().cases());
            g.writeNumberField("decision_points", e.policies().get(0).decisions().decisionPoints());
            g.writeBooleanField("truncated", e.truncated());
            g.writeEndObject();
            g.writeArrayFieldStart("rules");
            for (RuleCounts r : e.rules()) {
                g.writeStartObject();
                g.writeStringField("rule", r.rule());
                g.writeNumberField("trigger_matches", r.triggerMatches());
                g.writeNumberField("decision_points", r.decisionPoints());
                g.writeNumberField("condition_false", r.conditionFalse());
                g.writeNumberField("errors", r.errors());
                strings("error_messages", r.errorMessages());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("observed_conversion");
            g.writeNumberField("cases", e.observed().cases());
            g.writeNumberField("positive_cases", e.observed().positiveCases());
            number("rate", e.observed().rate());
            g.writeEndObject();
            g.writeObjectFieldStart("propensities");
            g.writeStringField("source", e.propensities().estimated() ? "estimated" : "logged");
            g.writeStringField("description", e.propensities().description());
            g.writeEndObject();
            g.writeArrayFieldStart("leaderboard");
            for (LeaderboardEntry l : e.leaderboard()) {
                g.writeStartObject();
                g.writeNumberField("rank", l.rank());
                g.writeStringField("policy", l.policy());
                recommended(l.recommended());
                notEstimable(l.notEstimable());
                estimate("snips", l.snips());
                estimate("ips", l.ips());
                number("effective_sample_size", l.effectiveSampleSize());
                g.writeNumberField("warnings", l.warnings());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("policies");
            for (PolicyEvaluation p : e.policies()) {
                policy(p);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("comparisons");
            for (Comparison c : e.comparisons()) {
                comparison(c);
            }
            g.writeEndArray();
            strings("warnings", e.warnings());
            g.writeEndObject();
        }

        private void provenance(Provenance p) throws IOException {
            if (p == null) {
                g.writeNullField("provenance");
                return;
            }
            g.writeObjectFieldStart("provenance");
            g.writeStringField("tool", p.tool());
            g.writeStringField("version", p.version());
            g.writeArrayFieldStart("inputs");
            for (Provenance.InputFile f : p.inputs()) {
                g.writeStartObject();
                g.writeStringField("file", f.file());
                g.writeStringField("role", f.role());
                g.writeNumberField("bytes", f.bytes());
                g.writeStringField("sha256", f.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("manifest_sha256", p.manifestSha256());
            g.writeNumberField("seed", p.seed());
            g.writeObjectFieldStart("replay");
            g.writeNumberField("max_decision_points", p.maxDecisionPoints());
            g.writeBooleanField("fail_fast", p.failFast());
            if (p.decisionTimeoutMs() == null) {
                g.writeNullField("decision_timeout_ms");
            } else {
                g.writeNumberField("decision_timeout_ms", p.decisionTimeoutMs());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("policies");
            for (Provenance.PolicySource s : p.policies()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeStringField("role", s.role());
                g.writeStringField("spec", s.spec());
                g.writeStringField("kind", s.kind());
                g.writeStringField("class", s.className());
                g.writeObjectFieldStart("options");
                for (Map.Entry<String, String> o : s.options().entrySet()) {
                    string(o.getKey(), o.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void settings(EvaluationConfig c, Evaluation e) throws IOException {
            g.writeObjectFieldStart("settings");
            g.writeNumberField("seed", c.seed());
            g.writeNumberField("bootstrap_resamples", c.resamples());
            number("confidence", c.confidence());
            g.writeNumberField("ranking_k", e.ranking().k());
            g.writeStringField("ranking_period", e.ranking().period().toString());
            g.writeArrayFieldStart("baselines");
            for (PolicyEvaluation p : e.policies()) {
                if (p.baseline()) {
                    g.writeString(p.policy());
                }
            }
            g.writeEndArray();
            strings("logging_policies", c.loggingPolicies().stream().sorted().toList());
            g.writeBooleanField("estimate_behaviour", c.estimateBehaviour());
            number("behaviour_smoothing", c.behaviourSmoothing());
            VerdictSettings v = c.verdict();
            g.writeObjectFieldStart("verdict_rule");
            g.writeNumberField("min_cases", v.minCases());
            number("min_effective_sample_size", v.minEffectiveSampleSize());
            number("support_floor", v.supportFloor());
            number("max_unsupported_mass", v.maxUnsupportedMass());
            number("mean_weight_tolerance", v.meanWeightTolerance());
            number("margin", v.margin());
            g.writeStringField("estimator", VerdictRule.ESTIMATOR);
            g.writeStringField("interval", VerdictRule.INTERVAL);
            g.writeBooleanField("model_based_fallback", c.modelBased());
            g.writeEndObject();
            g.writeEndObject();
        }

        private void policy(PolicyEvaluation p) throws IOException {
            g.writeStartObject();
            g.writeStringField("name", p.policy());
            g.writeStringField("role", p.baseline() ? "baseline" : "candidate");
            g.writeObjectFieldStart("decisions");
            g.writeNumberField("decision_points", p.decisions().decisionPoints());
            g.writeNumberField("valid", p.decisions().valid());
            g.writeNumberField("failed", p.decisions().failed());
            g.writeObjectFieldStart("errors_by_kind");
            for (Map.Entry<String, Long> k : p.decisions().errorsByKind().entrySet()) {
                g.writeNumberField(k.getKey(), k.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("by_rule");
            for (RuleDecisions r : p.decisions().byRule()) {
                g.writeStartObject();
                g.writeStringField("rule", r.rule());
                g.writeNumberField("decision_points", r.decisionPoints());
                g.writeNumberField("valid", r.valid());
                g.writeNumberField("failed", r.failed());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();

            g.writeArrayFieldStart("actions");
            for (ActionCount a : p.actions()) {
                g.writeStartObject();
                g.writeStringField("action", a.action());
                g.writeNumberField("count", a.count());
                number("share", a.share());
                g.writeEndObject();
            }
            g.writeEndArray();
            agreement(p.agreement());
            violations(p);
            ranking(p.ranking());
            conversion(p.conversion());
            g.writeEndObject();
        }

        private void agreement(Agreement a) throws IOException {
            g.writeObjectFieldStart("agreement");
            g.writeNumberField("compared", a.compared());
            g.writeNumberField("matches", a.matches());
            number("match_rate", a.matchRate());
            g.writeNumberField("missing_logged", a.missingLogged());
            g.writeNumberField("undecided", a.undecided());
            strings("actions", a.actions());
            g.writeArrayFieldStart("confusion");
            for (long[] row : a.confusion()) {
                g.writeArray(row, 0, row.length);
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void violations(PolicyEvaluation p) throws IOException {
            ViolationRate rate = p.violations().rate();
            g.writeObjectFieldStart("violations");
            g.writeNumberField("total", p.violations().total());
            g.writeNumberField("decisions", rate.decisions());
            g.writeNumberField("decisions_with_violation", rate.violatingDecisions());
            number("rate", rate.rate());
            number("per_1000", rate.perThousand());
            g.writeObjectFieldStart("by_severity");
            for (Severity s : Severity.values()) {
                g.writeNumberField(s.label(), p.violations().bySeverity().get(s));
            }
            g.writeEndObject();
            g.writeArrayFieldStart("by_constraint");
            for (ConstraintViolations c : p.violations().byConstraint()) {
                g.writeStartObject();
                g.writeStringField("constraint", c.constraint());
                g.writeStringField("severity", c.severity().label());
                g.writeNumberField("count", c.count());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void ranking(RankingReport r) throws IOException {
            g.writeObjectFieldStart("ranking");
            g.writeNumberField("k", r.k());
            g.writeStringField("period", r.grid().length().toString());
            g.writeNumberField("items", r.items());
            g.writeNumberField("unscored_items", r.unscoredItems());
            g.writeNumberField("selected", r.selected());
            g.writeNumberField("relevant_selected", r.relevantSelected());
            number("precision_micro", r.microPrecision());
            number("precision_macro", r.macroPrecision());
            number("ndcg", r.ndcg());
            g.writeNumberField("ndcg_periods", r.ndcgPeriods());
            g.writeNumberField("periods_without_relevant", r.periodsWithoutRelevant());
            g.writeArrayFieldStart("periods");
            for (PeriodRanking p : r.periods()) {
                g.writeStartObject();
                g.writeNumberField("index", p.index());
                g.writeStringField("start", java.time.Instant.ofEpochMilli(p.startEpochMillis()).toString());
                g.writeNumberField("items", p.items());
                g.writeNumberField("selected", p.selected());
                g.writeNumberField("relevant_selected", p.relevantSelected());
                g.writeNumberField("relevant_items", p.relevantItems());
                number("precision", p.precision());
                number("dcg", p.dcg());
                number("idcg", p.idcg());
                number("ndcg", p.ndcg());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void conversion(ConversionEstimate c) throws IOException {
            OffPolicyEstimate e = c.estimate();
            g.writeObjectFieldStart("conversion");
            recommended(c.assessment().recommended());
            notEstimable(c.assessment().notEstimable());
            support(c.assessment().support());
            g.writeStringField("target", c.kind().name().toLowerCase(java.util.Locale.ROOT));
            g.writeNumberField("cases", e.cases());
            g.writeNumberField("used_cases", e.usedCases());
            exclusions(e.exclusions());
            estimate("observed", e.observed());
            estimate("ips", e.ips());
            estimate("snips", e.snips());
            number("effective_sample_size", e.effectiveSampleSize());
            number("max_weight", e.maxWeight());
            highConfidence("high_confidence", e.highConfidence());
            WeightSummary w = c.weights();
            g.writeObjectFieldStart("weights");
            g.writeNumberField("cases", w.cases());
            g.writeNumberField("zero", w.zero());
            g.writeNumberField("one", w.one());
            number("mean", w.mean());
            number("min", w.min());
            number("min_nonzero", w.minNonZero());
            number("max", w.max());
            number("min_target_probability", w.minProbability());
            number("max_target_probability", w.maxProbability());
            g.writeEndObject();
            g.writeStringField("propensities", e.propensities().estimated() ? "estimated" : "logged");
            warnings(e.warnings());
            strings("notes", c.notes());
            g.writeStringField("explanation", c.explanation());
            modelBased(c.model());
            truth(c.truth());
            g.writeEndObject();
        }

        /** The model-based estimates, for reading beside the verdict they may decide (never a recommended level). */
        private void modelBased(ModelBasedResult m) throws IOException {
            if (m == null) {
                g.writeNullField("model_based");
                return;
            }
            g.writeObjectFieldStart("model_based");
            g.writeNumberField("used_cases", m.usedCases());
            estimate("direct_method", m.dm());
            estimate("doubly_robust", m.dr());
            estimate("weighted_doubly_robust", m.wdr());
            g.writeBooleanField("model_check_passed", m.modelCheck().passed());
            string("model_check_failure", m.modelCheck().failure());
            number("not_modelled_mass", m.coverage().notModelledMass());
            number("extrapolated_mass", m.coverage().extrapolatedMass());
            number("final_effective_sample_size", m.weights().finalEffectiveSampleSize());
            g.writeNumberField("folds", m.fit().folds());
            g.writeStringField("description", m.describe());
            g.writeEndObject();
        }

        private void comparison(Comparison c) throws IOException {
            PolicyComparison r = c.result();
            g.writeStartObject();
            g.writeStringField("policy", c.policy());
            g.writeStringField("baseline", c.baseline());
            verdict(c.verdict());
            g.writeNumberField("paired_cases", r.target().usedCases());
            estimate("policy_ips", r.target().ips());
            estimate("policy_snips", r.target().snips());
            estimate("baseline_ips", r.baseline().ips());
            estimate("baseline_snips", r.baseline().snips());
            estimate("ips_difference", r.ipsDifference());
            estimate("snips_difference", r.snipsDifference());
            highConfidence("high_confidence_difference", r.highConfidenceDifference());
            warnings(r.warnings());
            ModelBasedComparison m = c.model();
            if (m == null) {
                g.writeNullField("model_based");
            } else {
                g.writeObjectFieldStart("model_based");
                estimate("direct_method_difference", m.dmDifference());
                estimate("doubly_robust_difference", m.drDifference());
                estimate("weighted_doubly_robust_difference", m.wdrDifference());
                g.writeNumberField("unpaired_cases", m.unpairedCases());
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        private void truth(KnownTruth t) throws IOException {
            if (t == null) {
                g.writeNullField("truth");
                return;
            }
            g.writeObjectFieldStart("truth");
            number("value", t.value());
            number("standard_error", t.standardError());
            g.writeStringField("method", t.method());
            g.writeEndObject();
        }

        private void recommended(RecommendedEstimate r) throws IOException {
            if (r == null) {
                g.writeNullField("recommended");
                return;
            }
            g.writeObjectFieldStart("recommended");
            g.writeStringField("estimator", r.estimator());
            number("value", r.value());
            number("lower", r.lower());
            number("upper", r.upper());
            g.writeStringField("interval", r.interval());
            g.writeEndObject();
        }

        private void notEstimable(NotEstimable n) throws IOException {
            if (n == null) {
                g.writeNullField("not_estimable_reason");
                return;
            }
            g.writeObjectFieldStart("not_estimable_reason");
            g.writeStringField("code", n.reason().code());
            g.writeStringField("message", n.message());
            g.writeEndObject();
        }

        private void support(Support s) throws IOException {
            SupportMass m = s.mass();
            g.writeObjectFieldStart("support");
            number("unsupported_mass", m.unsupportedMass());
            g.writeNumberField("unsupported_decisions", m.unsupportedDecisions());
            g.writeNumberField("decisions", m.decisions());
            number("floor", m.floor());
            g.writeStringField("reference", m.reference());
            g.writeArrayFieldStart("unsupported_actions");
            for (UnsupportedAction a : m.actions()) {
                g.writeStartObject();
                g.writeStringField("rule", a.rule());
                g.writeStringField("action", a.action());
                g.writeStringField("why", a.neverLogged() ? "never_logged" : "below_floor");
                g.writeNumberField("decisions", a.decisions());
                number("mass", a.mass());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("used_cases", s.usedCases());
            g.writeNumberField("cases_with_weight", s.casesWithWeight());
            number("trajectory_coverage", s.trajectoryCoverage());
            number("effective_sample_size", s.effectiveSampleSize());
            number("max_weight_share", s.maxWeightShare());
            estimate("mean_weight", s.meanWeight());
            g.writeBooleanField("estimators_agree", s.estimatorsAgree());
            g.writeEndObject();
        }

        private void verdict(Verdict v) throws IOException {
            g.writeObjectFieldStart("verdict");
            g.writeStringField("verdict", v.outcome().code());
            string("estimator", v.estimator());
            string("reason", v.reason() == null ? null : v.reason().code());
            g.writeStringField("message", v.message());
            string("not_estimable", v.notEstimable());
            number("margin", v.margin());
            if (v.inconclusive()) {
                g.writeNullField("non_inferior");
                g.writeNullField("difference");
            } else {
                g.writeBooleanField("non_inferior", v.notWorseBy(v.margin()));
                estimate("difference", v.difference());
            }
            string("interval", v.inconclusive() ? null : v.interval());
            string("model_based_obstacle", v.modelObstacle());
            g.writeEndObject();
        }

        private void highConfidence(String name, HighConfidenceBound.Interval i) throws IOException {
            g.writeObjectFieldStart(name);
            g.writeStringField("method", "empirical_bernstein_clipped");
            number("lower", i.lower());
            number("upper", i.upper());
            g.writeEndObject();
        }

        private void exclusions(Exclusions x) throws IOException {
            g.writeObjectFieldStart("excluded");
            g.writeNumberField("missing_logged_action", x.missingLoggedAction());
            g.writeNumberField("missing_propensity", x.missingPropensity());
            g.writeNumberField("invalid_propensity", x.invalidPropensity());
            g.writeEndObject();
        }

        private void estimate(String name, Estimate e) throws IOException {
            g.writeObjectFieldStart(name);
            number("value", e.value());
            number("lower", e.lower());
            number("upper", e.upper());
            g.writeEndObject();
        }

        private void warnings(List<EstimateWarning> warnings) throws IOException {
            g.writeArrayFieldStart("warnings");
            for (EstimateWarning w : warnings) {
                g.writeStartObject();
                g.writeStringField("code", w.code().name().toLowerCase(java.util.Locale.ROOT));
                g.writeStringField("message", w.message());
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private void strings(String name, List<String> values) throws IOException {
            g.writeArrayFieldStart(name);
            for (String s : values) {
                g.writeString(s);
            }
            g.writeEndArray();
        }

        private void string(String name, String value) throws IOException {
            if (value == null) {
                g.writeNullField(name);
            } else {
                g.writeStringField(name, value);
            }
        }

        private void number(String name, double value) throws IOException {
            String text = JsonNumbers.format(value);
            g.writeFieldName(name);
            if (text == null) {
                g.writeNull();
            } else {
                g.writeNumber(text);
            }
        }
    }

    /** Escapes the characters that would end or confuse markup around an embedded JSON text. */
    private static final class MarkupSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] table;

        MarkupSafeEscapes() {
            table = standardAsciiEscapesForJSON();
            table['<'] = ESCAPE_STANDARD;
            table['>'] = ESCAPE_STANDARD;
            table['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
