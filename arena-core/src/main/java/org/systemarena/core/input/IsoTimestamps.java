package org.systemarena.core.input;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The one ISO-8601 timestamp grammar of System Arena's readers (event files, XES, OCEL, PM4Py CSV), parsed to epoch
 * microseconds (UTC) without creating objects: {@code 2024-03-01}, {@code 2024-03-01T09:30},
 * {@code 2024-03-01T09:30:15.123456Z}, {@code 2024-03-01 09:30:15+02:00}. The separator is {@code T}, {@code t} or a
 * space; seconds may have 1 to 9 fraction digits after {@code .} or {@code ,} (finer than a microsecond is
 * truncated); the zone is {@code Z}, {@code z}, {@code +hh:mm}, {@code +hhmm} or {@code +hh}. A date-time without
 * zone or offset is taken as UTC. Also writes the xs:dateTime form the process-mining writers use ({@link #format}).
 */
public final class IsoTimestamps {
    private IsoTimestamps() {
    }

    /**
     * Epoch micros, an offset converted ({@link TimestampMode#CONVERT_OFFSET}); or throws
     * {@link IllegalArgumentException} with the reason.
     */
    public static long parseMicros(CharSequence s) {
        return parseMicros(s, TimestampMode.CONVERT_OFFSET);
    }

    /**
     * Epoch micros, an offset treated as {@code mode} says; or throws {@link IllegalArgumentException} with the
     * reason (e.g. "month 13 out of range").
     */
    public static long parseMicros(CharSequence s, TimestampMode mode) {
        int n = s.length();
        int i = 0;
        if (n < 10) {
            throw bad("too short for an ISO-8601 date-time");
        }
        int year = digits(s, 0, 4);
        expect(s, 4, '-');
        int month = digits(s, 5, 2);
        expect(s, 7, '-');
        int day = digits(s, 8, 2);
        if (month < 1 || month > 12) {
            throw bad("month " + month + " out of range");
        }
        if (day < 1 || day > daysInMonth(year, month)) {
            throw bad("day " + day + " out of range for " + year + "-" + month);
        }
        i = 10;
        int hour = 0;
        int minute = 0;
        int second = 0;
        long micros = 0;
        int offsetSeconds = 0;
        if (i < n) {
            char sep = s.charAt(i);
            if (sep != 'T' && sep != 't' && sep != ' ') {
                throw bad("expected 'T' or ' ' after the date");
            }
            if (n < i + 6) {
                throw bad("incomplete time");
            }
            hour = digits(s, i + 1, 2);
            expect(s, i + 3, ':');
            minute = digits(s, i + 4, 2);
            i += 6;
            if (i < n && s.charAt(i) == ':') {
                if (n < i + 3) {
                    throw bad("incomplete seconds");
                }
                second = digits(s, i + 1, 2);
                i += 3;
                if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    i++;
                    int start = i;
                    long scale = 100_000;
                    while (i < n && isDigit(s.charAt(i))) {
                        micros += (s.charAt(i) - '0') * scale;
                        scale /= 10;
                        i++;
                    }
                    if (i == start || i - start > 9) {
                        throw bad("expected 1 to 9 fraction digits");
                    }
                }
            }
            if (hour > 23 || minute > 59 || second > 59) {
                throw bad("time of day out of range");
            }
            if (i < n) {
                char z = s.charAt(i);
                if ((z == 'Z' || z == 'z') && i + 1 == n) {
                    i++;
                } else if (z == '+' || z == '-') {
                    int sign = z == '+' ? 1 : -1;
                    int oh = digits(s, i + 1, 2);
                    int om = 0;
                    int rest = n - (i + 3);
                    if (rest == 3 && s.charAt(i + 3) == ':') {
                        om = digits(s, i + 4, 2);
                    } else if (rest == 2) {
                        om = digits(s, i + 3, 2);
                    } else if (rest != 0) {
                        throw bad("bad zone offset");
                    }
                    if (oh > 18 || om > 59) {
                        throw bad("zone offset out of range");
                    }
                    offsetSeconds = sign * (oh * 3600 + om * 60);
                    i = n;
                } else {
                    throw bad("unexpected '" + z + "' after the time");
                }
            }
        }
        if (i != n) {
            throw bad("unexpected text after the date");
        }
        long days = daysFromCivil(year, month, day);
        if (mode == TimestampMode.REPLACE_OFFSET_WITH_UTC) {
            offsetSeconds = 0;
        }
        long secs = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return secs * 1_000_000L + micros;
    }

    /** Epoch milliseconds to micros, refusing values that would overflow. */
    public static long millisToMicros(long millis) {
        return Math.multiplyExact(millis, 1000L);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(CharSequence s, int from, int count) {
        if (from + count > s.length()) {
            throw bad("unexpected end");
        }
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                throw bad("expected a digit at position " + (k + 1));
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static void expect(CharSequence s, int at, char c) {
        if (at >= s.length() || s.charAt(at) != c) {
            throw bad("expected '" + c + "' at position " + (at + 1));
        }
    }

    /** Days in a month of a proleptic Gregorian year. */
    public static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's civil-from-days inverse). */
    public static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /**
     * xs:dateTime text in UTC with a {@code +00:00} offset: milliseconds always, microseconds when present, e.g.
     * {@code 2010-12-30T13:32:00.000+00:00}.
     */
    public static String format(long micros) {
        return format(micros, 'T');
    }

    /** Like {@link #format(long)} with a chosen date/time separator ({@code ' '} for PM4Py's CSV). */
    public static String format(long micros, char separator) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(32);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " cannot be written as an xs:dateTime");
        }
        pad(sb, year, 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append(separator);
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2).append('.');
        if (fraction % 1000 == 0) {
            pad(sb, fraction / 1000, 3);
        } else {
            pad(sb, fraction, 6);
        }
        return sb.append("+00:00").toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String v = Integer.toString(value);
        for (int i = v.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(v);
    }

    private static IllegalArgumentException bad(String why) {
        return new IllegalArgumentException(why);
    }
}
