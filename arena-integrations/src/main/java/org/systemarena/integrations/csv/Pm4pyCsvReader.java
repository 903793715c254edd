package org.systemarena.integrations.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.Timestamps;
import org.systemarena.core.input.CsvTokenizer;
import org.systemarena.core.input.IsoTimestamps;
import org.systemarena.core.input.TimestampMode;
import org.systemarena.integrations.xes.XesKeys;

/**
 * Reads an event-log CSV in PM4Py's column names: {@code case:concept:name} (case id), {@code concept:name}
 * (activity) and {@code time:timestamp} are required; {@code org:resource} becomes the actor id and
 * {@code arena:event_type} the event type; every other column, {@code lifecycle:transition} and {@code case:*}
 * included, is a payload attribute under its header name. An unquoted empty cell is no value, a quoted one
 * ({@code ""}) the empty string. Rows of a case keep file order on equal timestamps.
 *
 * <p>With {@link CsvOptions#inferTypes()} a payload cell becomes a long, double, boolean or instant only when that
 * value written back ({@link Pm4pyCsvWriter}) gives the same text, so {@code 007} or {@code 1.50} stay strings and
 * a write/read round trip is exact. A quoted cell is always a string (the writer quotes strings such as
 * {@code "50"} that would otherwise read as another type).
 */
public final class Pm4pyCsvReader {
    private final CsvOptions options;

    private Pm4pyCsvReader(CsvOptions options) {
        this.options = options;
    }

    public static Pm4pyCsvReader create() {
        return new Pm4pyCsvReader(CsvOptions.defaults());
    }

    public static Pm4pyCsvReader create(CsvOptions options) {
        return new Pm4pyCsvReader(java.util.Objects.requireNonNull(options, "options"));
    }

