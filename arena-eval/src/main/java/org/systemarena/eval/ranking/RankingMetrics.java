package org.systemarena.eval.ranking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.systemarena.core.ArenaException;
import org.systemarena.replay.TraceTable;

/**
 * Precision@K (micro and macro) and NDCG@K of a policy's scores, per period. Within a period items are ranked by
 * score, descending (items without a score last), ties by decision id ascending; the top K count.
 *
 * <p>Only the top K of each period is ever ordered: items are bucketed by period, each period's top K is selected
 * with a bounded heap, and decision ids are built only to break score ties. A log with millions of decision points
 * and a K of ten therefore costs a few passes over primitive columns, not a sort of every item.
 */
public final class RankingMetrics {
    private static final double LN2 = Math.log(2.0);

    private RankingMetrics() {
    }

    /** Ranks explicit items; decision ids must be unique. */
    public static RankingReport evaluate(List<RankedItem> items, int k, PeriodGrid grid) {
        Set<String> ids = new HashSet<>(items.size() * 2);
        for (RankedItem item : items) {
            if (!ids.add(item.decisionId())) {
                throw new ArenaException("ranking: decision id '" + item.decisionId() + "' appears more than once");
            }
        }
        return evaluate(new ItemList(items), k, grid);
    }

    /**
     * Ranks a policy's decision points by its scores (NaN when it gave none or an error voided the decision);
     * relevant are the points whose outcome category is positive. Decision ids are unique within a table.
     */
    public static RankingReport evaluate(TraceTable table, int k, PeriodGrid grid) {
        return evaluate(new TableRanking(table), k, grid);
    }

    static RankingReport evaluate(RankingInput in, int k, PeriodGrid grid) {
        if (k < 1) {
            throw new ArenaException("ranking K must be positive, got " + k);
        }
        int n = in.size();
        long[] period = new long[n];
        int unscored = 0;
        for (int i = 0; i < n; i++) {
            period[i] = grid.index(in.epochMillis(i));
            if (Double.isNaN(in.score(i))) {
                unscored++;
            }
        }
        PeriodBuckets buckets = PeriodBuckets.of(period);
        TopK top = new TopK(in, k);
        List<PeriodRanking> periods = new ArrayList<>(buckets.count());
        long selectedTotal = 0;
        long relevantTotal = 0;
        double precisionSum = 0;
        double ndcgSum = 0;
        int ndcgPeriods = 0;
        int withoutRelevant = 0;
        for (int b = 0; b < buckets.count(); b++) {
            PeriodRanking p = period(in, buckets, b, top, buckets.period(b), grid);
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
        }
        double micro = selectedTotal == 0 ? Double.NaN : (double) relevantTotal / selectedTotal;
        double macro = periods.isEmpty() ? Double.NaN : precisionSum / periods.size();
        double ndcg = ndcgPeriods == 0 ? Double.NaN : ndcgSum / ndcgPeriods;
        return new RankingReport(k, grid, n, unscored, selectedTotal, relevantTotal, micro, macro, ndcg, ndcgPeriods,
                withoutRelevant, periods);
    }

    /** Score descending, unscored (NaN) last, then decision id ascending; 0.0 and -0.0 tie. */
    static int rankOrder(RankedItem a, RankedItem b) {
        int byScore = byScore(a.score(), b.score());
        return byScore != 0 ? byScore : a.decisionId().compareTo(b.decisionId());
    }

    /** The score part of {@link #rankOrder}: 0 when the scores tie. */
    static int byScore(double x, double y) {
        boolean xNaN = Double.isNaN(x);
        boolean yNaN = Double.isNaN(y);
        if (xNaN != yNaN) {
            return xNaN ? 1 : -1;
        }
        if (!xNaN && x != y) {
            return x > y ? -1 : 1;
        }
        return 0;
    }

    private static PeriodRanking period(RankingInput in, PeriodBuckets buckets, int b, TopK top, long index,
            PeriodGrid grid) {
        int from = buckets.start(b);
        int to = buckets.start(b + 1);
        int size = to - from;
        top.select(buckets, from, to);
        int relevantItems = 0;
        for (int j = from; j < to; j++) {
            if (in.relevant(buckets.item(j))) {
                relevantItems++;
            }
        }
        int[] ranked = top.ranked();
        int selected = ranked.length;
        int relevantSelected = 0;
        double dcg = 0;
        for (int r = 0; r < selected; r++) {
            if (in.relevant(ranked[r])) {
                relevantSelected++;
            }
            dcg += in.gain(ranked[r]) / discount(r);
        }
        double[] best = top.bestGains();
        double idcg = 0;
        for (int r = 0; r < selected; r++) {
            idcg += best[r] / discount(r);
        }
        double ndcg = idcg > 0 ? dcg / idcg : Double.NaN;
        return new PeriodRanking(index, grid.startMillis(index), size, selected, relevantSelected, relevantItems,
                (double) relevantSelected / selected, dcg, idcg, ndcg);
    }

    /** log2(rank + 1) for 1-based rank = r + 1. */
    private static double discount(int r) {
        return Math.log(r + 2.0) / LN2;
    }

    /** Explicit items as ranking input. */
    private record ItemList(List<RankedItem> items) implements RankingInput {
        @Override
        public int size() {
            return items.size();
        }

        @Override
        public long epochMillis(int i) {
            return items.get(i).epochMillis();
        }

        @Override
        public double score(int i) {
            return items.get(i).score();
        }

        @Override
        public boolean relevant(int i) {
            return items.get(i).relevant();
        }

        @Override
        public double gain(int i) {
            return items.get(i).gain();
        }

        @Override
        public String decisionId(int i) {
            return items.get(i).decisionId();
        }
    }
}
