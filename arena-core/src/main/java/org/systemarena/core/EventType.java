package org.systemarena.core;

import java.util.List;
import java.util.Objects;

/**
 * An event type: one of the eleven canonical types, or any other string kept exactly as the log spelt it (a custom
 * type is never silently turned into a canonical one).
 */
public record EventType(String name) {
    public static final EventType ENTITY_CREATED = new EventType("entity.created");
    public static final EventType ENTITY_CLOSED = new EventType("entity.closed");
    public static final EventType ENTITY_REOPENED = new EventType("entity.reopened");
    public static final EventType STATE_CHANGED = new EventType("state.changed");
    public static final EventType INTERACTION_OCCURRED = new EventType("interaction.occurred");
    public static final EventType DECISION_REQUESTED = new EventType("decision.requested");
    public static final EventType DECISION_EXECUTED = new EventType("decision.executed");
    public static final EventType OUTCOME_RECORDED = new EventType("outcome.recorded");
    public static final EventType TIMER_ELAPSED = new EventType("timer.elapsed");
    public static final EventType ESCALATION_TRIGGERED = new EventType("escalation.triggered");
    public static final EventType ASSIGNMENT_CHANGED = new EventType("assignment.changed");

    public static final List<EventType> CANONICAL = List.of(ENTITY_CREATED, ENTITY_CLOSED, ENTITY_REOPENED,
            STATE_CHANGED, INTERACTION_OCCURRED, DECISION_REQUESTED, DECISION_EXECUTED, OUTCOME_RECORDED,
            TIMER_ELAPSED, ESCALATION_TRIGGERED, ASSIGNMENT_CHANGED);

    public EventType {
        Objects.requireNonNull(name, "event type name");
        if (name.isBlank()) {
            throw new ArenaException("event type must not be blank");
        }
    }

    public static EventType of(String name) {
        for (EventType t : CANONICAL) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return new EventType(name);
    }

    public boolean isCanonical() {
        return CANONICAL.contains(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
