package org.systemarena.eval.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.systemarena.core.ArenaException;

/**
 * Precision@K (micro and macro) and NDCG@K of a policy's scores, per period. Within a period items are ranked by
 * score, descending (items without a score last), ties by decision id ascending; the top K count.
 */
public final class RankingMetrics {
    private static final double LN2 = Math.log(2.0);

    private RankingMetrics() {
    }

    public static RankingReport evaluate(List<RankedItem> items, int k, PeriodGrid grid) {
        if (k < 1) {
            throw new ArenaException("ranking K must be positive, got " + k);
        }
        int n = items.size();
        long[] period = new long[n];
        Set<String> ids = new HashSet<>(n * 2);
        int unscored = 0;
        for (int i = 0; i < n; i++) {
            RankedItem item = items.get(i);
            if (!ids.add(item.decisionId())) {
                throw new ArenaException("ranking: decision id '" + item.decisionId() + "' appears more than once");
            }
            period[i] = grid.index(item.epochMillis());
            if (Double.isNaN(item.score())) {
                unscored++;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Comparator<Integer> byPeriod = (a, b) -> Long.compare(period[a], period[b]);
        Arrays.sort(order, byPeriod.thenComparing((a, b) -> rankOrder(items.get(a), items.get(b))));

        List<PeriodRanking> periods = new ArrayList<>();
        long selectedTotal = 0;
        long relevantTotal = 0;
        double precisionSum = 0;
        double ndcgSum = 0;
        int ndcgPeriods = 0;
        int withoutRelevant = 0;
        for (int from = 0; from < n; ) {
            int to = from;
            while (to < n && period[order[to]] == period[order[from]]) {
                to++;
            }
            PeriodRanking p = period(items, order, from, to, k, period[order[from]], grid);
            periods.add(p);
            selectedTotal += p.selected();
            relevantTotal += p.relevantSelected();
            precisionSum += p.precision();
            if (Double.isNaN(p.ndcg())) {
                withoutRelevant++;
            } else {
                ndcgSum += p.ndcg();
                ndcgPeriods++;
            }
            from = to;
        }
        double micro = selectedTotal == 0 ? Double.NaN : (double) relevantTotal / selectedTotal;
        double macro = periods.isEmpty() ? Double.NaN : precisionSum / periods.size();
        double ndcg = ndcgPeriods == 0 ? Double.NaN : ndcgSum / ndcgPeriods;
        return new RankingReport(k, grid, n, unscored, selectedTotal, relevantTotal, micro, macro, ndcg, ndcgPeriods,
                withoutRelevant, periods);
    }

    /** Score descending, unscored (NaN) last, then decision id ascending; 0.0 and -0.0 tie. */
    static int rankOrder(RankedItem a, RankedItem b) {
        double x = a.score();
        double y = b.score();
        boolean xNaN = Double.isNaN(x);
        boolean yNaN = Double.isNaN(y);
        if (xNaN != yNaN) {
            return xNaN ? 1 : -1;
        }
        if (!xNaN && x != y) {
            return x > y ? -1 : 1;
        }
        return a.decisionId().compareTo(b.decisionId());
    }

    private static PeriodRanking period(List<RankedItem> items, Integer[] order, int from, int to, int k, long index,
            PeriodGrid grid) {
        int size = to - from;
        int selected = Math.min(k, size);
        int relevantSelected = 0;
        int relevantItems = 0;
        double dcg = 0;
        double[] gains = new double[size];
        for (int r = 0; r < size; r++) {
            RankedItem item = items.get(order[from + r]);
            gains[r] = item.gain();
            if (item.relevant()) {
                relevantItems++;
            }
            if (r < selected) {
                if (item.relevant()) {
                    relevantSelected++;
                }
                dcg += item.gain() / discount(r);
            }
        }
        Arrays.sort(gains);
        double idcg = 0;
        for (int r = 0; r < selected; r++) {
            idcg += gains[size - 1 - r] / discount(r);
        }
        double ndcg = idcg > 0 ? dcg / idcg : Double.NaN;
        return new PeriodRanking(index, grid.startMillis(index), size, selected, relevantSelected, relevantItems,
                (double) relevantSelected / selected, dcg, idcg, ndcg);
    }

    /** log2(rank + 1) for 1-based rank = r + 1. */
    private static double discount(int r) {
        return Math.log(r + 2.0) / LN2;
    }
}
