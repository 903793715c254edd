package org.systemarena.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.systemarena.core.ArenaException;
import org.systemarena.policy.Decision;

/**
 * Writes decision traces as JSON Lines, one object per decision point in global replay order. Field order and number
 * formatting are fixed, and latency is left out unless asked for, so the same run always gives the same bytes.
 */
public final class TraceWriter {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private TraceWriter() {
    }

    /** Errors, a full disk among them, are {@link ArenaException}s naming the file. */
    public static void writeJsonl(BenchmarkResult result, Path file, boolean includeLatency) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTo(result, out, includeLatency);
        } catch (IOException e) {
            throw new ArenaException("cannot write traces to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Errors are {@link ArenaException}s, as the readers' are. */
    public static void writeJsonl(BenchmarkResult result, OutputStream out, boolean includeLatency) {
        try {
            writeTo(result, out, includeLatency);
        } catch (IOException e) {
            throw new ArenaException("cannot write traces: " + e.getMessage(), e);
        }
    }

    private static void writeTo(BenchmarkResult result, OutputStream out, boolean includeLatency) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            for (DecisionTrace t : result.traces()) {
                write(g, result.policyName(), t, includeLatency);
            }
            g.writeRaw('\n');
        }
    }

    private static void write(JsonGenerator g, String policy, DecisionTrace t, boolean includeLatency)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("decision_id", t.decisionId());
        g.writeStringField("policy", policy);
        g.writeStringField("case_id", t.caseId());
        g.writeStringField("rule", t.rule());
        g.writeStringField("time", t.time().toString());
        g.writeFieldName("snapshot");
        TraceJson.writeMap(g, t.snapshotSummary(), false);
        Decision d = t.decision();
        if (d == null) {
            g.writeNullField("action");
        } else {
            g.writeStringField("action", d.action());
            if (!d.params().isEmpty()) {
                g.writeFieldName("params");
                TraceJson.writeMap(g, d.params(), true);
            }
            if (!d.probabilities().isEmpty()) {
                g.writeFieldName("probabilities");
                TraceJson.writeMap(g, new TreeMap<>(d.probabilities()), false);
            }
            TraceJson.writeNumber(g, "score", d.score());
            TraceJson.writeNumber(g, "confidence", d.confidence());
            if (d.reasoning() != null) {
                g.writeStringField("reasoning", d.reasoning());
            }
            if (!d.metadata().isEmpty()) {
                g.writeFieldName("metadata");
                TraceJson.writeMap(g, d.metadata(), true);
            }
        }
        g.writeStringField("logged_action", t.loggedAction());
        TraceJson.writeNumber(g, "logged_propensity", t.loggedPropensity());
        TraceJson.writeNumber(g, "policy_probability_of_logged", t.loggedProbability());
        if (t.matchesLogged() == null) {
            g.writeNullField("matches_logged");
        } else {
            g.writeBooleanField("matches_logged", t.matchesLogged());
        }
        g.writeStringField("outcome", t.outcome());
        g.writeStringField("outcome_category", t.outcomeCategory().name().toLowerCase(java.util.Locale.ROOT));
        g.writeArrayFieldStart("violations");
        for (Violation v : t.violations()) {
            g.writeStartObject();
            g.writeStringField("constraint", v.constraint());
            g.writeStringField("severity", v.severity().label());
            g.writeStringField("message", v.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("errors");
        for (DecisionError e : t.errors()) {
            g.writeStartObject();
            g.writeStringField("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (includeLatency) {
            g.writeNumberField("latency_us", t.latencyNanos() / 1000.0);
        }
        g.writeEndObject();
    }
}
