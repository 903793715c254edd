package org.systemarena.datasets.io;

import org.systemarena.core.input.IsoTimestamps;

/** Timestamp conversions of the readers, with errors that name the row, column and value. */
public final class TimeText {
    private TimeText() {
    }

    /** ISO-8601 text, or a string of digits taken as epoch milliseconds; errors name row, column and value. */
    public static long parse(CharSequence text, String column, Locator at) {
        try {
            return parseText(text);
        } catch (IllegalArgumentException e) {
            throw at.error("unparseable timestamp (" + e.getMessage()
                    + "; expected ISO-8601 like 2024-03-01T09:30:00Z or epoch milliseconds)", column, text.toString());
        }
    }

    /** Like {@link #parse} but throws {@link IllegalArgumentException} with the reason only. */
    public static long parseText(CharSequence text) {
        if (isInteger(text)) {
            try {
                return IsoTimestamps.millisToMicros(Long.parseLong(text, 0, text.length(), 10));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("epoch milliseconds out of range");
            }
        }
        return IsoTimestamps.parseMicros(text);
    }

    public static long fromEpochMillis(long millis, String column, Locator at) {
        try {
            return IsoTimestamps.millisToMicros(millis);
        } catch (ArithmeticException e) {
            throw at.error("epoch milliseconds out of range", column, Long.toString(millis));
        }
    }

    private static boolean isInteger(CharSequence s) {
        int n = s.length();
        int i = n > 1 && s.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
