package org.systemarena.policy;

import java.util.SplittableRandom;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.Timestamps;

/**
 * A random source for one decision, derived from a policy seed and the decision point's identity (case id, time,
 * number of visible events). The same seed and log give the same draws however many threads replay the log.
 */
public final class DecisionRandom {
    private DecisionRandom() {
    }

    public static SplittableRandom forSnapshot(long seed, CaseSnapshot snapshot) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = mix(h ^ snapshot.caseId().hashCode());
        h = mix(h ^ Timestamps.toMicros(snapshot.asOf()));
        Object count = snapshot.get("total_events");
        h = mix(h ^ (count instanceof Number n ? n.longValue() : 0L));
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
