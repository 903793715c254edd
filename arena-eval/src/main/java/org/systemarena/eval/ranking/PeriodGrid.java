package org.systemarena.eval.ranking;

import java.time.Duration;
import java.util.Objects;
import org.systemarena.core.ArenaException;

/**
 * Fixed-length periods on the UTC time line: period index = floorDiv(epochMillis - originMillis, periodMillis), so
 * period i covers [origin + i * length, origin + (i + 1) * length). With origin 0 and length one day the periods are
 * UTC calendar days. Times before the origin get negative indices.
 */
public record PeriodGrid(Duration length, long originEpochMillis) {
    public PeriodGrid {
        Objects.requireNonNull(length, "length");
        // getNano, not toNanos: a period of centuries is a whole number of milliseconds, not an overflow.
        if (length.isNegative() || length.isZero() || length.getNano() % 1_000_000 != 0) {
            throw new ArenaException("ranking period must be a positive whole number of milliseconds, got " + length);
        }
    }

    public static PeriodGrid utcDays() {
        return new PeriodGrid(Duration.ofDays(1), 0L);
    }

    public static PeriodGrid of(Duration length) {
        return new PeriodGrid(length, 0L);
    }

    public long lengthMillis() {
        return length.toMillis();
    }

    public long index(long epochMillis) {
        try {
            return Math.floorDiv(Math.subtractExact(epochMillis, originEpochMillis), lengthMillis());
        } catch (ArithmeticException e) {
            throw new ArenaException("time " + epochMillis + " ms is too far from the period origin "
                    + originEpochMillis + " ms", e);
        }
    }

    public long startMillis(long index) {
        return originEpochMillis + index * lengthMillis();
    }
}
