package org.systemarena.eval.ranking;

/**
 * Ranking metrics of one period.
 *
 * @param index            period index on the grid
 * @param startEpochMillis the period's first millisecond
 * @param items            decision points in the period
 * @param selected         min(K, items): the top of the ranking that counts
 * @param relevantSelected relevant items among the selected
 * @param relevantItems    relevant items in the whole period
 * @param precision        relevantSelected / selected
 * @param dcg              sum over ranks i = 1..selected of gain_i / log2(i + 1)
 * @param idcg             the same over the period's items sorted by gain, descending
 * @param ndcg             dcg / idcg; {@code NaN} when idcg is 0 (no item with a positive gain)
 */
public record PeriodRanking(long index, long startEpochMillis, int items, int selected, int relevantSelected,
        int relevantItems, double precision, double dcg, double idcg, double ndcg) {
}
