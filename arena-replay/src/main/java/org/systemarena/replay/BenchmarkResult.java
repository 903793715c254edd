package org.systemarena.replay;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.decision.RuleCounts;

/**
 * The replay of one policy over a log: the manifest it ran with, every decision trace (in global replay order: time,
 * case id, sequence, rule), the cases that had decision points, the per-rule extraction counts, and the numbers of
 * valid and failed decisions. Metrics over the traces are computed once, by arena-eval's {@code Evaluation}.
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

    /**
     * A plain-text summary for consoles and logs: the decision points per rule and the valid and failed decisions.
     * The metrics (actions, agreement, violations, ranking, conversion) are arena-eval's {@code Evaluation}, computed
     * once for every policy of a run.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("Policy: ").append(policyName()).append('\n');
        sb.append(String.format(Locale.ROOT, "Decision points: %d in %d cases (log: %d cases, %d events)%s%n",
                decisionPoints(), table.caseCount(), logCases, logEvents, truncated ? " [truncated]" : ""));
        for (RuleCounts r : ruleCounts) {
            sb.append(String.format(Locale.ROOT, "  rule %-24s triggers %d, decision points %d, condition false %d,"
                    + " errors %d%n", r.rule(), r.triggerMatches(), r.decisionPoints(), r.conditionFalse(), r.errors()));
        }
        sb.append(String.format(Locale.ROOT, "Decisions: %d valid, %d failed%n", decisions(), failedDecisions()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "BenchmarkResult[" + policyName() + ", " + table.size() + " decision points]";
    }
}
