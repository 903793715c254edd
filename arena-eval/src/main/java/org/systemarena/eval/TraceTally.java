package org.systemarena.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.Severity;
import org.systemarena.decision.RuleCounts;
import org.systemarena.eval.stats.Agreement;
import org.systemarena.eval.stats.ViolationRate;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.DecisionError;
import org.systemarena.replay.TraceTable;

/**
 * Everything the per-decision metrics need, gathered in one pass over a policy's {@link TraceTable} rows (a large
 * log has millions; the pass reads primitive columns in row order and builds no object per row). Actions are coded
 * in the report's {@link ActionOrder}.
 */
final class TraceTally {
    private final Map<String, long[]> byRule = new LinkedHashMap<>();
    private final Map<DecisionError.Kind, Long> errors = new EnumMap<>(DecisionError.Kind.class);
    private final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    private final Map<String, Long> byConstraint = new LinkedHashMap<>();
    private final Map<String, Severity> severity = new HashMap<>();
    /** Logged and decided action codes per row (row order: agreement only counts). */
    final int[] logged;
    final int[] decided;
    long valid;
    long failed;
    long violations;
    long violating;

    private TraceTally(int n) {
        logged = new int[n];
        decided = new int[n];
    }

    /** {@code actionMap} maps the table's action codes onto the report's action order. */
    static TraceTally of(BenchmarkResult r, int[] actionMap) {
        TraceTable table = r.table();
        int n = table.size();
        TraceTally t = new TraceTally(n);
        for (RuleCounts c : r.ruleCounts()) {
            t.byRule.put(c.rule(), new long[2]);
        }
        List<String> rules = table.rules();
        long[][] perRule = new long[rules.size()][2];
        for (Severity s : Severity.values()) {
            t.bySeverity.put(s, 0L);
        }
        List<ConstraintSpec> constraints = table.constraints();
        for (ConstraintSpec c : constraints) {
            t.byConstraint.put(c.name(), 0L);
            t.severity.put(c.name(), c.severity());
        }
        int m = constraints.size();
        long[] perConstraint = new long[m];
        boolean[] counts = new boolean[m];
        for (int c = 0; c < m; c++) {
            counts[c] = constraints.get(c).severity().compareTo(Severity.VIOLATION) >= 0;
        }
        long[] errorKinds = new long[DecisionError.Kind.values().length];
        for (int row = 0; row < n; row++) {
            boolean error = table.hasError(row);
            perRule[table.ruleIndex(row)][error ? 1 : 0]++;
            if (error) {
                t.failed++;
            } else {
                t.valid++;
            }
            for (DecisionError e : table.errors(row)) {
                errorKinds[e.kind().ordinal()]++;
            }
            t.logged[row] = ActionOrder.code(actionMap, table.loggedActionCode(row));
            t.decided[row] = ActionOrder.code(actionMap, table.actionCode(row));
            boolean violatingRow = false;
            for (int c = 0; c < m; c++) {
                if (table.violated(row, c)) {
                    perConstraint[c]++;
                    violatingRow |= counts[c];
                }
            }
            if (violatingRow) {
                t.violating++;
            }
        }
        // Rules the extraction did not count (none in practice) follow in rule order.
        for (int i = 0; i < rules.size(); i++) {
            if (perRule[i][0] + perRule[i][1] > 0 || t.byRule.containsKey(rules.get(i))) {
                long[] slot = t.byRule.computeIfAbsent(rules.get(i), k -> new long[2]);
                slot[0] += perRule[i][0];
                slot[1] += perRule[i][1];
            }
        }
        for (DecisionError.Kind k : DecisionError.Kind.values()) {
            if (errorKinds[k.ordinal()] > 0) {
                t.errors.put(k, errorKinds[k.ordinal()]);
            }
        }
        for (int c = 0; c < m; c++) {
            ConstraintSpec spec = constraints.get(c);
            t.violations += perConstraint[c];
            t.bySeverity.merge(spec.severity(), perConstraint[c], Long::sum);
            t.byConstraint.merge(spec.name(), perConstraint[c], Long::sum);
        }
        return t;
    }

    DecisionCounts decisions() {
        List<RuleDecisions> rules = new ArrayList<>();
        byRule.forEach((rule, c) -> rules.add(new RuleDecisions(rule, c[0] + c[1], c[0], c[1])));
        Map<String, Long> kinds = new LinkedHashMap<>();
        errors.forEach((k, n) -> kinds.put(k.name().toLowerCase(Locale.ROOT), n));
        return new DecisionCounts(valid + failed, valid, failed, kinds, rules);
    }

    /** Counts per action in the report's action order. */
    List<ActionCount> actions(List<String> actions) {
        long[] counts = new long[actions.size()];
        for (int d : decided) {
            if (d != Agreement.NONE) {
                counts[d]++;
            }
        }
        List<ActionCount> out = new ArrayList<>(actions.size());
        for (int a = 0; a < actions.size(); a++) {
            out.add(new ActionCount(actions.get(a), counts[a], valid == 0 ? Double.NaN : (double) counts[a] / valid));
        }
        return out;
    }

    ViolationSummary violations() {
        List<ConstraintViolations> list = new ArrayList<>();
        byConstraint.forEach((name, n) -> list.add(new ConstraintViolations(name, severity.get(name), n)));
        return new ViolationSummary(violations, bySeverity, list, ViolationRate.of(valid, violating));
    }
}
