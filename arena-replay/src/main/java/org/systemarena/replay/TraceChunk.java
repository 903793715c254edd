package org.systemarena.replay;

import java.util.ArrayList;
import java.util.List;
import org.systemarena.decision.RuleCounts;
import org.systemarena.decision.SnapshotReader;

/**
 * The replay of a run of consecutive cases by one worker: the shared decision-point columns, one policy column set
 * per policy, chunk-local action and outcome codes, and each case's extraction counts (cases without decision
 * points included). Chunks are concatenated in case order, so any thread count gives the same table.
 */
final class TraceChunk {
    final int firstCase;
    final PointColumns points;
    final PolicyColumns[] policies;
    final NameCodes actions = new NameCodes();
    final NameCodes outcomes = new NameCodes();
    final List<List<RuleCounts>> counts = new ArrayList<>();

    final SnapshotReader.Cursor snapshots;

    TraceChunk(int firstCase, int caseCapacity, int policyCount, int constraintCount, SnapshotLayout layout) {
        this.firstCase = firstCase;
        int rows = caseCapacity * 8;
        this.points = new PointColumns(rows, caseCapacity, layout, caseCapacity * 2);
        this.snapshots = layout.reader.cursor();
        this.policies = new PolicyColumns[policyCount];
        for (int p = 0; p < policyCount; p++) {
            policies[p] = new PolicyColumns(rows, constraintCount);
        }
    }

    /** Log cases replayed (with or without decision points). */
    int logCases() {
        return counts.size();
    }

    /** Decision points of the chunk's {@code i}-th log case. */
    int pointsOfLogCase(int i) {
        return pointCounts.get(i);
    }

    private final List<Integer> pointCounts = new ArrayList<>();

    void endLogCase(List<RuleCounts> caseCounts, int points) {
        counts.add(caseCounts);
        pointCounts.add(points);
    }

    /**
     * Keeps the first {@code logCases} log cases, the last of them with only {@code keepPoints} decision points
     * (when it has more).
     */
    void truncate(int logCases, int keepPoints) {
        int rows = 0;
        int casesWithPoints = 0;
        for (int i = 0; i < logCases; i++) {
            int n = pointCounts.get(i);
            if (i == logCases - 1) {
                n = Math.min(n, keepPoints);
            }
            rows += n;
            casesWithPoints += n > 0 ? 1 : 0;
        }
        counts.subList(logCases, counts.size()).clear();
        pointCounts.subList(logCases, pointCounts.size()).clear();
        points.truncate(casesWithPoints, rows);
        for (PolicyColumns p : policies) {
            p.truncate(rows);
        }
    }
}
