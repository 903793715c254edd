package org.systemarena.decision.expr;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" candidates: a case-insensitive match first, else the closest name within edit distance 2. */
final class Suggestions {
    static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /**
     * The best candidate for {@code wrong}, or null. Ties go to the alphabetically first candidate so messages are
     * deterministic whatever the order of the collection.
     */
    static String best(String wrong, Collection<String> candidates) {
        String lower = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            int score;
            if (c.toLowerCase(Locale.ROOT).equals(lower)) {
                score = 0;
            } else {
                int d = distance(wrong, c, MAX_DISTANCE);
                // A distance as large as the name itself would suggest anything for one- and two-letter names.
                if (d > MAX_DISTANCE || d >= wrong.length()) {
                    continue;
                }
                score = d;
            }
            if (score < bestScore || score == bestScore && c.compareTo(best) < 0) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Optimal-string-alignment distance (Damerau-Levenshtein where a substring is edited at most once): insertions,
     * deletions, substitutions and swaps of adjacent characters each cost 1. Returns {@code limit + 1} as soon as
     * the distance is known to exceed {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], limit + 1);
    }
}
