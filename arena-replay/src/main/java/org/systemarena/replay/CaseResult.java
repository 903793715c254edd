package org.systemarena.replay;

import java.util.List;
import java.util.Objects;
import org.systemarena.decision.CaseOutcome;

/** One case under one policy: its outcome from the log and its decision traces in case order. */
public record CaseResult(String caseId, CaseOutcome outcome, List<DecisionTrace> traces) {
    public CaseResult {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(outcome, "outcome");
        traces = List.copyOf(traces);
    }
}
