package org.systemarena.decision.expr;

import java.time.Instant;
import java.util.List;

/** How values and their types are named in error messages: {@code string 'a'}, {@code integer 3}, {@code null}. */
final class Describe {
    private static final int MAX_TEXT = 80;

    private Describe() {
    }

    static String type(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Long) {
            return "integer";
        } else if (value instanceof Double) {
            return "decimal";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Instant) {
            return "instant";
        } else if (value instanceof List) {
            return "list";
        }
        return "unsupported " + value.getClass().getName();
    }

    /** Type and value, e.g. {@code string 'a'}, {@code decimal 2.5}, {@code null}. */
    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        String shown = value instanceof String s ? quote(s) : String.valueOf(value);
        if (shown.length() > MAX_TEXT) {
            shown = shown.substring(0, MAX_TEXT) + "...";
        }
        return type(value) + " " + shown;
    }

    /** A string as a single-quoted literal of the language, so it can be pasted back into an expression. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }
}
