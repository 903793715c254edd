package org.systemarena.eval.ranking;

import org.systemarena.core.manifest.OutcomeCategory;
import org.systemarena.replay.TraceTable;

/** A policy's trace table as ranking items: its scores (NaN when none or voided), positive outcomes relevant. */
record TableRanking(TraceTable table) implements RankingInput {
    @Override
    public int size() {
        return table.size();
    }

    @Override
    public long epochMillis(int i) {
        return Math.floorDiv(table.timeMicros(i), 1000L);
    }

    @Override
    public double score(int i) {
        return table.score(i);
    }

    @Override
    public boolean relevant(int i) {
        return table.outcomeCategory(i) == OutcomeCategory.POSITIVE;
    }

    @Override
    public double gain(int i) {
        return relevant(i) ? 1.0 : 0.0;
    }

    @Override
    public String decisionId(int i) {
        return table.decisionId(i);
    }
}
