package org.systemarena.test;

import java.util.Objects;

/**
 * A decision point where a policy broke an invariant.
 *
 * @param decisionId the decision point's id, as in the traces
 * @param caseId     its case
 * @param rule       its decision rule
 * @param problem    what went wrong, in a sentence's words
 */
public record Counterexample(String decisionId, String caseId, String rule, String problem) {
    public Counterexample {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return "decision point " + decisionId + " (case " + caseId + ", rule " + rule + "): " + problem;
    }
}
