package org.systemarena.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.manifest.OutcomeCategory;

/**
 * One decision point: a triggering event of a case for which a manifest rule's condition held, with what the policy
 * may see ({@code snapshot}), what it may do ({@code allowedActions}) and the labels from the log: the logged action
 * and its propensity (null when the log has none), the logging policy's distribution over actions as logged (null
 * when the log has none) and the outcome that followed (null and {@code UNKNOWN} when none).
 *
 * @param id stable identifier {@code <event_id>/<rule name>}
 * @param triggerRow the trigger's row in the log the extractor was built on
 * @param loggedDistribution action type to probability from {@code historical_action.distribution_field}, in the
 *                           order logged; immutable (a copy is made unless it is already one the extractor built)
 */
public record DecisionPoint(
        String id,
        String rule,
        int caseIndex,
        String caseId,
        int triggerRow,
        Instant time,
        List<Action> allowedActions,
        CaseSnapshot snapshot,
        String loggedAction,
        Double loggedPropensity,
        Map<String, Double> loggedDistribution,
        String outcome,
        OutcomeCategory outcomeCategory) {

    public DecisionPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(snapshot, "snapshot");
        allowedActions = allowedActions == null ? List.of() : List.copyOf(allowedActions);
        loggedDistribution = OrderedDistribution.copyOf(loggedDistribution);
        outcomeCategory = outcomeCategory == null ? OutcomeCategory.UNKNOWN : outcomeCategory;
    }

    /** The stable id of the decision point of {@code rule} triggered by event {@code eventId}. */
    public static String id(String eventId, String rule) {
        return eventId + "/" + rule;
    }
}
