package org.systemarena.eval.ranking;

import java.util.List;
import java.util.Objects;

/**
 * Precision@K and NDCG@K over periods (SPEC §7); docs/metrics.md has the definitions. Undefined values are
 * {@code NaN}.
 *
 * @param k                      the K
 * @param grid                   how times were grouped into periods
 * @param items                  all items
 * @param unscoredItems          items without a score (ranked last in their period)
 * @param selected               items in all top-K lists
 * @param relevantSelected       relevant items in all top-K lists
 * @param microPrecision         relevantSelected / selected (all top-K items pooled)
 * @param macroPrecision         mean of the periods' precision (every period listed has at least one item)
 * @param ndcg                   mean NDCG@K over the periods with a positive ideal DCG
 * @param ndcgPeriods            how many periods that mean is over
 * @param periodsWithoutRelevant periods with no positive gain, left out of the NDCG mean
 * @param periods                per period, in time order
 */
public record RankingReport(int k, PeriodGrid grid, int items, int unscoredItems, long selected,
        long relevantSelected, double microPrecision, double macroPrecision, double ndcg, int ndcgPeriods,
        int periodsWithoutRelevant, List<PeriodRanking> periods) {
    public RankingReport {
        Objects.requireNonNull(grid, "grid");
        periods = List.copyOf(periods);
    }
}
