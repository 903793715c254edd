package org.systemarena.decision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.OutcomeSpec;

/**
 * Every case's outcome by the manifest, as the decision-point extractor settles it (SPEC §5): the name matched by the
 * case's last matching event, or none. One pass over the log, matching on dictionary codes.
 */
public final class CaseOutcomes {
    private final List<String> names;
    private final OutcomeSpec spec;
    /** Per case, the index of its outcome in {@code names}, or -1. */
    private final int[] outcome;

    private CaseOutcomes(List<String> names, OutcomeSpec spec, int[] outcome) {
        this.names = names;
        this.spec = spec;
        this.outcome = outcome;
    }

    public static CaseOutcomes of(EventLog log, OutcomeSpec outcomes) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(outcomes, "outcomes");
        List<String> names = outcomes.allNames();
        OutcomeMatcher matcher = new OutcomeMatcher(log, names);
        int[] out = new int[log.caseCount()];
        for (int c = 0; c < out.length; c++) {
            int last = -1;
            for (int r = log.caseStart(c), end = log.caseEnd(c); r < end; r++) {
                int m = matcher.match(r, log.eventTypeCode(r));
                if (m >= 0) {
                    last = m;
                }
            }
            out[c] = last;
        }
        return new CaseOutcomes(names, outcomes, out);
    }

    /** Case {@code c}'s outcome ({@link CaseOutcome#UNKNOWN} when no event matches a manifest outcome). */
    public CaseOutcome outcome(int c) {
        int i = outcome[c];
        return i < 0 ? CaseOutcome.UNKNOWN : new CaseOutcome(names.get(i), spec.categoryOf(names.get(i)));
    }

    /**
     * Cases per manifest outcome name, in the manifest's order (positive, negative, neutral; names no case reached
     * included with 0), then {@code null} for the cases with none.
     */
    public Map<String, Long> counts() {
        long[] n = new long[names.size() + 1];
        for (int i : outcome) {
            n[i < 0 ? names.size() : i]++;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.putIfAbsent(names.get(i), n[i]);
        }
        out.put(null, n[names.size()]);
        return out;
    }
}
