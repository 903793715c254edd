package org.systemarena.eval.conversion;

import java.util.Locale;

/**
 * Per decision rule, the frequencies of the logged actions with additive smoothing over the actions logged at that
 * rule: mu(a | rule) = (n(rule, a) + alpha) / (n(rule) + alpha k(rule)). Consistent only when the logging policy's
 * choice did not depend on the state within a rule.
 */
final class FrequencyModel {
    private final long[] counts;
    private final long[] totals;
    private final int[] kinds;
    private final int actions;
    private final double alpha;
    private final long decisions;

    private FrequencyModel(long[] counts, long[] totals, int[] kinds, int actions, double alpha, long decisions) {
        this.counts = counts;
        this.totals = totals;
        this.kinds = kinds;
        this.actions = actions;
        this.alpha = alpha;
        this.decisions = decisions;
    }

    static FrequencyModel fit(LoggedDecisions log, double alpha) {
        int m = log.actions().size();
        int r = log.rules().size();
        long[] counts = new long[r * m];
        long[] totals = new long[r];
        long decisions = 0;
        for (int s = 0; s < log.size(); s++) {
            int a = log.loggedAction(s);
            if (a >= 0) {
                counts[log.rule(s) * m + a]++;
                totals[log.rule(s)]++;
                decisions++;
            }
        }
        int[] kinds = new int[r];
        for (int k = 0; k < r * m; k++) {
            kinds[k / m] += counts[k] > 0 ? 1 : 0;
        }
        return new FrequencyModel(counts, totals, kinds, m, alpha, decisions);
    }

    /** mu(action | rule); 0 for an action never logged at the rule. */
    double probability(int rule, int action) {
        long n = counts[rule * actions + action];
        if (n == 0) {
            return 0.0;
        }
        return (n + alpha) / (totals[rule] + alpha * kinds[rule]);
    }

    String describe() {
        return String.format(Locale.ROOT, "logged action frequencies per decision rule (%d rules, %d logged"
                + " decisions), additive smoothing alpha=%s", totals.length, decisions, alpha);
    }
}
