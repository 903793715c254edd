package org.systemarena.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.manifest.Severity;
import org.systemarena.eval.stats.ViolationRate;

/**
 * A policy's constraint violations (SPEC §7): the total, per severity (every severity listed, in increasing order),
 * per constraint (in the order the run declared them) and the rate of valid decisions with at least one violation
 * of severity {@code violation} or above, also per 1,000 decisions.
 */
public record ViolationSummary(long total, Map<Severity, Long> bySeverity, List<ConstraintViolations> byConstraint,
                               ViolationRate rate) {
    public ViolationSummary {
        Map<Severity, Long> copy = new EnumMap<>(Severity.class);
        copy.putAll(bySeverity);
        bySeverity = java.util.Collections.unmodifiableMap(copy);
        byConstraint = List.copyOf(byConstraint);
    }

    /** Violations of severity {@code minimum} or above: what a gate such as {@code --max-violations} counts. */
    public long atLeast(Severity minimum) {
        long n = 0;
        for (Map.Entry<Severity, Long> e : bySeverity.entrySet()) {
            if (e.getKey().compareTo(minimum) >= 0) {
                n += e.getValue();
            }
        }
        return n;
    }
}
