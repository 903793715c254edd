package org.systemarena.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The single unchecked exception family of System Arena. Every error about user input carries a {@link Location}
 * naming the file, the row or line, the column and the offending value, so a message alone is enough to find and
 * fix the problem.
 */
public class ArenaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Location location;

    public ArenaException(String message) {
        this(message, null, null);
    }

    public ArenaException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public ArenaException(String message, Location location) {
        this(message, location, null);
    }

    /**
     * An error at one place in an input is one line: a name or text from the input inside {@code message} (a column,
     * a key, a library's message about it) has its line breaks and control characters escaped like a value. Only
     * errors without a location list several problems, one a line.
     */
    public ArenaException(String message, Location location, Throwable cause) {
        super(location == null ? message : location.describe() + ": " + OneLine.value(message), cause);
        this.location = location;
    }

    /** Where in the input the problem is, when it comes from input. */
    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }

    /**
     * A place in an input: file (or other source name), 1-based line or row (0 when not known), 1-based column
     * number (0 when not known), column or field name, and the offending value as text (null when not relevant).
     */
    public record Location(String source, long line, int columnNumber, String field, String value) {
        public Location {
            Objects.requireNonNull(source, "source");
        }

        public static Location of(String source) {
            return new Location(source, 0, 0, null, null);
        }

        public static Location line(String source, long line, int column) {
            return new Location(source, line, column, null, null);
        }

        public static Location row(String source, long row, String field, Object value) {
            return new Location(source, row, 0, field, value == null ? null : String.valueOf(value));
        }

        public Location withField(String newField, Object newValue) {
            return new Location(source, line, columnNumber, newField, newValue == null ? null : String.valueOf(newValue));
        }

        /** e.g. {@code data/events.csv, row 12, column 'timestamp', value '2024-13-01'}. */
        public String describe() {
            StringBuilder sb = new StringBuilder(source);
            if (line > 0) {
                sb.append(columnNumber > 0 ? ":" + line + ":" + columnNumber : ", row " + line);
            }
            if (field != null) {
                sb.append(", column '").append(OneLine.value(field)).append('\'');
            }
            if (value != null) {
                String v = value.length() > 200 ? value.substring(0, 200) + "..." : value;
                sb.append(", value '").append(OneLine.value(v)).append('\'');
            }
            return sb.toString();
        }
    }
}
