package org.systemarena.integrations.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.systemarena.core.ArenaException;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.input.IsoTimestamps;
import org.systemarena.core.input.TimestampMode;
import org.systemarena.integrations.xes.XesKeys;
import org.systemarena.integrations.xes.XesOptions;

/**
 * Writes an event log as CSV with PM4Py's column names, one row per event in case order: {@code case:concept:name},
 * {@code concept:name}, {@code time:timestamp} ({@code yyyy-MM-dd HH:mm:ss.fff+00:00}, UTC), {@code org:resource},
 * then {@code arena:event_type} when some event type is not {@link XesOptions#DEFAULT_EVENT_TYPE},
 * {@code lifecycle:transition} when present, and the other payload keys sorted. Doubles and longs use Java's
 * shortest round-trip text, booleans {@code true}/{@code false}; a null is an empty cell and an empty string
 * {@code ""}. A string that would read back as another type (e.g. {@code 50}) is quoted. Fields are quoted when they hold the delimiter, a quote, a line break or surrounding spaces.
 */
public final class Pm4pyCsvWriter {
    static final String CASE_ID = XesKeys.CASE_PREFIX + XesKeys.CONCEPT_NAME;

    private final char delimiter;

    private Pm4pyCsvWriter(char delimiter) {
        this.delimiter = delimiter;
    }

    public static Pm4pyCsvWriter create() {
        return new Pm4pyCsvWriter(',');
    }

    public static Pm4pyCsvWriter create(char delimiter) {
        return new Pm4pyCsvWriter(delimiter);
    }

    public void write(EventLog log, Path path) {
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            writeTo(log, out);
        } catch (IOException e) {
            throw new ArenaException("cannot write CSV file: " + e.getMessage(),
                    ArenaException.Location.of(path.toString()), e);
        }
    }

    /** Writes the CSV to a writer (not closed); a failed write is an {@link ArenaException}. */
    public void write(EventLog log, Writer out) {
        try {
            writeTo(log, out);
        } catch (IOException e) {
            throw new ArenaException("cannot write CSV: " + e.getMessage(), e);
        }
    }

    private void writeTo(EventLog log, Writer out) throws IOException {
        AttributeTable payload = log.payload();
        TreeSet<String> keys = new TreeSet<>(log.payloadKeys());
        keys.remove(CASE_ID);
        keys.remove(XesKeys.CONCEPT_NAME);
        keys.remove(XesKeys.TIME_TIMESTAMP);
        keys.remove(XesKeys.ORG_RESOURCE);
        keys.remove(XesKeys.ARENA_EVENT_TYPE);
        List<String> payloadKeys = new ArrayList<>();
        if (keys.remove(XesKeys.LIFECYCLE_TRANSITION)) {
            payloadKeys.add(XesKeys.LIFECYCLE_TRANSITION);
        }
        payloadKeys.addAll(keys);
        boolean types = log.eventTypes().stream().anyMatch(t -> !t.equals(XesOptions.DEFAULT_EVENT_TYPE));

        List<String> header = new ArrayList<>(List.of(CASE_ID, XesKeys.CONCEPT_NAME, XesKeys.TIME_TIMESTAMP,
                XesKeys.ORG_RESOURCE));
        if (types) {
            header.add(XesKeys.ARENA_EVENT_TYPE);
        }
        header.addAll(payloadKeys);
        for (int i = 0; i < header.size(); i++) {
            cell(out, i, header.get(i));
        }
        out.write('\n');

        StringDictionary keyDict = payload.keyDictionary();
        int[] keyCodes = payloadKeys.stream().mapToInt(keyDict::code).toArray();
        for (int r = 0; r < log.size(); r++) {
            cell(out, 0, log.caseIdOf(r));
            cell(out, 1, log.activity(r));
            cell(out, 2, IsoTimestamps.format(log.timestampMicros(r), ' '));
            cell(out, 3, log.actorIdColumn().value(r));
            int col = 4;
            if (types) {
                cell(out, col++, log.eventType(r));
            }
            for (int k : keyCodes) {
                int e = payload.find(r, k);
                if (e >= 0 && payload.kind(e) == org.systemarena.core.ValueKind.STRING) {
                    String s = (String) payload.value(e);
                    // A string that would read back as a number, boolean or date is quoted to stay a string.
                    if (!(Pm4pyCsvReader.infer(s, TimestampMode.CONVERT_OFFSET) instanceof String)) {
                        quoted(out, col++, s);
                        continue;
                    }
                }
                cell(out, col++, e < 0 ? null : text(payload, e));
            }
            out.write('\n');
        }
        out.flush();
    }

    private static String text(AttributeTable payload, int e) {
        long raw = payload.rawValue(e);
        switch (payload.kind(e)) {
            case STRING:
                return (String) payload.value(e);
            case LONG:
                return Long.toString(raw);
            case DOUBLE:
                return Double.toString(Double.longBitsToDouble(raw));
            case BOOLEAN:
                return raw != 0 ? "true" : "false";
            case INSTANT:
                return IsoTimestamps.format(raw, ' ');
            default:
                return null;
        }
    }

    private void cell(Writer out, int index, String value) throws IOException {
        if (index > 0) {
            out.write(delimiter);
        }
        if (value == null) {
            return;
        }
        boolean quote = value.isEmpty() || value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                || Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1));
        if (!quote) {
            out.write(value);
            return;
        }
        quoted(out, -1, value);
    }

    private void quoted(Writer out, int index, String value) throws IOException {
        if (index > 0) {
            out.write(delimiter);
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
