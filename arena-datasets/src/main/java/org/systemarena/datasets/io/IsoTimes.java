package org.systemarena.datasets.io;

/**
 * The common timestamp form of event files, {@code 2024-03-01T09:30:15Z} with an optional fraction of 1 to 9
 * digits, parsed straight from the parser's char buffer; the epoch day is kept while consecutive events share a
 * date. Anything else (offsets, a space or lower-case separator, epoch millis, invalid fields) returns
 * {@link #OTHER} so that {@link TimestampParser} parses it or reports the error.
 */
final class IsoTimes {
    /** Not in the common form; never a parsed value (four-digit years are far from it). */
    static final long OTHER = Long.MIN_VALUE;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private int lastDate = -1;
    private long lastDayMicros;

    long parse(char[] b, int o, int n) {
        if (n < 20 || b[o + 4] != '-' || b[o + 7] != '-' || b[o + 10] != 'T' || b[o + 13] != ':'
                || b[o + 16] != ':' || b[o + n - 1] != 'Z') {
            return OTHER;
        }
        int year = digits(b, o, 4);
        int month = digits(b, o + 5, 2);
        int day = digits(b, o + 8, 2);
        int hour = digits(b, o + 11, 2);
        int minute = digits(b, o + 14, 2);
        int second = digits(b, o + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return OTHER;
        }
        long micros = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (b[o + 19] != '.' || fraction < 1 || fraction > 9) {
                return OTHER;
            }
            long scale = 100_000;
            for (int i = o + 20, end = o + n - 1; i < end; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return OTHER;
                }
                micros += d * scale;
                scale /= 10;
            }
        }
        int date = year * 10_000 + month * 100 + day;
        if (date != lastDate) {
            if (month < 1 || month > 12 || day < 1 || day > TimestampParser.daysInMonth(year, month)) {
                return OTHER;
            }
            lastDayMicros = TimestampParser.daysFromCivil(year, month, day) * MICROS_PER_DAY;
            lastDate = date;
        }
        return lastDayMicros + (hour * 3600L + minute * 60L + second) * 1_000_000L + micros;
    }

    /** {@code count} decimal digits as an int, or -1 when one is not a digit. */
    private static int digits(char[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
