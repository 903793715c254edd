package org.systemarena.replay;

import java.util.Arrays;
import java.util.Map;
import org.systemarena.core.Timestamps;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.decision.CaseOutcome;
import org.systemarena.decision.DecisionPoint;
import org.systemarena.decision.SnapshotReader;

/**
 * What every policy of a run shares about the decision points: one row per decision point, cases in case order and
 * points in case order within them. Filled by a replay chunk, then concatenated; the arrays are never handed out.
 * Actions and outcomes are codes in a {@link NameCodes} of the builder (chunk-local until assembly re-codes them).
 * Snapshot values (summary and behaviour features) are one {@link SnapshotColumn} per name of the
 * {@link SnapshotLayout}; logged distributions are rows of a compressed sparse table (row start, action code,
 * probability), allocated when the first one arrives.
 */
final class PointColumns implements SnapshotReader.Sink {
    private static final OutcomeCategory[] CATEGORIES = OutcomeCategory.values();

    int size;
    int cases;
    // per case (only cases with decision points)
    String[] caseIds;
    CaseOutcome[] caseOutcomes;
    int[] logCase;
    int[] caseStart;
    // per row
    int[] caseOf;
    int[] triggerRow;
    int[] rule;
    long[] timeMicros;
    int[] loggedAction;
    double[] loggedPropensity;
    int[] outcome;
    byte[] outcomeCategory;
    final SnapshotLayout layout;
    final SnapshotColumn[] snapshot;
    // logged distributions: row r's entries are [distStart[r], distStart[r + 1]); null until a row has one
    int[] distStart;
    int[] distAction;
    double[] distProbability;

