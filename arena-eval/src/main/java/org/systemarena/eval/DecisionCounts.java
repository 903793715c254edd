package org.systemarena.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One policy's decisions: decision points, valid decisions, decisions voided by an error, errors by kind (sorted by
 * kind name, constraint-evaluation errors included) and the same per rule (in the manifest's rule order).
 */
public record DecisionCounts(long decisionPoints, long valid, long failed, Map<String, Long> errorsByKind,
                             List<RuleDecisions> byRule) {
    public DecisionCounts {
        errorsByKind = java.util.Collections.unmodifiableMap(new TreeMap<>(errorsByKind));
        byRule = List.copyOf(byRule);
    }
}
