package org.systemarena.datasets.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.ValueKind;
import org.systemarena.core.input.CsvTokenizer;
import org.systemarena.datasets.io.Canonical;
import org.systemarena.datasets.io.ColumnMapping;
import org.systemarena.datasets.io.CsvValues;
import org.systemarena.datasets.io.ExpectedRows;
import org.systemarena.datasets.io.Locator;
import org.systemarena.datasets.io.RowBuffer;
import org.systemarena.datasets.io.RowChecks;
import org.systemarena.datasets.io.Sequences;
import org.systemarena.datasets.io.TextCodes;
import org.systemarena.datasets.io.Utf8Errors;
import org.systemarena.datasets.io.json.JsonCells;

/**
 * Reads CSV (RFC 4180, UTF-8, header row). Canonical columns map through {@link ColumnMapping}; the structured ones
 * ({@code object_refs}, {@code actor}, {@code state_before}, {@code state_after}, {@code outcome_labels},
 * {@code payload}) hold JSON text. Other columns become payload attributes typed by content ({@link CsvValues});
 * an empty cell means the attribute is absent on that event.
 */
public final class CsvEventReader {
    private CsvEventReader() {
    }

    public static EventLog read(Path file, ColumnMapping mapping) {
        String source = file.toString();
        EventLogBuilder builder = EventLog.builder(ExpectedRows.of(file, 1));
        RowBuffer row = new RowBuffer(builder);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // errors name the data row: the header is row 0
            CsvTokenizer csv = CsvTokenizer.of(in, ',', (record, line) -> Location.row(source, record, null, null));
            if (!csv.next()) {
                throw new ArenaException("file is empty", Location.of(source));
            }
            int width = csv.count();
            String[] header = new String[width];
            Canonical[] roles = new Canonical[width];
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < width; i++) {
                String name = i == 0 ? stripBom(csv.text(0)) : csv.text(i);
                if (name.isBlank()) {
                    throw new ArenaException("header has an empty column name at position " + (i + 1),
                            Location.row(source, 0, null, null));
                }
                Integer previous = seen.putIfAbsent(name, i);
                if (previous != null) {
                    throw new ArenaException("header names column '" + name + "' twice (positions " + (previous + 1)
                            + " and " + (i + 1) + ")", Location.of(source));
                }
                header[i] = name;
                roles[i] = mapping.roleOf(name);
            }
            required(header, mapping.caseIdColumn(), "case id", source);
            required(header, mapping.timestampColumn(), "timestamp", source);
            required(header, mapping.eventTypeColumn(), "event type", source);
            long rowNumber = 0;
            while (csv.next()) {
                rowNumber++;
                long number = rowNumber;
                long line = csv.recordLine();
                Locator at = (message, column, value) -> new ArenaException(message + " (line " + line + ")",
                        Location.row(source, number, column, value));
                if (csv.count() != width) {
                    throw at.error("has " + csv.count() + " fields but the header has " + width, null, null);
                }
                row.clear();
                for (int i = 0; i < width; i++) {
                    cell(csv, i, roles[i], header[i], row, at);
                }
                RowChecks.emit(row, mapping, at);
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw Utf8Errors.firstBadByte(file);
        } catch (IOException e) {
            throw new ArenaException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return builder.build();
    }

    /** A column every event needs is missing from the header: one error for the file, not one for its first row. */
    private static void required(String[] header, String column, String what, String source) {
        if (!java.util.Arrays.asList(header).contains(column)) {
            throw new ArenaException("no " + what + " column '" + column + "' (columns: " + String.join(", ", header)
                    + ")", Location.of(source));
        }
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /**
     * Field {@code i} of the current record as column {@code column}. String fields map from the record's chars
     * straight to their codes ({@link TextCodes}): a repeated value makes no String.
     */
    private static void cell(CsvTokenizer csv, int i, Canonical role, String column, RowBuffer row, Locator at) {
        int length = csv.length(i);
        boolean quoted = csv.quoted(i);
        if (length == 0 && !quoted) {
            return;
        }
        char[] chars = csv.chars();
        int start = csv.start(i);
        switch (role) {
            case CASE_ID:
                row.caseId(row.caseIdText.code(chars, start, length));
                break;
            case TIMESTAMP:
                row.timestamp(chars, start, length, column, at);
                break;
            case SEQUENCE:
                row.sequence = Sequences.parse(csv.text(i), column, at);
                break;
            case EVENT_ID:
                row.eventId = csv.text(i);
                break;
            case ACTOR:
            case OBJECT_REFS:
            case STATE_BEFORE:
            case STATE_AFTER:
            case OUTCOME_LABELS:
            case PAYLOAD:
                JsonCells.parse(csv.text(i), role, column, row, at);
                break;
            case ATTRIBUTE:
                attribute(csv, i, column, row);
                break;
            default:
                int field = role.stringField.ordinal();
                row.field(field, row.fieldText[field].code(chars, start, length));
        }
    }

    private static void attribute(CsvTokenizer csv, int i, String column, RowBuffer row) {
        if (csv.quoted(i)) { // quoted: a string whatever it holds
            string(csv, i, column, row);
            return;
        }
        String text = csv.text(i);
        ValueKind kind = CsvValues.kindOf(text);
        switch (kind) {
            case LONG:
                row.attribute(RowBuffer.PAYLOAD, column, kind, Long.parseLong(text), null);
                break;
            case DOUBLE:
                row.attribute(RowBuffer.PAYLOAD, column, kind, Double.doubleToRawLongBits(Double.parseDouble(text)),
                        null);
                break;
            case BOOLEAN:
                row.attribute(RowBuffer.PAYLOAD, column, kind, text.equalsIgnoreCase("true") ? 1 : 0, null);
                break;
            default:
                string(csv, i, column, row);
        }
    }

    private static void string(CsvTokenizer csv, int i, String column, RowBuffer row) {
        int code = row.attributeText.code(csv.chars(), csv.start(i), csv.length(i));
        row.string(RowBuffer.PAYLOAD, column, StringDictionary.NULL, code);
    }
}
