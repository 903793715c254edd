package org.systemarena.datasets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.Actor;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventType;
import org.systemarena.core.ObjectRef;

/** Logs used by the round-trip tests: every canonical field and payload value type appears. */
final class SampleLogs {
    private SampleLogs() {
    }

    static Event event(String id, String caseId, String time, long seq, String type, Map<String, Object> payload) {
        return new Event(id, caseId, Instant.parse(time), seq, EventType.of(type), null, null, Actor.NONE, null,
                payload, List.of(), Map.of(), Map.of(), Map.of(), null, null);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A log whose payload keys each keep one value type (Parquet writes them as typed columns). */
    static EventLog rich(boolean withInstants) {
        Map<String, Object> created = map("budget", 5000L, "score", 0.75, "vip", true, "region", "EMEA");
        if (withInstants) {
            created.put("due", Instant.parse("2024-03-10T00:00:00.123456Z"));
        }
        Event e1 = new Event("ev-1", "L1", Instant.parse("2024-03-01T09:00:00Z"), 0, EventType.ENTITY_CREATED,
                null, "lead_followup", Actor.of("human", "u7", "Ann"), "web", created,
                List.of(ObjectRef.of("lead", "L1", "subject"), ObjectRef.of("account", "A9")), Map.of(),
                map("stage", "new"), Map.of(), "crm", "corr-1");
        Event e2 = new Event("ev-2", "L1", Instant.parse("2024-03-01T09:00:00Z"), 1, EventType.INTERACTION_OCCURRED,
                null, "lead_followup", Actor.of("agent", "bot-1"), "email", map("direction", "outbound",
                "budget", 6000L), List.of(), map("stage", "new"), map("stage", "contacted"), Map.of(), "crm", null);
        Event e3 = new Event("ev-3", "L1", Instant.parse("2024-03-05T17:30:12.345678Z"), 2,
                EventType.of("custom.thing"), "my activity", null, Actor.NONE, null, Map.of(), List.of(), Map.of(),
                Map.of(), map("converted", true, "value", 12.5), null, null);
        Event e4 = new Event("ev-4", "L2", Instant.parse("2024-02-28T23:59:59Z"), 0, EventType.STATE_CHANGED, null,
                "lead_followup", Actor.NONE, "phone", map("new_state", "qualified", "region", "APAC"),
                List.of(ObjectRef.of("lead", "L2", null)), Map.of(), Map.of(), Map.of(), null, null);
        return EventLog.of(List.of(e1, e2, e3, e4));
    }
}
