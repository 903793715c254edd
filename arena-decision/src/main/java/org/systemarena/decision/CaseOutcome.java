package org.systemarena.decision;

import java.util.Objects;
import org.systemarena.core.manifest.OutcomeCategory;

/** A case's outcome: the name matched by its last matching event (SPEC §5), or null and {@code UNKNOWN}. */
public record CaseOutcome(String name, OutcomeCategory category) {
    public static final CaseOutcome UNKNOWN = new CaseOutcome(null, OutcomeCategory.UNKNOWN);

    public CaseOutcome {
        Objects.requireNonNull(category, "category");
        if (name == null && category != OutcomeCategory.UNKNOWN) {
            throw new IllegalArgumentException("an outcome without a name must be UNKNOWN, got " + category);
        }
    }

    public boolean isPositive() {
        return category == OutcomeCategory.POSITIVE;
    }
}
