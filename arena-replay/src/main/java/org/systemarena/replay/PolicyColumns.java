package org.systemarena.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.systemarena.policy.Decision;

/**
 * One policy's side of the decision points, row for row with {@link PointColumns}: the decided action (code, or
 * {@link NameCodes#NONE} when an error voided the decision), the decision itself, its score and probability of the
 * logged action (NaN when absent), violated constraints as bits, latency, and errors (rare, so kept sparse).
 */
final class PolicyColumns {
    final int words;
    int size;
    int[] action;
    Decision[] decision;
    double[] score;
    double[] loggedProbability;
    long[] violations;
    long[] latencyNanos;
    int errorCount;
    int[] errorRows = new int[4];
    List<List<DecisionError>> errorLists = new ArrayList<>();

    PolicyColumns(int rowCapacity, int constraints) {
        int rows = Math.max(1, rowCapacity);
        words = (constraints + 63) >>> 6;
        action = new int[rows];
        decision = new Decision[rows];
        score = new double[rows];
        loggedProbability = new double[rows];
        violations = new long[rows * words];
        latencyNanos = new long[rows];
    }

    /** Adds the next row; violation bits are then set with {@link #violate}. */
    int add(int actionCode, Decision d, double loggedProb, long latency) {
        if (size == action.length) {
            grow(size * 2);
        }
        int row = size++;
        action[row] = actionCode;
        decision[row] = d;
        score[row] = d == null || d.score() == null ? Double.NaN : d.score();
        loggedProbability[row] = loggedProb;
        latencyNanos[row] = latency;
        return row;
    }

    void violate(int row, int constraint) {
        violations[row * words + (constraint >>> 6)] |= 1L << constraint;
    }

    boolean violated(int row, int constraint) {
        return (violations[row * words + (constraint >>> 6)] & (1L << constraint)) != 0;
    }

    void errors(int row, List<DecisionError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        if (errorCount == errorRows.length) {
            errorRows = Arrays.copyOf(errorRows, errorCount * 2);
        }
        errorRows[errorCount++] = row;
        errorLists.add(List.copyOf(errors));
    }

    /** The errors recorded on {@code row} (rows are added in order, so a binary search finds them). */
    List<DecisionError> errors(int row) {
        int i = Arrays.binarySearch(errorRows, 0, errorCount, row);
        return i < 0 ? List.of() : errorLists.get(i);
    }

    void truncate(int keepRows) {
        size = Math.min(size, keepRows);
        while (errorCount > 0 && errorRows[errorCount - 1] >= keepRows) {
            errorCount--;
            errorLists.remove(errorCount);
        }
    }

    /** Appends a chunk's rows, re-coding its actions into this builder's dictionary. */
    void append(PolicyColumns chunk, int[] actionMap) {
        if (size + chunk.size > action.length) {
            grow(Math.max(size + chunk.size, action.length * 2));
        }
        for (int r = 0; r < chunk.size; r++) {
            action[size + r] = PointColumns.recode(chunk.action[r], actionMap);
        }
        System.arraycopy(chunk.decision, 0, decision, size, chunk.size);
        System.arraycopy(chunk.score, 0, score, size, chunk.size);
        System.arraycopy(chunk.loggedProbability, 0, loggedProbability, size, chunk.size);
        System.arraycopy(chunk.violations, 0, violations, size * words, chunk.size * words);
        System.arraycopy(chunk.latencyNanos, 0, latencyNanos, size, chunk.size);
        for (int e = 0; e < chunk.errorCount; e++) {
            errors(size + chunk.errorRows[e], chunk.errorLists.get(e));
        }
        size += chunk.size;
    }

    private void grow(int n) {
        action = Arrays.copyOf(action, n);
        decision = Arrays.copyOf(decision, n);
        score = Arrays.copyOf(score, n);
        loggedProbability = Arrays.copyOf(loggedProbability, n);
        violations = Arrays.copyOf(violations, n * words);
        latencyNanos = Arrays.copyOf(latencyNanos, n);
    }
}
