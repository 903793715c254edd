package org.systemarena.eval.ranking;

/**
 * One period's top K twice over, each with a {@link BoundedHeap}: the items ranked by
 * {@link RankingMetrics#rankOrder} (the policy's ranking) and the largest gains (the ideal ranking for NDCG).
 * Decision ids are asked for only when scores tie, and each at most once.
 */
final class TopK {
    private final RankingInput in;
    private final int k;
    private final String[] ids;
    private final BoundedHeap byRank = new BoundedHeap(this::compare);
    private final BoundedHeap byGain;

    TopK(RankingInput in, int k) {
        this.in = in;
        this.k = k;
        this.ids = new String[in.size()];
        this.byGain = new BoundedHeap((a, b) -> Double.compare(in.gain(b), in.gain(a)));
    }

    /** Selects the top K of the period's items {@code buckets.item(from .. to - 1)}. */
    void select(PeriodBuckets buckets, int from, int to) {
        int keep = Math.min(k, to - from);
        byRank.reset(keep);
        byGain.reset(keep);
        for (int j = from; j < to; j++) {
            int item = buckets.item(j);
            byRank.offer(item);
            byGain.offer(item);
        }
    }

    /** The selected items, best first. */
    int[] ranked() {
        return byRank.drain();
    }

    /** The selected period's largest gains, descending (the ideal ranking's gains). */
    double[] bestGains() {
        int[] items = byGain.drain();
        double[] gains = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            gains[i] = in.gain(items[i]);
        }
        return gains;
    }

    /** Negative when item a ranks before item b. */
    private int compare(int a, int b) {
        int byScore = RankingMetrics.byScore(in.score(a), in.score(b));
        return byScore != 0 ? byScore : id(a).compareTo(id(b));
    }

    private String id(int item) {
        String id = ids[item];
        if (id == null) {
            id = in.decisionId(item);
            ids[item] = id;
        }
        return id;
    }
}
