package org.systemarena.core.input;

import java.util.Collection;
import java.util.Locale;

/**
 * The one "did you mean" of System Arena: manifests, rules files, policy specs and expressions suggest by the same
 * rule, so the same typo gets the same suggestion wherever it is made.
 *
 * <p>The rule: a candidate equal but for case wins ({@code STATUS} is {@code status}, however far apart the two are
 * by edits); else the candidate at the smallest edit distance, when that distance is at most a third of the longer
 * of the two names (at least 1) and less than the word's length; ties go to the alphabetically first candidate, so a
 * message does not depend on the order of a set. The threshold grows with the names, as rustc's suggestions do: a
 * fixed two edits (what expressions allowed) suggest near anything for a short name ({@code sxnx} for {@code send})
 * and miss a long name with three typos; one edit in three characters is what a typo looks like. Measuring against
 * the longer name keeps the dropped letters of a short typo in reach ({@code bugt} for {@code budget}), which a third
 * of the typo alone (what manifests allowed) missed. A distance as large as the word would suggest any one-letter
 * name for another.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** The best candidate for {@code word} by the rule above, or null. */
    public static String closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            int score;
            if (c.toLowerCase(Locale.ROOT).equals(lower)) {
                score = 0;
            } else {
                int limit = Math.max(1, Math.max(word.length(), c.length()) / 3);
                int d = distance(word, c, limit);
                if (d > limit || d >= word.length()) {
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

    /** {@code " (did you mean 'x'?)"} or an empty string. */
    public static String hint(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    /**
     * Optimal-string-alignment distance (Damerau-Levenshtein where a substring is edited at most once): insertions,
     * deletions, substitutions and swaps of adjacent characters each cost 1. Returns {@code limit + 1} as soon as
     * the distance is known to exceed {@code limit}, so a long candidate list costs little.
     */
    public static int distance(String a, String b, int limit) {
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
