package org.systemarena.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.Severity;
import org.systemarena.decision.RuleCounts;

/**
 * The replay of one policy over a log: every decision trace (in global replay order: time, case id, sequence, rule),
 * the cases that had decision points, the per-rule extraction counts, and the counts derived from them.
 */
public final class BenchmarkResult {
    private final String policyName;
    private final List<CaseResult> cases;
    private final List<DecisionTrace> traces;
    private final List<RuleCounts> ruleCounts;
    private final List<ConstraintSpec> constraints;
    private final int logCases;
    private final int logEvents;
    private final boolean truncated;

    BenchmarkResult(String policyName, List<CaseResult> cases, List<DecisionTrace> traces, List<RuleCounts> ruleCounts,
                    List<ConstraintSpec> constraints, int logCases, int logEvents, boolean truncated) {
        this.policyName = policyName;
        this.cases = List.copyOf(cases);
        this.traces = List.copyOf(traces);
        this.ruleCounts = List.copyOf(ruleCounts);
        this.constraints = List.copyOf(constraints);
        this.logCases = logCases;
        this.logEvents = logEvents;
        this.truncated = truncated;
    }

    public String policyName() {
        return policyName;
    }

    /** Cases with at least one decision point, in case order. */
    public List<CaseResult> cases() {
        return cases;
    }

    /** Every decision trace, in global replay order. */
    public List<DecisionTrace> traces() {
        return traces;
    }

    /** Per decision-point rule: trigger matches, decision points, false conditions and evaluation errors. */
    public List<RuleCounts> ruleCounts() {
        return ruleCounts;
    }

    public List<ConstraintSpec> constraints() {
        return constraints;
    }

    public int logCases() {
        return logCases;
    }

    public int logEvents() {
        return logEvents;
    }

    /** Whether {@code maxDecisionPoints} cut the run short. */
    public boolean truncated() {
        return truncated;
    }

    public int decisionPoints() {
        return traces.size();
    }

    /** Decision points with a valid decision. */
    public long decisions() {
        return traces.stream().filter(t -> !t.hasError()).count();
    }

    /** Decision points whose decision an error voided. */
    public long failedDecisions() {
        return traces.stream().filter(DecisionTrace::hasError).count();
    }

    public Map<DecisionError.Kind, Long> errorsByKind() {
        Map<DecisionError.Kind, Long> m = new EnumMap<>(DecisionError.Kind.class);
        for (DecisionTrace t : traces) {
            for (DecisionError e : t.errors()) {
                m.merge(e.kind(), 1L, Long::sum);
            }
        }
        return m;
    }

    /** Decided actions and how often, sorted by action name. */
    public Map<String, Long> actionDistribution() {
        Map<String, Long> m = new TreeMap<>();
        for (DecisionTrace t : traces) {
            if (t.action() != null) {
                m.merge(t.action(), 1L, Long::sum);
            }
        }
        return m;
    }

    /** Violations per constraint (manifest order), each with its severity and count. */
    public Map<String, Long> violationsByConstraint() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        constraints.forEach(c -> m.put(c.name(), 0L));
        for (DecisionTrace t : traces) {
            for (Violation v : t.violations()) {
                m.merge(v.constraint(), 1L, Long::sum);
            }
        }
        return m;
    }

    public Map<Severity, Long> violationsBySeverity() {
        Map<Severity, Long> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0L);
        }
        for (DecisionTrace t : traces) {
            for (Violation v : t.violations()) {
                m.merge(v.severity(), 1L, Long::sum);
            }
        }
        return m;
    }

    public long totalViolations() {
        return traces.stream().mapToLong(t -> t.violations().size()).sum();
    }

    /** Decisions with at least one violation of severity {@code >= minimum}. */
    public long decisionsWithViolation(Severity minimum) {
        return traces.stream().filter(t -> t.violations().stream()
                .anyMatch(v -> v.severity().compareTo(minimum) >= 0)).count();
    }

    /** Decision points with both a logged action and a valid decision. */
    public long comparableDecisions() {
        return traces.stream().filter(t -> t.matchesLogged() != null).count();
    }

    public long matchingDecisions() {
        return traces.stream().filter(t -> Boolean.TRUE.equals(t.matchesLogged())).count();
    }

    /** A plain-text summary for consoles and logs. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("Policy: ").append(policyName).append('\n');
        sb.append(String.format(Locale.ROOT, "Decision points: %d in %d cases (log: %d cases, %d events)%s%n",
                decisionPoints(), cases.size(), logCases, logEvents, truncated ? " [truncated]" : ""));
        for (RuleCounts r : ruleCounts) {
            sb.append(String.format(Locale.ROOT, "  rule %-24s triggers %d, decision points %d, condition false %d,"
                    + " errors %d%n", r.rule(), r.triggerMatches(), r.decisionPoints(), r.conditionFalse(), r.errors()));
        }
        sb.append(String.format(Locale.ROOT, "Decisions: %d valid, %d failed", decisions(), failedDecisions()));
        Map<DecisionError.Kind, Long> errors = errorsByKind();
        if (!errors.isEmpty()) {
            sb.append(' ').append(errors);
        }
        sb.append('\n');
        long valid = decisions();
        List<Map.Entry<String, Long>> actions = new ArrayList<>(actionDistribution().entrySet());
        actions.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        sb.append("Actions:");
        for (Map.Entry<String, Long> e : actions) {
            sb.append(String.format(Locale.ROOT, " %s %d (%.1f%%)", e.getKey(), e.getValue(), pct(e.getValue(), valid)));
        }
        sb.append('\n');
        long comparable = comparableDecisions();
        sb.append(String.format(Locale.ROOT, "Agreement with logged action: %.1f%% of %d decision points with one%n",
                pct(matchingDecisions(), comparable), comparable));
        long violating = decisionsWithViolation(Severity.VIOLATION);
        sb.append(String.format(Locale.ROOT, "Violations: %d (decisions with severity >= violation: %d, rate %.2f%%,"
                + " %.1f per 1,000 decisions)%n", totalViolations(), violating, pct(violating, valid),
                valid == 0 ? 0.0 : 1000.0 * violating / valid));
        Map<String, Long> byConstraint = violationsByConstraint();
        for (ConstraintSpec c : constraints) {
            sb.append(String.format(Locale.ROOT, "  %-24s [%s] %d%n", c.name(), c.severity().label(),
                    byConstraint.get(c.name())));
        }
        return sb.toString();
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0.0 : 100.0 * part / whole;
    }

    @Override
    public String toString() {
        return "BenchmarkResult[" + policyName + ", " + traces.size() + " decision points]";
    }
}
