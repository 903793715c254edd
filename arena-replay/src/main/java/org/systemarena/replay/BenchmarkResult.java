package org.systemarena.replay;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.Severity;
import org.systemarena.decision.RuleCounts;

/**
 * The replay of one policy over a log: every decision trace (in global replay order: time, case id, sequence, rule),
 * the cases that had decision points, the per-rule extraction counts, and the counts derived from them.
 */
public final class BenchmarkResult {
    private final Manifest manifest;
    private final TraceTable table;
    private final List<RuleCounts> ruleCounts;
    private final int logCases;
    private final int logEvents;
    private final boolean truncated;
    private final List<DecisionTrace> traces;
    private final List<CaseResult> cases;

    BenchmarkResult(Manifest manifest, TraceTable table, List<RuleCounts> ruleCounts, int logCases, int logEvents,
                    boolean truncated) {
        this.manifest = manifest;
        this.table = table;
        this.ruleCounts = List.copyOf(ruleCounts);
        this.logCases = logCases;
        this.logEvents = logEvents;
        this.truncated = truncated;
        this.traces = new AbstractList<>() {
            @Override
            public DecisionTrace get(int position) {
                return table.trace(table.replayRow(position));
            }

            @Override
            public int size() {
                return table.size();
            }
        };
        this.cases = new AbstractList<>() {
            @Override
            public CaseResult get(int c) {
                List<DecisionTrace> caseTraces = new ArrayList<>();
                for (int row = table.caseStart(c); row < table.caseStart(c + 1); row++) {
                    caseTraces.add(table.trace(row));
                }
                return new CaseResult(table.caseId(c), table.caseOutcome(c), caseTraces);
            }

            @Override
            public int size() {
                return table.caseCount();
            }
        };
    }

    public String policyName() {
        return table.policyName();
    }

    /**
     * The manifest the replay ran with: the workflow's, with the {@link BenchmarkConfig}'s decision rules and
     * constraints when it overrides them.
     */
    public Manifest manifest() {
        return manifest;
    }

    /** The replay as columns: what metrics over many decision points should read. */
    public TraceTable table() {
        return table;
    }

    /** Cases with at least one decision point, in case order (each built from the table when read). */
    public List<CaseResult> cases() {
        return cases;
    }

    /** Every decision trace, in global replay order (each built from the table when read). */
    public List<DecisionTrace> traces() {
        return traces;
    }

    /** Per decision-point rule: trigger matches, decision points, false conditions and evaluation errors. */
    public List<RuleCounts> ruleCounts() {
        return ruleCounts;
    }

    public List<ConstraintSpec> constraints() {
        return table.constraints();
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
        return table.size();
    }

    /** Decision points with a valid decision. */
    public long decisions() {
        return table.size() - failedDecisions();
    }

    /** Decision points whose decision an error voided. */
    public long failedDecisions() {
        long n = 0;
        for (int row = 0; row < table.size(); row++) {
            n += table.hasError(row) ? 1 : 0;
        }
        return n;
    }

    public Map<DecisionError.Kind, Long> errorsByKind() {
        Map<DecisionError.Kind, Long> m = new EnumMap<>(DecisionError.Kind.class);
        for (int row = 0; row < table.size(); row++) {
            for (DecisionError e : table.errors(row)) {
                m.merge(e.kind(), 1L, Long::sum);
            }
        }
        return m;
    }

    /** Decided actions and how often, sorted by action name. */
    public Map<String, Long> actionDistribution() {
        long[] counts = new long[table.actions().size()];
        for (int row = 0; row < table.size(); row++) {
            int a = table.actionCode(row);
            if (a != TraceTable.NONE) {
                counts[a]++;
            }
        }
        Map<String, Long> m = new TreeMap<>();
        for (int a = 0; a < counts.length; a++) {
            if (counts[a] > 0) {
                m.put(table.actions().get(a), counts[a]);
            }
        }
        return m;
    }

    /** Violations per constraint (manifest order), each with its severity and count. */
    public Map<String, Long> violationsByConstraint() {
        long[] counts = violationCounts();
        Map<String, Long> m = new LinkedHashMap<>();
        for (int c = 0; c < counts.length; c++) {
            m.merge(table.constraints().get(c).name(), counts[c], Long::sum);
        }
        return m;
    }

    public Map<Severity, Long> violationsBySeverity() {
        long[] counts = violationCounts();
        Map<Severity, Long> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0L);
        }
        for (int c = 0; c < counts.length; c++) {
            m.merge(table.constraints().get(c).severity(), counts[c], Long::sum);
        }
        return m;
    }

    public long totalViolations() {
        long n = 0;
        for (long c : violationCounts()) {
            n += c;
        }
        return n;
    }

    private long[] violationCounts() {
        int constraints = table.constraints().size();
        long[] counts = new long[constraints];
        for (int row = 0; row < table.size(); row++) {
            for (int c = 0; c < constraints; c++) {
                counts[c] += table.violated(row, c) ? 1 : 0;
            }
        }
        return counts;
    }

    /** Decisions with at least one violation of severity {@code >= minimum}. */
    public long decisionsWithViolation(Severity minimum) {
        List<ConstraintSpec> specs = table.constraints();
        long n = 0;
        for (int row = 0; row < table.size(); row++) {
            for (int c = 0; c < specs.size(); c++) {
                if (table.violated(row, c) && specs.get(c).severity().compareTo(minimum) >= 0) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** Decision points with both a logged action and a valid decision. */
    public long comparableDecisions() {
        long n = 0;
        for (int row = 0; row < table.size(); row++) {
            n += table.comparable(row) ? 1 : 0;
        }
        return n;
    }

    public long matchingDecisions() {
        long n = 0;
        for (int row = 0; row < table.size(); row++) {
            n += table.matchesLogged(row) ? 1 : 0;
        }
        return n;
    }

    /** A plain-text summary for consoles and logs. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("Policy: ").append(policyName()).append('\n');
        sb.append(String.format(Locale.ROOT, "Decision points: %d in %d cases (log: %d cases, %d events)%s%n",
                decisionPoints(), table.caseCount(), logCases, logEvents, truncated ? " [truncated]" : ""));
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
        for (ConstraintSpec c : constraints()) {
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
        return "BenchmarkResult[" + policyName() + ", " + table.size() + " decision points]";
    }
}
