package org.systemarena.agents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.Event;
import org.systemarena.policy.DecisionContext;

/**
 * One decision point as an agent sees it (docs/agent-protocol.md, "The request").
 *
 * @param decisionId the decision point's stable id, {@code <event_id>/<rule>} (null when the policy is called
 *                   outside the runner, without a {@link DecisionContext})
 * @param rule the manifest rule that made the decision point (null likewise)
 * @param values every snapshot value by name, sorted by name; a name with no value yet maps to null
 * @param deadlineMs how long the agent has, in milliseconds, from receiving the request; not part of the
 *                   request's identity (a cassette matches the same request with another deadline)
 */
public record AgentRequest(int protocol, String decisionId, String caseId, String rule, Instant asOf,
                           SortedMap<String, Object> values, VisibleHistory history, List<Action> allowedActions,
                           long deadlineMs) {
    public AgentRequest {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(asOf, "asOf");
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        Objects.requireNonNull(history, "history");
        allowedActions = List.copyOf(allowedActions);
    }

    /**
     * The request for a decision point: its snapshot's values, its latest {@code historyLimit} visible events and
     * its allowed actions.
     */
    public static AgentRequest of(DecisionContext context, CaseSnapshot snapshot, List<Action> allowedActions,
                                  int historyLimit, long deadlineMs) {
        TreeMap<String, Object> values = new TreeMap<>();
        for (String name : snapshot.names()) {
            values.put(name, snapshot.get(name));
        }
        List<Event> visible = snapshot.visibleEvents();
        int from = Math.max(0, visible.size() - historyLimit);
        List<HistoryEvent> events = new ArrayList<>(visible.size() - from);
        for (int i = from; i < visible.size(); i++) {
            events.add(HistoryEvent.of(visible.get(i)));
        }
        return new AgentRequest(AgentProtocol.VERSION, context == null ? null : context.decisionId(),
                snapshot.caseId(), context == null ? null : context.rule(), snapshot.asOf(), values,
                new VisibleHistory(events, visible.size(), from), allowedActions, deadlineMs);
    }
}
