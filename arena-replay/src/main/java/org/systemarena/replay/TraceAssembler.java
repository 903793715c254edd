package org.systemarena.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.systemarena.core.EventLog;
import org.systemarena.core.TimeSort;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.decision.RuleCounts;
import org.systemarena.policy.Policy;

/** Concatenates replay chunks (in case order) into one {@link TraceTable} per policy and sorts the replay order. */
final class TraceAssembler {
    private TraceAssembler() {
    }

    static List<BenchmarkResult> assemble(Manifest manifest, EventLog log, List<Policy> policies,
                                          List<TraceChunk> chunks,
                                          List<String> ruleNames, List<ConstraintSpec> constraints,
                                          SnapshotLayout layout, boolean truncated) {
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
        PointColumns points = new PointColumns(rows, cases, layout, rows);
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
        points.complete();
        int[] order = replayOrder(points, log);
        List<String> actionNames = actions.names();
        List<BenchmarkResult> results = new ArrayList<>(policies.size());
        for (int p = 0; p < columns.length; p++) {
            TraceTable table = new TraceTable(policies.get(p).name(), log, ruleNames, actionNames, outcomes,
                    constraints, points, columns[p], order);
            results.add(new BenchmarkResult(manifest, table, ruleCounts, log.caseCount(), log.size(), truncated));
        }
        return List.copyOf(results);
    }

    /**
     * Rows in global replay order (time, case id, sequence, rule): rows of cases in case-id order (each case's rows
     * are already in its own order: trigger row, then rule), then a stable sort by time.
     */
    static int[] replayOrder(PointColumns points, EventLog log) {
        int[] withPoints = new int[log.caseCount()];
        Arrays.fill(withPoints, -1);
        for (int c = 0; c < points.cases; c++) {
            withPoints[points.logCase[c]] = c;
        }
        int[] order = new int[points.size];
        int k = 0;
        for (int logCase : log.caseIdOrder()) {
            int c = withPoints[logCase];
            if (c >= 0) {
                for (int row = points.caseStart[c]; row < points.caseStart[c + 1]; row++) {
                    order[k++] = row;
                }
            }
        }
        TimeSort.stableByTime(order, points.timeMicros);
        return order;
    }
}
