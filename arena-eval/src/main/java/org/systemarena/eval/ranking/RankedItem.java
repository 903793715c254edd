package org.systemarena.eval.ranking;

import java.time.Instant;
import java.util.Objects;
import org.systemarena.core.ArenaException;

/**
 * One decision point as a ranking item: its stable decision id, its time (epoch milliseconds, UTC), the policy's
 * score ({@code NaN} when the policy gave none: ranked after every scored item), whether its outcome is relevant
 * (positive), and its gain for NDCG (1 for relevant, 0 otherwise, unless graded gains are given).
 */
public record RankedItem(String decisionId, long epochMillis, double score, boolean relevant, double gain) {
    public RankedItem {
        Objects.requireNonNull(decisionId, "decisionId");
        if (!(gain >= 0.0 && Double.isFinite(gain))) {
            throw new ArenaException("decision '" + decisionId + "': gain must be a finite number >= 0, got " + gain);
        }
    }

    /** Binary gain: 1 when relevant, else 0. */
    public static RankedItem of(String decisionId, long epochMillis, double score, boolean relevant) {
        return new RankedItem(decisionId, epochMillis, score, relevant, relevant ? 1.0 : 0.0);
    }

    public static RankedItem of(String decisionId, Instant time, double score, boolean relevant) {
        return of(decisionId, time.toEpochMilli(), score, relevant);
    }
}
