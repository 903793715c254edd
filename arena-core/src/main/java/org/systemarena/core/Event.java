package org.systemarena.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event, as a value. The log stores events in columns; this record is what {@link EventLog#event(int)} gives for
 * convenient, non-hot-path access, and what {@link EventLogBuilder#add(Event)} takes.
 *
 * <p>Payload, state and outcome-label maps hold only {@link Values} types and keep null values.
 */
public record Event(
        String eventId,
        String caseId,
        Instant timestamp,
        long sequenceNumber,
        EventType eventType,
        String activity,
        String workflowType,
        Actor actor,
        String channel,
        Map<String, Object> payload,
        List<ObjectRef> objectRefs,
        Map<String, Object> stateBefore,
        Map<String, Object> stateAfter,
        Map<String, Object> outcomeLabels,
        String sourceSystem,
        String correlationId) {

    public Event {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(eventType, "eventType");
        actor = actor == null ? Actor.NONE : actor;
        payload = Values.immutableMap(payload);
        objectRefs = objectRefs == null ? List.of() : List.copyOf(objectRefs);
        stateBefore = Values.immutableMap(stateBefore);
        stateAfter = Values.immutableMap(stateAfter);
        outcomeLabels = Values.immutableMap(outcomeLabels);
    }

    /** A minimal event: case, time, type; other fields empty. Use {@link #withPayload} and friends to add to it. */
    public static Event of(String caseId, Instant timestamp, String eventType) {
        return new Event(null, caseId, timestamp, Long.MIN_VALUE, EventType.of(eventType), null, null, Actor.NONE,
                null, Map.of(), List.of(), Map.of(), Map.of(), Map.of(), null, null);
    }

    public Event withPayload(Map<String, ?> newPayload) {
        return new Event(eventId, caseId, timestamp, sequenceNumber, eventType, activity, workflowType, actor, channel,
                Values.immutableMap(newPayload), objectRefs, stateBefore, stateAfter, outcomeLabels, sourceSystem,
                correlationId);
    }

    public Event withObjectRefs(List<ObjectRef> refs) {
        return new Event(eventId, caseId, timestamp, sequenceNumber, eventType, activity, workflowType, actor, channel,
                payload, refs, stateBefore, stateAfter, outcomeLabels, sourceSystem, correlationId);
    }

    public Event withSequenceNumber(long sequence) {
        return new Event(eventId, caseId, timestamp, sequence, eventType, activity, workflowType, actor, channel,
                payload, objectRefs, stateBefore, stateAfter, outcomeLabels, sourceSystem, correlationId);
    }

    public Event withActivity(String newActivity) {
        return new Event(eventId, caseId, timestamp, sequenceNumber, eventType, newActivity, workflowType, actor,
                channel, payload, objectRefs, stateBefore, stateAfter, outcomeLabels, sourceSystem, correlationId);
    }

    public Event withActor(Actor newActor) {
        return new Event(eventId, caseId, timestamp, sequenceNumber, eventType, activity, workflowType, newActor,
                channel, payload, objectRefs, stateBefore, stateAfter, outcomeLabels, sourceSystem, correlationId);
    }

    public Event withChannel(String newChannel) {
        return new Event(eventId, caseId, timestamp, sequenceNumber, eventType, activity, workflowType, actor,
                newChannel, payload, objectRefs, stateBefore, stateAfter, outcomeLabels, sourceSystem, correlationId);
    }

    /** The payload value for a key, or null. */
    public Object get(String key) {
        return payload.get(key);
    }
}
