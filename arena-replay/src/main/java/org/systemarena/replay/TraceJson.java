package org.systemarena.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * How trace values are written as JSON, shared by the JSON Lines traces and the JSON-text columns of Parquet traces
 * so that both give the same text: maps of decision fields in key order, non-finite numbers as strings, instants as
 * ISO-8601 strings.
 */
final class TraceJson {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private TraceJson() {
    }

    /** {@code value} as JSON text (what {@link #writeValue} writes). */
    static byte[] text(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void writeNumber(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else if (value.isInfinite() || value.isNaN()) {
            g.writeStringField(name, value.toString());
        } else {
            g.writeNumberField(name, value);
        }
    }

    static void writeMap(JsonGenerator g, Map<String, ?> map, boolean sorted) throws IOException {
        g.writeStartObject();
        Map<String, ?> m = sorted ? new TreeMap<>(map) : map;
        for (Map.Entry<String, ?> e : m.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    static void writeValue(JsonGenerator g, Object v) throws IOException {
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
