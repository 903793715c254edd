package org.systemarena.eval.verdict;

import java.util.Objects;

/** Why an estimate is not reported as a number: a stable reason for machines and a sentence with the figures. */
public record NotEstimable(Reason reason, String message) {
    public NotEstimable {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
