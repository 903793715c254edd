package org.systemarena.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.Event;

/** A hand-made snapshot for policy unit tests. */
record MapSnapshot(String caseId, Instant asOf, Map<String, Object> values) implements CaseSnapshot {
    static MapSnapshot of(String caseId, Map<String, Object> values) {
        return new MapSnapshot(caseId, Instant.parse("2024-01-01T00:00:00Z"), values);
    }

    @Override
    public Event triggerEvent() {
        return Event.of(caseId, asOf, "timer.elapsed");
    }

    @Override
    public List<Event> visibleEvents() {
        return List.of(triggerEvent());
    }

    @Override
    public Set<String> names() {
        return values.keySet();
    }

    @Override
    public Object get(String name) {
        return values.get(name);
    }
}
