package org.systemarena.replay;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.systemarena.core.manifest.Severity;

/**
 * What the tests check a replay recorded, counted straight off its trace table (the metrics themselves are
 * arena-eval's: {@code Evaluation}).
 */
final class Counts {
    private Counts() {
    }

    static Map<DecisionError.Kind, Long> errorsByKind(BenchmarkResult r) {
        Map<DecisionError.Kind, Long> m = new EnumMap<>(DecisionError.Kind.class);
        for (DecisionTrace t : r.traces()) {
            t.errors().forEach(e -> m.merge(e.kind(), 1L, Long::sum));
        }
        return m;
    }

    /** Decided actions by name (sorted). */
    static Map<String, Long> actions(BenchmarkResult r) {
        Map<String, Long> m = new TreeMap<>();
        for (DecisionTrace t : r.traces()) {
            if (t.action() != null) {
                m.merge(t.action(), 1L, Long::sum);
            }
        }
        return m;
    }

    /** Violations per constraint, in the run's order. */
    static Map<String, Long> violationsByConstraint(BenchmarkResult r) {
        Map<String, Long> m = new LinkedHashMap<>();
        r.constraints().forEach(c -> m.put(c.name(), 0L));
        for (DecisionTrace t : r.traces()) {
            t.violations().forEach(v -> m.merge(v.constraint(), 1L, Long::sum));
        }
        return m;
    }

    static Map<Severity, Long> violationsBySeverity(BenchmarkResult r) {
        Map<Severity, Long> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0L);
        }
        for (DecisionTrace t : r.traces()) {
            t.violations().forEach(v -> m.merge(v.severity(), 1L, Long::sum));
        }
        return m;
    }

    static long violations(BenchmarkResult r) {
        return r.traces().stream().mapToLong(t -> t.violations().size()).sum();
    }

    /** Decisions with at least one violation of severity {@code minimum} or above. */
    static long decisionsWithViolation(BenchmarkResult r, Severity minimum) {
        return r.traces().stream().filter(t -> t.violations().stream()
                .anyMatch(v -> v.severity().compareTo(minimum) >= 0)).count();
    }

    /** Decision points with a logged action and a valid decision. */
    static long comparable(BenchmarkResult r) {
        return r.traces().stream().filter(t -> t.loggedAction() != null && t.action() != null).count();
    }

    /** Comparable decision points where the decision is the logged action. */
    static long matching(BenchmarkResult r) {
        return r.traces().stream().filter(t -> Boolean.TRUE.equals(t.matchesLogged())).count();
    }
}
