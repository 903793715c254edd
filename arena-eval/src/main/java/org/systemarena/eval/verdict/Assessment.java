package org.systemarena.eval.verdict;

import java.util.Objects;

/**
 * A policy's conversion as the report leads with it: a recommended estimate, or why there is none, with the support
 * figures behind that call. Exactly one of {@code recommended} and {@code notEstimable} is set.
 */
public record Assessment(RecommendedEstimate recommended, NotEstimable notEstimable, Support support) {
    public Assessment {
        if ((recommended == null) == (notEstimable == null)) {
            throw new IllegalArgumentException("an assessment has either a recommended estimate or a reason");
        }
        Objects.requireNonNull(support, "support");
    }

    public boolean estimable() {
        return recommended != null;
    }
}
