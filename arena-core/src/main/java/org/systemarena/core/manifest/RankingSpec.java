package org.systemarena.core.manifest;

import java.time.Duration;
import org.systemarena.core.ArenaException;

/** Precision@K settings: the cut-off K and the period decision points are grouped by (UTC days by default). */
public record RankingSpec(int k, Duration period) {
    public RankingSpec {
        if (k <= 0) {
            throw new ArenaException("ranking.k must be positive, got " + k);
        }
        period = period == null ? Duration.ofDays(1) : period;
        if (period.isNegative() || period.isZero()) {
            throw new ArenaException("ranking.period must be positive, got " + period);
        }
        if (period.compareTo(Durations.MAX) > 0) {
            throw new ArenaException("ranking.period must be at most 100 years (36,525 days), got " + period);
        }
    }

    public static RankingSpec defaults() {
        return new RankingSpec(10, Duration.ofDays(1));
    }
}
