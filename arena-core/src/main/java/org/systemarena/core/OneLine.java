package org.systemarena.core;

/**
 * Text from the input or from a library, made fit for an error message of one line. Errors print one line each (a
 * message that lists problems puts each on its own line), so a quoted value holding a line break, such as a CSV
 * cell, a YAML block scalar or a schema a library prints, would start a line that reads like another error.
 */
public final class OneLine {
    private OneLine() {
    }

    /**
     * A value as messages quote it: line breaks, tabs and other control characters as escapes ({@code \n},
     * {@code \r}, {@code \t}, else a backslash, {@code u} and four hex digits).
     */
    public static String value(String text) {
        if (text == null || !hasControl(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (isControl(c)) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A library's message: each run of white space that holds a line break becomes one space. */
    public static String message(String text) {
        if (text == null || !hasControl(text)) {
            return text;
        }
        return value(text.replaceAll("[ \\t]*\\R\\s*", " ").strip());
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
