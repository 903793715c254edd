package org.systemarena.integrations.variants;

import java.util.List;
import java.util.Map;
import org.systemarena.integrations.dfg.DirectlyFollowsGraph;
import org.systemarena.integrations.performance.DurationStats;

/**
 * One group of cases in a {@link VariantComparison}: its size and share of the classified cases, case durations,
 * variants (most frequent first), directly-follows graph, and per activity / per transition the share of the group's
 * cases that contain it.
 */
public record GroupProfile(String name, int caseCount, double share, DurationStats caseDuration,
                           List<VariantLog.Variant> variants, DirectlyFollowsGraph dfg,
                           Map<String, Double> activityCaseShare, Map<String, Double> transitionCaseShare) {
    public GroupProfile {
        variants = List.copyOf(variants);
        activityCaseShare = Map.copyOf(activityCaseShare);
        transitionCaseShare = Map.copyOf(transitionCaseShare);
    }
}
