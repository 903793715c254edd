package org.systemarena.integrations.xes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Parses and formats the ISO-8601 / xs:dateTime texts found in XES, OCEL and PM4Py CSV files into epoch microseconds.
 *
 * <p>The common shape {@code yyyy-MM-dd[T ]HH:mm:ss[.fraction][Z|+hh:mm|-hh:mm]} is parsed by hand (it is on the hot
 * path of every reader); anything else falls back to {@link DateTimeFormatter}. No offset means UTC.
 */
public final class IsoDateTimes {
    private static final DateTimeFormatter FALLBACK = new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .toFormatter().withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private IsoDateTimes() {
    }

    /**
     * Epoch microseconds of a date-time text, or throws {@link IllegalArgumentException} with the reason.
     *
     * @param mode how to treat an explicit offset
     */
    public static long parseMicros(String text, TimestampMode mode) {
        String s = text.trim();
        long fast = parseFast(s, mode);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        try {
            TemporalAccessor t = FALLBACK.parse(s);
            LocalDateTime local = LocalDateTime.of(t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR),
                    t.get(ChronoField.DAY_OF_MONTH),
                    t.isSupported(ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY) : 0,
                    t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0,
                    t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0,
                    t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0);
            int offset = t.isSupported(ChronoField.OFFSET_SECONDS) && mode == TimestampMode.CONVERT_OFFSET
                    ? t.get(ChronoField.OFFSET_SECONDS) : 0;
            Instant instant = local.toInstant(ZoneOffset.ofTotalSeconds(offset));
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("not an ISO-8601 date-time: " + e.getMessage(), e);
        }
    }

    /** The fast path; Long.MIN_VALUE when the text has another shape (the fallback then decides). */
    private static long parseFast(String s, TimestampMode mode) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59
                || second > 59) {
            return Long.MIN_VALUE;
        }
        int i = 19;
        long micros = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int start = i;
            long scale = 100_000;
            while (i < n && Character.isDigit(s.charAt(i))) {
                micros += (s.charAt(i) - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == start) {
                return Long.MIN_VALUE;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char c = s.charAt(i);
            if ((c == 'Z' || c == 'z') && i + 1 == n) {
                offsetSeconds = 0;
            } else if ((c == '+' || c == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
                int oh = digits(s, i + 1, i + 3);
                int om = digits(s, i + 4, i + 6);
                if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                    return Long.MIN_VALUE;
                }
                offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                return Long.MIN_VALUE;
            }
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        long seconds = days * 86_400L + hour * 3600L + minute * 60L + second;
        if (mode == TimestampMode.CONVERT_OFFSET) {
            seconds -= offsetSeconds;
        }
        return seconds * 1_000_000L + micros;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
}
