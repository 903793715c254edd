package org.systemarena.decision;

import java.util.List;
import java.util.Objects;

/** The decision points of one case, in case order (rules in manifest order at one trigger), and its outcome. */
public record CaseDecisions(int caseIndex, String caseId, List<DecisionPoint> points, CaseOutcome outcome,
                            List<RuleCounts> counts) {
    public CaseDecisions {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(outcome, "outcome");
        points = List.copyOf(points);
        counts = List.copyOf(counts);
    }
}
