package org.systemarena.eval.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random inputs against a from-the-definition reference written with streams and maps. */
class RankingMetricsReferenceTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void matchesAReferenceImplementation(long seed) {
        SplittableRandom gen = new SplittableRandom(seed);
        check(gen, 1 + gen.nextInt(400), 1 + gen.nextInt(12), Duration.ofHours(1 + gen.nextInt(48)),
                5 * 86_400_000L, 20 * 86_400_000L);
    }

    /** Periods spread far wider than the item count (each period holds one or two items), and K above sizes. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void matchesTheReferenceWithSparsePeriods(long seed) {
        SplittableRandom gen = new SplittableRandom(seed);
        check(gen, 1 + gen.nextInt(300), 1 + gen.nextInt(3), Duration.ofMinutes(1), 50 * 365 * 86_400_000L,
                50 * 365 * 86_400_000L);
    }

    /** Few periods with many items each, K far below the period size: the bounded top-K selection does the work. */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void matchesTheReferenceWithLargePeriods(long seed) {
        SplittableRandom gen = new SplittableRandom(seed);
        check(gen, 5_000 + gen.nextInt(5_000), 1 + gen.nextInt(40), Duration.ofDays(1), 86_400_000L,
                3 * 86_400_000L);
    }

    private static void check(SplittableRandom gen, int n, int k, Duration length, long before, long after) {
        long origin = gen.nextLong(-86_400_000L, 86_400_000L);
        List<RankedItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = gen.nextLong(-before, after);
            // Few distinct scores, so ties are common; some unscored items.
            double score = gen.nextInt(10) == 0 ? Double.NaN : gen.nextInt(6) / 5.0;
            boolean relevant = gen.nextInt(3) == 0;
            items.add(RankedItem.of("d" + gen.nextInt(1_000_000) + "-" + i, t, score, relevant));
        }
        PeriodGrid grid = new PeriodGrid(length, origin);

        RankingReport actual = RankingMetrics.evaluate(items, k, grid);

        long lengthMillis = length.toMillis();
        Map<Long, List<RankedItem>> byPeriod = items.stream().collect(Collectors.groupingBy(
                it -> Math.floorDiv(it.epochMillis() - origin, lengthMillis), TreeMap::new, Collectors.toList()));
        Comparator<RankedItem> rank = Comparator
                .comparing((RankedItem it) -> Double.isNaN(it.score()))
                .thenComparing(it -> -it.score())
                .thenComparing(RankedItem::decisionId);
        double relevantTop = 0;
        double selected = 0;
        double precisionSum = 0;
        double ndcgSum = 0;
        int ndcgPeriods = 0;
        for (List<RankedItem> period : byPeriod.values()) {
            List<RankedItem> top = period.stream().sorted(rank).limit(k).toList();
            long rel = top.stream().filter(RankedItem::relevant).count();
            relevantTop += rel;
            selected += top.size();
            precisionSum += (double) rel / top.size();
            double dcg = 0;
            for (int i = 0; i < top.size(); i++) {
                dcg += (top.get(i).relevant() ? 1 : 0) / (Math.log(i + 2) / Math.log(2));
            }
            long allRelevant = period.stream().filter(RankedItem::relevant).count();
            double idcg = 0;
            for (int i = 0; i < Math.min(k, allRelevant); i++) {
                idcg += 1 / (Math.log(i + 2) / Math.log(2));
            }
            if (idcg > 0) {
                ndcgSum += dcg / idcg;
                ndcgPeriods++;
            }
        }

        assertThat(actual.periods()).hasSize(byPeriod.size());
        assertThat(actual.periods()).extracting(PeriodRanking::index).containsExactlyElementsOf(byPeriod.keySet());
        assertThat(actual.microPrecision()).isCloseTo(relevantTop / selected, within(1e-12));
        assertThat(actual.macroPrecision()).isCloseTo(precisionSum / byPeriod.size(), within(1e-12));
        assertThat(actual.ndcgPeriods()).isEqualTo(ndcgPeriods);
        if (ndcgPeriods > 0) {
            assertThat(actual.ndcg()).isCloseTo(ndcgSum / ndcgPeriods, within(1e-12));
        } else {
            assertThat(actual.ndcg()).isNaN();
        }
    }
}
