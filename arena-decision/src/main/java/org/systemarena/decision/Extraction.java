package org.systemarena.decision;

import java.util.ArrayList;
import java.util.List;

/** Every case's decisions, in case order, and per-rule counts summed over cases (manifest rule order). */
public record Extraction(List<CaseDecisions> cases, List<RuleCounts> counts, long events) {
    public Extraction {
        cases = List.copyOf(cases);
        counts = List.copyOf(counts);
    }

    /** All decision points, case by case. */
    public List<DecisionPoint> decisionPoints() {
        List<DecisionPoint> all = new ArrayList<>();
        for (CaseDecisions c : cases) {
            all.addAll(c.points());
        }
        return List.copyOf(all);
    }

    public long decisionPointCount() {
        long n = 0;
        for (RuleCounts c : counts) {
            n += c.decisionPoints();
        }
        return n;
    }

    public long errorCount() {
        long n = 0;
        for (RuleCounts c : counts) {
            n += c.errors();
        }
        return n;
    }
}
