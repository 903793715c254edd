package org.systemarena.replay;

import java.util.Objects;
import org.systemarena.core.manifest.Severity;

/** A constraint whose rule held for a decision. */
public record Violation(String constraint, Severity severity, String message) {
    public Violation {
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(severity, "severity");
    }
}
