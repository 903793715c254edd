package org.systemarena.agents;

import java.util.List;

/**
 * The latest visible events of the case, oldest first, ending with the trigger: at most the policy's history limit
 * of them. {@code total} is how many events were visible and {@code omitted} how many older ones were left out, so
 * an agent knows when it sees only the tail.
 */
public record VisibleHistory(List<HistoryEvent> events, int total, int omitted) {
    public VisibleHistory {
        events = List.copyOf(events);
        if (omitted != total - events.size()) {
            throw new IllegalArgumentException("omitted " + omitted + " != total " + total + " - " + events.size());
        }
    }
}
