package org.systemarena.replay;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
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

    public static void writeJsonl(BenchmarkResult result, Path file, boolean includeLatency) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeJsonl(result, out, includeLatency);
        } catch (IOException e) {
            throw new ArenaException("cannot write traces to " + file + ": " + e.getMessage(), e);
        }
    }

    public static void writeJsonl(BenchmarkResult result, OutputStream out, boolean includeLatency) {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            for (DecisionTrace t : result.traces()) {
                write(g, result.policyName(), t, includeLatency);
            }
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        writeMap(g, t.snapshotSummary(), false);
        Decision d = t.decision();
        if (d == null) {
            g.writeNullField("action");
        } else {
            g.writeStringField("action", d.action());
            if (!d.params().isEmpty()) {
                g.writeFieldName("params");
                writeMap(g, d.params(), true);
            }
            if (!d.probabilities().isEmpty()) {
                g.writeFieldName("probabilities");
                writeMap(g, new TreeMap<>(d.probabilities()), false);
            }
            writeNumber(g, "score", d.score());
            writeNumber(g, "confidence", d.confidence());
            if (d.reasoning() != null) {
                g.writeStringField("reasoning", d.reasoning());
            }
            if (!d.metadata().isEmpty()) {
                g.writeFieldName("metadata");
                writeMap(g, d.metadata(), true);
            }
        }
        g.writeStringField("logged_action", t.loggedAction());
        writeNumber(g, "logged_propensity", t.loggedPropensity());
        writeNumber(g, "policy_probability_of_logged", t.loggedProbability());
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

    private static void writeNumber(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else if (value.isInfinite() || value.isNaN()) {
            g.writeStringField(name, value.toString());
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void writeMap(JsonGenerator g, Map<String, ?> map, boolean sorted) throws IOException {
        g.writeStartObject();
        Map<String, ?> m = sorted ? new TreeMap<>(map) : map;
        for (Map.Entry<String, ?> e : m.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                g.writeString(d.toString());
            } else {
                g.writeNumber(d);
            }
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Instant i) {
            g.writeString(i.toString());
        } else if (v instanceof Map<?, ?> m) {
            writeMap(g, (Map<String, ?>) m, true);
        } else if (v instanceof Iterable<?> it) {
            g.writeStartArray();
            for (Object o : it) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }
}
