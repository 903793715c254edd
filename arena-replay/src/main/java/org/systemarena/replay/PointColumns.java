package org.systemarena.replay;

import java.util.Arrays;
import java.util.List;
import org.systemarena.core.Timestamps;
import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.decision.CaseOutcome;
import org.systemarena.decision.DecisionPoint;

/**
 * What every policy of a run shares about the decision points: one row per decision point, cases in case order and
 * points in case order within them. Filled by a replay chunk, then concatenated; the arrays are never handed out.
 * Actions and outcomes are codes in a {@link NameCodes} of the builder (chunk-local until assembly re-codes them).
 */
final class PointColumns {
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
    final SummaryColumn[] summary;

    PointColumns(int rowCapacity, int caseCapacity) {
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
        summary = new SummaryColumn[PolicyCaller.SUMMARY_NAMES.size()];
        for (int i = 0; i < summary.length; i++) {
            summary[i] = new SummaryColumn(rows);
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

    /** Adds a decision point of the current case; returns its row. */
    int add(DecisionPoint dp, int ruleIndex, NameCodes actions, NameCodes outcomes) {
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
        List<String> names = PolicyCaller.SUMMARY_NAMES;
        for (int i = 0; i < summary.length; i++) {
            summary[i].add(dp.snapshot().get(names.get(i)));
        }
        caseStart[cases] = size;
        return row;
    }

    OutcomeCategory outcomeCategory(int row) {
        return CATEGORIES[outcomeCategory[row]];
    }

    /** Keeps the first {@code keepCases} cases, the last of them cut to end at row {@code keepRows}. */
    void truncate(int keepCases, int keepRows) {
        cases = keepCases;
        size = keepRows;
        caseStart[cases] = size;
        for (SummaryColumn s : summary) {
            s.truncate(keepRows);
        }
    }

    /** Appends a chunk's rows, re-coding its actions and outcomes into this builder's dictionaries. */
    void append(PointColumns chunk, int[] actionMap, int[] outcomeMap) {
        if (size + chunk.size > caseOf.length) {
            grow(Math.max(size + chunk.size, caseOf.length * 2));
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
        for (int i = 0; i < summary.length; i++) {
            summary[i].addAll(chunk.summary[i]);
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
    }
}