    /**
     * Columns with room for {@code rowCapacity} rows; snapshot columns start with room for {@code snapshotCapacity}
     * (they grow as needed: a chunk's guess of its rows is generous, and what each of its many snapshot columns
     * holds stays reachable, and is copied by the collector, until assembly).
     */
    PointColumns(int rowCapacity, int caseCapacity, SnapshotLayout layout, int snapshotCapacity) {
        int rows = Math.max(1, rowCapacity);
        int c = Math.max(1, caseCapacity);
        caseIds = new String[c];
        caseOutcomes = new CaseOutcome[c];
        logCase = new int[c];
        caseStart = new int[c + 1];
        caseOf = new int[rows];
        triggerRow = new int[rows];
        rule = new int[rows];
        timeMicros = new long[rows];
        loggedAction = new int[rows];
        loggedPropensity = new double[rows];
        outcome = new int[rows];
        outcomeCategory = new byte[rows];
        this.layout = layout;
        snapshot = new SnapshotColumn[layout.columns()];
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i] = new SnapshotColumn(snapshotCapacity);
        }
    }

    /** Starts a case with at least one decision point. */
    void startCase(int logCaseIndex, String caseId, CaseOutcome outcome) {
        if (cases + 1 >= caseStart.length) {
            int n = caseStart.length * 2;
            caseIds = Arrays.copyOf(caseIds, n);
            caseOutcomes = Arrays.copyOf(caseOutcomes, n);
            logCase = Arrays.copyOf(logCase, n);
            caseStart = Arrays.copyOf(caseStart, n + 1);
        }
        caseIds[cases] = caseId;
        caseOutcomes[cases] = outcome;
        logCase[cases] = logCaseIndex;
        caseStart[cases] = size;
        cases++;
        caseStart[cases] = size;
    }

    /** Adds a decision point of the current case, its snapshot values read by {@code cursor}; returns its row. */
    int add(DecisionPoint dp, int ruleIndex, NameCodes actions, NameCodes outcomes, SnapshotReader.Cursor cursor) {
        if (size == caseOf.length) {
            grow(size * 2);
        }
        int row = size++;
        caseOf[row] = cases - 1;
        triggerRow[row] = dp.triggerRow();
        rule[row] = ruleIndex;
        timeMicros[row] = Timestamps.toMicros(dp.time());
        loggedAction[row] = actions.code(dp.loggedAction());
        loggedPropensity[row] = dp.loggedPropensity() == null ? Double.NaN : dp.loggedPropensity();
        outcome[row] = outcomes.code(dp.outcome());
        outcomeCategory[row] = (byte) dp.outcomeCategory().ordinal();
        cursor.read(dp.snapshot(), this);
        Map<String, Double> distribution = dp.loggedDistribution();
        if (distribution != null || distStart != null) {
            addDistribution(row, distribution, actions);
        }
        caseStart[cases] = size;
        return row;
    }

    private void addDistribution(int row, Map<String, Double> distribution, NameCodes actions) {
        if (distStart == null) {
            distStart = new int[caseOf.length + 1]; // every earlier row: none
            distAction = new int[Math.max(16, 4 * caseOf.length)];
            distProbability = new double[distAction.length];
        }
        int at = distStart[row];
        if (distribution != null) {
            ensureEntries(at + distribution.size());
            for (Map.Entry<String, Double> e : distribution.entrySet()) {
                distAction[at] = actions.code(e.getKey());
                distProbability[at++] = e.getValue();
            }
        }
        distStart[row + 1] = at;
    }

    private void ensureEntries(int n) {
        if (n > distAction.length) {
            int c = Math.max(n, distAction.length * 2);
            distAction = Arrays.copyOf(distAction, c);
            distProbability = Arrays.copyOf(distProbability, c);
        }
    }

    /**
     * The logged probability of action {@code code} at {@code row}: NaN without a distribution or for no action
     * ({@link NameCodes#NONE}), 0 when unlisted.
     */
    double loggingDistribution(int row, int code) {
        if (code == NameCodes.NONE || distStart == null || distStart[row + 1] == distStart[row]) {
            return Double.NaN;
        }
        for (int e = distStart[row]; e < distStart[row + 1]; e++) {
            if (distAction[e] == code) {
                return distProbability[e];
            }
        }
        return 0;
    }

    boolean hasDistribution(int row) {
        return distStart != null && distStart[row + 1] > distStart[row];
    }

    // ---- SnapshotReader.Sink: column i of the layout

    @Override
    public void nullValue(int index) {
        snapshot[index].addNull();
    }

    @Override
    public void longValue(int index, long value) {
        snapshot[index].addLong(value);
    }

    @Override
    public void doubleValue(int index, double value) {
        snapshot[index].addDouble(value);
    }

    @Override
    public void booleanValue(int index, boolean value) {
        snapshot[index].addBoolean(value);
    }

    @Override
    public void textValue(int index, String value) {
        snapshot[index].addText(value);
    }

    @Override
    public void objectValue(int index, Object value) {
        snapshot[index].addObject(value);
    }

    SnapshotColumn summary(int i) {
        return snapshot[layout.summary[i]];
    }

    SnapshotColumn feature(int i) {
        return snapshot[layout.features[i]];
    }

    OutcomeCategory outcomeCategory(int row) {
        return CATEGORIES[outcomeCategory[row]];
    }

    /** Keeps the first {@code keepCases} cases, the last of them cut to end at row {@code keepRows}. */
    void truncate(int keepCases, int keepRows) {
        cases = keepCases;
        size = keepRows;
        caseStart[cases] = size;
        for (SnapshotColumn s : snapshot) {
            s.truncate(keepRows);
        }
    }

    /** Appends a chunk's rows, re-coding its actions and outcomes into this builder's dictionaries. */
    void append(PointColumns chunk, int[] actionMap, int[] outcomeMap) {
        if (size + chunk.size > caseOf.length) {
            grow(Math.max(size + chunk.size, caseOf.length * 2));
        }
        if (chunk.distStart != null && distStart == null) {
            distStart = new int[caseOf.length + 1];
            distAction = new int[Math.max(16, chunk.distStart[chunk.size])];
            distProbability = new double[distAction.length];
        }
        if (distStart != null) {
            int at = distStart[size];
            if (chunk.distStart != null) {
                int n = chunk.distStart[chunk.size];
                ensureEntries(at + n);
                for (int e = 0; e < n; e++) {
                    distAction[at + e] = actionMap[chunk.distAction[e]];
                }
                System.arraycopy(chunk.distProbability, 0, distProbability, at, n);
                for (int r = 0; r < chunk.size; r++) {
                    distStart[size + r + 1] = at + chunk.distStart[r + 1];
                }
            } else {
                Arrays.fill(distStart, size + 1, size + chunk.size + 1, at);
            }
        }
        for (int c = 0; c < chunk.cases; c++) {
            startCase(chunk.logCase[c], chunk.caseIds[c], chunk.caseOutcomes[c]);
            int from = chunk.caseStart[c];
            int to = chunk.caseStart[c + 1];
            for (int r = from; r < to; r++) {
                int row = size++;
                caseOf[row] = cases - 1;
                triggerRow[row] = chunk.triggerRow[r];
                rule[row] = chunk.rule[r];
                timeMicros[row] = chunk.timeMicros[r];
                loggedAction[row] = recode(chunk.loggedAction[r], actionMap);
                loggedPropensity[row] = chunk.loggedPropensity[r];
                outcome[row] = recode(chunk.outcome[r], outcomeMap);
                outcomeCategory[row] = chunk.outcomeCategory[r];
            }
            caseStart[cases] = size;
        }
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i].addAll(chunk.snapshot[i]);
        }
    }

    /** Once every chunk is in: snapshot columns narrowed, distribution entries trimmed to what they hold. */
    void complete() {
        for (SnapshotColumn c : snapshot) {
            c.freeze();
        }
        if (distStart != null) {
            distAction = Arrays.copyOf(distAction, distStart[size]);
            distProbability = Arrays.copyOf(distProbability, distStart[size]);
        }
    }

    static int recode(int code, int[] map) {
        return code == NameCodes.NONE ? NameCodes.NONE : map[code];
    }

    private void grow(int n) {
        caseOf = Arrays.copyOf(caseOf, n);
        triggerRow = Arrays.copyOf(triggerRow, n);
        rule = Arrays.copyOf(rule, n);
        timeMicros = Arrays.copyOf(timeMicros, n);
        loggedAction = Arrays.copyOf(loggedAction, n);
        loggedPropensity = Arrays.copyOf(loggedPropensity, n);
        outcome = Arrays.copyOf(outcome, n);
        outcomeCategory = Arrays.copyOf(outcomeCategory, n);
        if (distStart != null) {
            distStart = Arrays.copyOf(distStart, n + 1);
        }
    }
}