    public EventLog read(Path path) {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new ArenaException("cannot read CSV file: " + e.getMessage(),
                    ArenaException.Location.of(path.toString()), e);
        }
    }

    public EventLog read(Reader reader, String source) {
        try {
            // errors name the physical line the record starts on as its row, as this reader's other errors do
            return parse(CsvTokenizer.of(reader, options.delimiter(),
                    (record, line) -> ArenaException.Location.row(source, line, null, null)), source);
        } catch (IOException e) {
            throw new ArenaException("cannot read CSV: " + e.getMessage(), ArenaException.Location.of(source), e);
        }
    }

    /** The next record's cells: null for an unquoted empty field (no value), "" for a quoted one; false at the end. */
    private static boolean next(CsvTokenizer records, List<String> cells) throws IOException {
        cells.clear();
        if (!records.next()) {
            return false;
        }
        for (int i = 0; i < records.count(); i++) {
            cells.add(records.quoted(i) || records.length(i) > 0 ? records.text(i) : null);
        }
        return true;
    }

    private EventLog parse(CsvTokenizer records, String source) throws IOException {
        List<String> cells = new ArrayList<>();
        if (!next(records, cells)) {
            throw new ArenaException("empty CSV: no header", ArenaException.Location.of(source));
        }
        String[] header = cells.toArray(new String[0]);
        if (header.length > 0 && header[0] != null && header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (header[i] == null || header[i].isEmpty()) {
                // pandas writes an unnamed index column first; it is not an attribute
                continue;
            }
            if (index.putIfAbsent(header[i], i) != null) {
                throw new ArenaException("duplicate column",
                        ArenaException.Location.row(source, 1, header[i], header[i]));
            }
        }
        int caseCol = required(index, Pm4pyCsvWriter.CASE_ID, source);
        int actCol = required(index, XesKeys.CONCEPT_NAME, source);
        int tsCol = required(index, XesKeys.TIME_TIMESTAMP, source);
        int resCol = index.getOrDefault(XesKeys.ORG_RESOURCE, -1);
        int typeCol = index.getOrDefault(XesKeys.ARENA_EVENT_TYPE, -1);
        boolean[] payloadCol = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            payloadCol[i] = header[i] != null && !header[i].isEmpty() && i != caseCol && i != actCol && i != tsCol
                    && i != resCol && i != typeCol;
        }
        EventLogBuilder b = EventLog.builder();
        int defaultType = b.internEventType(options.eventType());
        while (next(records, cells)) {
            long row = records.recordLine();
            if (cells.size() != header.length) {
                throw new ArenaException("row has " + cells.size() + " fields, the header has " + header.length,
                        ArenaException.Location.row(source, row, null, null));
            }
            String caseId = cells.get(caseCol);
            if (caseId == null) {
                throw new ArenaException("missing case id", ArenaException.Location.row(source, row,
                        Pm4pyCsvWriter.CASE_ID, ""));
            }
            String ts = cells.get(tsCol);
            long micros;
            try {
                if (ts == null) {
                    throw new IllegalArgumentException("empty");
                }
                micros = IsoTimestamps.parseMicros(ts.trim(), options.timestampMode());
            } catch (IllegalArgumentException e) {
                throw new ArenaException("unparseable timestamp: " + e.getMessage(),
                        ArenaException.Location.row(source, row, XesKeys.TIME_TIMESTAMP, ts == null ? "" : ts), e);
            }
            b.startEvent(caseId, micros);
            String type = typeCol < 0 ? null : cells.get(typeCol);
            if (type != null) {
                b.eventType(type);
            } else {
                b.eventTypeCode(defaultType);
            }
            b.activity(cells.get(actCol));
            if (resCol >= 0 && cells.get(resCol) != null) {
                b.actorId(cells.get(resCol));
            }
            for (int i = 0; i < header.length; i++) {
                String v = cells.get(i);
                if (payloadCol[i] && v != null) {
                    if (records.quoted(i)) {
                        b.payloadString(header[i], v);
                    } else {
                        putTyped(b, header[i], v);
                    }
                }
            }
        }
        return b.build();
    }

    private void putTyped(EventLogBuilder b, String key, String v) {
        Object typed = options.inferTypes() ? infer(v, options.timestampMode()) : v;
        if (typed instanceof String s) {
            b.payloadString(key, s);
        } else if (typed instanceof Long l) {
            b.payloadLong(key, l);
        } else if (typed instanceof Double d) {
            b.payloadDouble(key, d);
        } else {
            b.payload(key, typed);
        }
    }

    /** The typed value of an unquoted cell: only when writing it back gives the same text. */
    static Object infer(String v, TimestampMode mode) {
        if (v.isEmpty()) {
            return v;
        }
        char c = v.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'N' || c == 'I') {
            if (v.length() >= 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
                try {
                    long micros = IsoTimestamps.parseMicros(v, mode);
                    if (IsoTimestamps.format(micros, v.length() > 10 ? v.charAt(10) : 'T').equals(v)) {
                        return Timestamps.fromMicros(micros);
                    }
                } catch (IllegalArgumentException notADate) {
                    // a string that merely looks like a date
                }
            }
            // Pre-check the characters so ordinary strings never pay for a NumberFormatException.
            boolean integral = true;
            boolean numeric = true;
            for (int i = 0; i < v.length() && numeric; i++) {
                char ch = v.charAt(i);
                boolean digit = ch >= '0' && ch <= '9';
                integral &= digit || (i == 0 && ch == '-');
                numeric = digit || ch == '.' || ch == 'E' || ch == '-';
            }
            if (integral && v.length() < 20) {
                try {
                    long l = Long.parseLong(v);
                    if (Long.toString(l).equals(v)) {
                        return l;
                    }
                } catch (NumberFormatException notALong) {
                    // "-" alone
                }
            }
            if (numeric || v.equals("NaN") || v.equals("Infinity") || v.equals("-Infinity")) {
                try {
                    double d = Double.parseDouble(v);
                    if (Double.toString(d).equals(v)) {
                        return d;
                    }
                } catch (NumberFormatException notADouble) {
                    // e.g. "1-2"
                }
            }
        } else if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        return v;
    }

    private static int required(Map<String, Integer> index, String column, String source) {
        Integer i = index.get(column);
        if (i == null) {
            throw new ArenaException("missing required column (have " + index.keySet().stream().sorted().toList() + ")",
                    ArenaException.Location.row(source, 1, column, null));
        }
        return i;
    }
}
