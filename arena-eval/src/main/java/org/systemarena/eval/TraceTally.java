package org.systemarena.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.core.manifest.Severity;
import org.systemarena.eval.ranking.RankedItem;
import org.systemarena.eval.stats.Agreement;
import org.systemarena.eval.stats.ViolationRate;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.replay.DecisionError;
import org.systemarena.replay.DecisionTrace;
import org.systemarena.replay.Violation;

/**
 * Everything the per-decision metrics need, gathered in one pass over a policy's traces (a large log has millions;
 * one pass touches each trace object once). Actions are coded by the tally's own {@link ActionCodes}, which grows
 * when a log or a policy uses an action the manifest does not declare; {@link #recode} then maps every policy's
 * codes onto one shared list.
 */
final class TraceTally {
    private final Map<String, long[]> byRule = new LinkedHashMap<>();
    private final Map<DecisionError.Kind, Long> errors = new EnumMap<>(DecisionError.Kind.class);
    private final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    private final Map<String, Long> byConstraint = new LinkedHashMap<>();
    private final Map<String, Severity> severity = new HashMap<>();
    final int[] logged;
    final int[] decided;
    final List<RankedItem> items;
    long valid;
    long failed;
    long violations;
    long violating;

    private final ActionCodes codes;

    private TraceTally(int n, ActionCodes codes) {
        this.codes = codes;
        logged = new int[n];
        decided = new int[n];
        items = new ArrayList<>(n);
    }

    static TraceTally of(BenchmarkResult r, ActionCodes codes) {
        List<DecisionTrace> traces = r.traces();
        TraceTally t = new TraceTally(traces.size(), codes);
        r.ruleCounts().forEach(c -> t.byRule.put(c.rule(), new long[2]));
        for (Severity s : Severity.values()) {
            t.bySeverity.put(s, 0L);
        }
        for (ConstraintSpec c : r.constraints()) {
            t.byConstraint.put(c.name(), 0L);
            t.severity.put(c.name(), c.severity());
        }
        for (int i = 0; i < traces.size(); i++) {
            t.add(i, traces.get(i), codes);
        }
        return t;
    }

    private void add(int i, DecisionTrace trace, ActionCodes codes) {
        boolean error = trace.hasError();
        byRule.computeIfAbsent(trace.rule(), k -> new long[2])[error ? 1 : 0]++;
        if (error) {
            failed++;
        } else {
            valid++;
        }
        for (DecisionError e : trace.errors()) {
            errors.merge(e.kind(), 1L, Long::sum);
        }
        logged[i] = codes.code(trace.loggedAction());
        decided[i] = codes.code(trace.action());
        boolean counts = false;
        for (Violation v : trace.violations()) {
            violations++;
            bySeverity.merge(v.severity(), 1L, Long::sum);
            byConstraint.merge(v.constraint(), 1L, Long::sum);
            severity.putIfAbsent(v.constraint(), v.severity());
            counts |= v.severity().compareTo(Severity.VIOLATION) >= 0;
        }
        if (counts) {
            violating++;
        }
        Double score = error ? null : trace.decision().score();
        items.add(RankedItem.of(trace.decisionId(), trace.time().toEpochMilli(), score == null ? Double.NaN : score,
                trace.outcomeCategory() == OutcomeCategory.POSITIVE));
    }

    /** Re-codes this tally's actions into {@code shared}, adding the ones it lacks in this tally's order. */
    void recode(ActionCodes shared) {
        List<String> own = codes.names;
        int[] map = new int[own.size()];
        for (int a = 0; a < map.length; a++) {
            map[a] = shared.code(own.get(a));
        }
        for (int i = 0; i < logged.length; i++) {
            logged[i] = logged[i] == Agreement.NONE ? Agreement.NONE : map[logged[i]];
            decided[i] = decided[i] == Agreement.NONE ? Agreement.NONE : map[decided[i]];
        }
    }

    DecisionCounts decisions() {
        List<RuleDecisions> rules = new ArrayList<>();
        byRule.forEach((rule, c) -> rules.add(new RuleDecisions(rule, c[0] + c[1], c[0], c[1])));
        Map<String, Long> kinds = new LinkedHashMap<>();
        errors.forEach((k, n) -> kinds.put(k.name().toLowerCase(Locale.ROOT), n));
        return new DecisionCounts(valid + failed, valid, failed, kinds, rules);
    }

    /** Counts per action in the final code order (codes never change once given, the list only grows). */
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

    /**
     * Action codes: the manifest's action types in declared order, then other actions in the order first met
     * (traces are in global replay order and tallies are re-coded in result order, so that order is deterministic).
     */
    static final class ActionCodes {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        ActionCodes(List<String> declared) {
            declared.forEach(this::code);
        }

        int code(String action) {
            if (action == null) {
                return Agreement.NONE;
            }
            Integer c = codes.get(action);
            if (c == null) {
                c = names.size();
                codes.put(action, c);
                names.add(action);
            }
            return c;
        }

        List<String> names() {
            return List.copyOf(names);
        }
    }
}
