package org.systemarena.eval.stats;

import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.Severity;

/**
 * SPEC §7 violation rate: decisions with at least one violation of severity {@code violation} or above, divided by
 * decisions; also per 1,000 decisions. Both {@code NaN} when there are no decisions.
 */
public record ViolationRate(long decisions, long violatingDecisions, double rate, double perThousand) {
    /** Code for "no constraint fired" in per-decision severity arrays. */
    public static final int NONE = -1;

    public static ViolationRate of(long decisions, long violatingDecisions) {
        if (decisions < 0 || violatingDecisions < 0 || violatingDecisions > decisions) {
            throw new ArenaException("violation rate needs 0 <= violating decisions <= decisions, got "
                    + violatingDecisions + " of " + decisions);
        }
        double rate = decisions == 0 ? Double.NaN : (double) violatingDecisions / decisions;
        return new ViolationRate(decisions, violatingDecisions, rate, rate * 1000.0);
    }

    /**
     * From each decision's highest fired severity, as a {@link Severity} ordinal or {@link #NONE}.
     */
    public static ViolationRate fromHighestSeverities(int[] highestSeverity) {
        return of(highestSeverity.length, countAtLeast(highestSeverity, Severity.VIOLATION));
    }

    public static long countAtLeast(int[] highestSeverity, Severity threshold) {
        int max = Severity.values().length - 1;
        long c = 0;
        for (int i = 0; i < highestSeverity.length; i++) {
            int s = highestSeverity[i];
            if (s < NONE || s > max) {
                throw new ArenaException("violation rate: severity code " + s + " at decision " + i
                        + " is outside [-1, " + max + "]");
            }
            if (s >= threshold.ordinal()) {
                c++;
            }
        }
        return c;
    }
}
