package org.systemarena.agents;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.systemarena.core.Event;
import org.systemarena.core.Values;

/**
 * One visible event as the request shows it: id, time, type, activity, channel, actor and payload. State maps and
 * outcome labels are left out (the snapshot's {@code state.*} values carry the current state).
 */
public record HistoryEvent(String eventId, Instant time, String type, String activity, String channel,
                           String actorType, String actorId, Map<String, Object> payload) {
    public HistoryEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        payload = Values.immutableMap(payload);
    }

    public static HistoryEvent of(Event e) {
        return new HistoryEvent(e.eventId(), e.timestamp(), e.eventType().name(), e.activity(), e.channel(),
                e.actor().type(), e.actor().id(), e.payload());
    }
}
