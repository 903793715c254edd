package org.systemarena.eval;

import org.systemarena.core.manifest.Severity;

/** How often one constraint's rule held for a policy's decisions. */
public record ConstraintViolations(String constraint, Severity severity, long count) {
}
