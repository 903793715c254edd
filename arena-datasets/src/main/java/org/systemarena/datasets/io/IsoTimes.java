package org.systemarena.datasets.io;

import org.systemarena.core.input.IsoTimestamps;

/**
 * The common timestamp form of event files, {@code 2024-03-01T09:30:15Z} with an optional fraction of 1 to 9
 * digits, parsed straight from a parser's chars or from ASCII bytes; the epoch day is kept while consecutive events
 * share a date. Anything else (offsets, a space or lower-case separator, epoch millis, invalid fields) returns
 * {@link #OTHER} so that {@link IsoTimestamps} parses it or reports the error.
 */
public final class IsoTimes {
    /** Not in the common form; never a parsed value (four-digit years are far from it). */
    public static final long OTHER = Long.MIN_VALUE;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private int lastDate = -1;
    private long lastDayMicros;
    /** The bytes of the date the byte form last read ("YYYY-MM-" and "DD"), whose day is {@link #lastDayMicros}. */
    private long lastDateBytes;
    private int lastDayBytes = -1;

    public long parse(char[] b, int o, int n) {
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
        if (!day(year, month, day)) {
            return OTHER;
        }
        lastDayBytes = -1; // the byte form's date is no longer the last one
        return lastDayMicros + (hour * 3600L + minute * 60L + second) * 1_000_000L + micros;
    }

    /**
     * The same form from ASCII bytes, read as three words: "YYYY-MM-", "DDThh:mm" and "h:mm:ssZ" (or "h:mm:ss."). A
     * date equal to the last one's bytes is not parsed again.
     */
    public long parse(byte[] b, int o, int n) {
        if (n < 20 || b[o + n - 1] != 'Z') {
            return OTHER;
        }
        long date = AsciiBytes.longAt(b, o);
        long dayTime = AsciiBytes.longAt(b, o + 8);
        long time = AsciiBytes.longAt(b, o + 12);
        if (byteAt(date, 4) != '-' || byteAt(date, 7) != '-' || byteAt(dayTime, 2) != 'T'
                || byteAt(dayTime, 5) != ':' || byteAt(time, 4) != ':') {
            return OTHER;
        }
        int hour = digitPair(dayTime, 3);
        int minute = digitPair(dayTime, 6);
        int second = digitPair(time, 5);
        if ((hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return OTHER;
        }
        long micros = 0;
        if (n > 20) {
            int digits = n - 21;
            if (byteAt(time, 7) != '.' || digits < 1 || digits > 9) {
                return OTHER;
            }
            for (int i = 0; i < 9; i++) { // the fraction as nanoseconds, missing digits as zeros
                int d = i < digits ? b[o + 20 + i] - '0' : 0;
                if (d < 0 || d > 9) {
                    return OTHER;
                }
                micros = micros * 10 + d;
            }
            micros /= 1000;
        }
        int dayBytes = (int) dayTime & 0xFFFF;
        if (date != lastDateBytes || dayBytes != lastDayBytes) {
            int century = digitPair(date, 0);
            int yearOfCentury = digitPair(date, 2);
            int month = digitPair(date, 5);
            int day = digitPair(dayTime, 0);
            if ((century | yearOfCentury | month | day) < 0 || !day(century * 100 + yearOfCentury, month, day)) {
                return OTHER;
            }
            lastDateBytes = date;
            lastDayBytes = dayBytes;
        }
        return lastDayMicros + (hour * 3600L + minute * 60L + second) * 1_000_000L + micros;
    }

    /** Makes {@link #lastDayMicros} this date's; false when it is not a date. */
    private boolean day(int year, int month, int day) {
        int date = year * 10_000 + month * 100 + day;
        if (date != lastDate) {
            if (month < 1 || month > 12 || day < 1 || day > IsoTimestamps.daysInMonth(year, month)) {
                return false;
            }
            lastDayMicros = IsoTimestamps.daysFromCivil(year, month, day) * MICROS_PER_DAY;
            lastDate = date;
        }
        return true;
    }

    private static int byteAt(long word, int index) {
        return (int) (word >>> (index << 3)) & 0xFF;
    }

    /** The two decimal digits at {@code index} and after it in {@code word} as an int, or -1. */
    private static int digitPair(long word, int index) {
        int tens = byteAt(word, index) - '0';
        int ones = byteAt(word, index + 1) - '0';
        return (tens | ones | 9 - tens | 9 - ones) < 0 ? -1 : tens * 10 + ones;
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
