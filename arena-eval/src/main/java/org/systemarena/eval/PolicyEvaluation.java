package org.systemarena.eval;

import java.util.List;
import java.util.Objects;
import org.systemarena.eval.ranking.RankingReport;
import org.systemarena.eval.stats.Agreement;

/** Every SPEC §7 metric of one policy over one log. {@code baseline} marks the policies others are compared with. */
public record PolicyEvaluation(String policy, boolean baseline, DecisionCounts decisions, List<ActionCount> actions,
                               Agreement agreement, ViolationSummary violations, RankingReport ranking,
                               ConversionEstimate conversion) {
    public PolicyEvaluation {
        Objects.requireNonNull(policy, "policy");
        actions = List.copyOf(actions);
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(violations, "violations");
        Objects.requireNonNull(ranking, "ranking");
        Objects.requireNonNull(conversion, "conversion");
    }
}
