package org.systemarena.eval.ranking;

/**
 * Ranking items addressed by index, so a column store can be ranked without an object per item. Decision ids are
 * only asked for to break score ties, and at most once per item.
 */
interface RankingInput {
    int size();

    long epochMillis(int i);

    /** NaN when the item has no score. */
    double score(int i);

    boolean relevant(int i);

    double gain(int i);

    String decisionId(int i);
}
