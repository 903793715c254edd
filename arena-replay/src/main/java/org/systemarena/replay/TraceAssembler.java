package org.systemarena.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.decision.RuleCounts;
import org.systemarena.policy.Policy;

/** Concatenates replay chunks (in case order) into one {@link TraceTable} per policy and sorts the replay order. */
final class TraceAssembler {
    private TraceAssembler() {
    }

    static List<BenchmarkResult> assemble(EventLog log, List<Policy> policies, List<TraceChunk> chunks,
                                          List<String> ruleNames, List<ConstraintSpec> constraints, boolean truncated) {
        List<RuleCounts> ruleCounts = new ArrayList<>(ruleNames.size());
        ruleNames.forEach(r -> ruleCounts.add(RuleCounts.zero(r)));
        int rows = 0;
        int cases = 0;
        for (TraceChunk chunk : chunks) {
            rows += chunk.points.size;
            cases += chunk.points.cases;
            for (List<RuleCounts> caseCounts : chunk.counts) {
                for (int r = 0; r < caseCounts.size(); r++) {
                    ruleCounts.set(r, ruleCounts.get(r).plus(caseCounts.get(r)));
                }
            }
        }

        NameCodes actions = new NameCodes();
        NameCodes outcomes = new NameCodes();
        PointColumns points = new PointColumns(rows, cases);
        PolicyColumns[] columns = new PolicyColumns[policies.size()];
        for (int p = 0; p < columns.length; p++) {
            columns[p] = new PolicyColumns(rows, constraints.size());
        }
        for (TraceChunk chunk : chunks) {
            int[] actionMap = actions.mapFrom(chunk.actions);
            points.append(chunk.points, actionMap, outcomes.mapFrom(chunk.outcomes));
            for (int p = 0; p < columns.length; p++) {
                columns[p].append(chunk.policies[p], actionMap);
            }
        }
        int[] order = replayOrder(points.sortKey, rows, log.size(), ruleNames.size());
        points.sortKey = null;
        List<String> actionNames = actions.names();
        List<BenchmarkResult> results = new ArrayList<>(policies.size());
        for (int p = 0; p < columns.length; p++) {
            TraceTable table = new TraceTable(policies.get(p).name(), log, ruleNames, actionNames, outcomes,
                    constraints, points, columns[p], order);
            results.add(new BenchmarkResult(table, ruleCounts, log.caseCount(), log.size(), truncated));
        }
        return List.copyOf(results);
    }

    /**
     * Rows sorted by their keys ({@code replay rank << 16 | rule}, unique per decision point). The keys are
     * re-packed as {@code (rank * rules + rule) << rowBits | row} so one primitive sort does it; only a run too big
     * for 63 bits falls back to sorting boxed indices.
     */
    static int[] replayOrder(long[] keys, int rows, int logSize, int rules) {
        int rowBits = 64 - Long.numberOfLeadingZeros(Math.max(1, rows));
        long maxKey = (long) logSize * Math.max(1, rules);
        int keyBits = 64 - Long.numberOfLeadingZeros(Math.max(1, maxKey));
        int[] order = new int[rows];
        if (rowBits + keyBits <= 63) {
            long[] packed = new long[rows];
            int r = Math.max(1, rules);
            for (int i = 0; i < rows; i++) {
                long compact = (keys[i] >>> 16) * r + (keys[i] & 0xFFFF);
                packed[i] = (compact << rowBits) | i;
            }
            Arrays.sort(packed);
            long mask = (1L << rowBits) - 1;
            for (int i = 0; i < rows; i++) {
                order[i] = (int) (packed[i] & mask);
            }
            return order;
        }
        Integer[] boxed = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(keys[a], keys[b]));
        for (int i = 0; i < rows; i++) {
            order[i] = boxed[i];
        }
        return order;
    }
}
