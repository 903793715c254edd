package org.systemarena.eval.truth;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a workflow's policies have a known true conversion ({@link LeadFollowupTruth#check}): the truth when the
 * workflow is the synthetic generator's, and in either case a sentence saying why, for a log message.
 */
public record WorkflowTruth(Optional<LeadFollowupTruth> truth, String reason) {
    public WorkflowTruth {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(reason, "reason");
    }

    static WorkflowTruth none(String reason) {
        return new WorkflowTruth(Optional.empty(), reason);
    }

    public boolean available() {
        return truth.isPresent();
    }
}
