package org.systemarena.eval.estimate;

import java.util.List;
import java.util.Objects;

/** A case's logged trajectory (its decision points in case order) and its reward. */
public record LoggedCase(String caseId, List<LoggedStep> steps, double reward) {
    public LoggedCase {
        Objects.requireNonNull(caseId, "caseId");
        steps = List.copyOf(steps);
    }

    public static LoggedCase of(String caseId, double reward, List<LoggedStep> steps) {
        return new LoggedCase(caseId, steps, reward);
    }
}
