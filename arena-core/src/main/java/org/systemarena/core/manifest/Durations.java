package org.systemarena.core.manifest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.systemarena.core.ArenaException;

/** Parses manifest durations: {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s}, {@code 500ms}, {@code 2w}, or ISO-8601 ({@code P30D}). */
public final class Durations {
    /**
     * The longest duration accepted: longer than any event log, and short enough that every use (microseconds added
     * to timestamps, nanoseconds of a ranking period) stays in range. Beyond it a typo, not a horizon.
     */
    public static final Duration MAX = Duration.ofDays(36_525);
    private static final Pattern SHORT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d|w)\\s*");

    private Durations() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ArenaException("empty duration");
        }
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            long unitMillis = switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                case "d" -> 86_400_000L;
                case "w" -> 604_800_000L;
                default -> throw new IllegalStateException();
            };
            // Math.round saturates: compare before converting, or 10^20 days would pass as 292 million years.
            if (amount * unitMillis > MAX.toMillis()) {
                throw tooLong(text);
            }
            return Duration.ofMillis(Math.round(amount * unitMillis));
        }
        Duration d;
        try {
            d = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ArenaException("bad duration '" + text
                    + "' (expected e.g. 30d, 12h, 90m, 45s, 500ms, 2w or ISO-8601 like P30D)");
        }
        if (d.compareTo(MAX) > 0) {
            throw tooLong(text);
        }
        return d;
    }

    private static ArenaException tooLong(String text) {
        return new ArenaException("duration '" + text + "' is longer than 100 years (36,525 days), longer than any log");
    }

    /** The short form used in manifests ({@code 30d}, {@code 12h}, ...), for writing durations back. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 604_800_000L == 0 && ms != 0) {
            return ms / 604_800_000L + "w";
        }
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1_000L == 0) {
            return ms / 1_000L + "s";
        }
        return ms + "ms";
    }
}
