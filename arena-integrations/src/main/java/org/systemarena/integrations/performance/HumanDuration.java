package org.systemarena.integrations.performance;

import java.util.Locale;

/** Human-readable durations for summaries. */
public final class HumanDuration {
    private HumanDuration() {
    }

    /** Seconds as the largest sensible unit with one decimal: {@code 45.0s}, {@code 12.5min}, {@code 3.2h}, {@code 1.4d}. */
    public static String format(double seconds) {
        if (Double.isNaN(seconds)) {
            return "n/a";
        }
        double abs = Math.abs(seconds);
        if (abs < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        if (abs < 3600) {
            return String.format(Locale.ROOT, "%.1fmin", seconds / 60);
        }
        if (abs < 86400) {
            return String.format(Locale.ROOT, "%.1fh", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1fd", seconds / 86400);
    }
}
