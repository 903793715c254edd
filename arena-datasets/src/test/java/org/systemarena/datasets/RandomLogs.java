package org.systemarena.datasets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.systemarena.core.Actor;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventType;
import org.systemarena.core.ObjectRef;

/** Seeded random logs for property-style round-trip tests. */
public final class RandomLogs {
    private static final String[] TEXT = {"a", "EMEA", "", "with, comma", "quote \" inside", "line\nbreak", "é ü 😀",
        "tab\there", "back\\slash"};
    private static final String[] TYPES = {"entity.created", "interaction.occurred", "state.changed",
        "outcome.recorded", "custom.type", "decision.executed"};

    private RandomLogs() {
    }

    /**
     * A log of {@code events} events. Payload keys: {@code n} (always long), {@code x} (always double), {@code s}
     * (string), {@code b} (boolean), {@code t} (instant, only with {@code instants}), {@code mixed} (any type or
     * null), {@code channel} (a payload key named like a canonical column), {@code maybe} (long or explicit null).
     */
    public static EventLog generate(long seed, int events, boolean instants) {
        Random rnd = new Random(seed);
        List<Event> list = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            Map<String, Object> payload = new LinkedHashMap<>();
            if (rnd.nextInt(3) > 0) {
                payload.put("n", rnd.nextLong() >> rnd.nextInt(64));
            }
            if (rnd.nextBoolean()) {
                payload.put("x", rnd.nextGaussian() * Math.pow(10, rnd.nextInt(20) - 10));
            }
            if (rnd.nextBoolean()) {
                payload.put("s", TEXT[rnd.nextInt(TEXT.length)]);
            }
            if (rnd.nextBoolean()) {
                payload.put("b", rnd.nextBoolean());
            }
            if (instants && rnd.nextBoolean()) {
                payload.put("t", Instant.ofEpochSecond(rnd.nextInt(2_000_000_000), rnd.nextInt(1_000_000) * 1000L));
            }
            if (rnd.nextInt(4) == 0) {
                Object[] any = {null, 5L, 2.5, "five", true};
                payload.put("mixed", any[rnd.nextInt(any.length)]);
            }
            if (rnd.nextInt(5) == 0) {
                payload.put("channel", "payload-" + rnd.nextInt(3));
            }
            if (rnd.nextInt(5) == 0) {
                payload.put("maybe", rnd.nextBoolean() ? null : (Object) 7L);
            }
            List<ObjectRef> refs = new ArrayList<>();
            for (int r = rnd.nextInt(3); r > 0; r--) {
                refs.add(ObjectRef.of("obj" + rnd.nextInt(3), "id-" + rnd.nextInt(50),
                        rnd.nextBoolean() ? null : "role" + rnd.nextInt(2)));
            }
            Map<String, Object> state = rnd.nextInt(4) == 0 ? Map.of("stage", TEXT[rnd.nextInt(TEXT.length)],
                    "level", (long) rnd.nextInt(5)) : Map.of();
            Map<String, Object> labels = rnd.nextInt(6) == 0 ? Map.of("won", rnd.nextBoolean()) : Map.of();
            Actor actor = rnd.nextBoolean() ? Actor.NONE
                    : new Actor(rnd.nextBoolean() ? "human" : null, "u" + rnd.nextInt(9), rnd.nextBoolean() ? "Ann" : null);
            String caseId = "case-" + rnd.nextInt(Math.max(1, events / 5));
            Instant time = Instant.ofEpochSecond(1_700_000_000L + rnd.nextInt(1000) * 60L, rnd.nextInt(3) * 1000L);
            list.add(new Event(rnd.nextInt(3) == 0 ? "ev" + i : null, caseId, time,
                    rnd.nextBoolean() ? rnd.nextInt(100) : Long.MIN_VALUE, EventType.of(TYPES[rnd.nextInt(TYPES.length)]),
                    rnd.nextInt(4) == 0 ? "act" + rnd.nextInt(3) : null, rnd.nextBoolean() ? "wf" : null, actor,
                    rnd.nextBoolean() ? "email" : null, payload, refs, state, state, labels,
                    rnd.nextBoolean() ? "crm" : null, rnd.nextInt(5) == 0 ? "corr" + rnd.nextInt(4) : null));
        }
        return EventLog.of(list);
    }
}
