package org.systemarena.eval.conversion;

import java.util.Objects;
import org.systemarena.eval.estimate.EpisodeSet;
import org.systemarena.eval.estimate.OffPolicyEstimate;
import org.systemarena.eval.verdict.Assessment;
import org.systemarena.eval.verdict.SupportMass;

/** One target policy's conversion: its episodes, the estimators' result, its support and the assessment. */
public record PolicyConversion(EpisodeSet episodes, OffPolicyEstimate estimate, SupportMass mass,
                               Assessment assessment) {
    public PolicyConversion {
        Objects.requireNonNull(episodes, "episodes");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(mass, "mass");
        Objects.requireNonNull(assessment, "assessment");
    }
}
