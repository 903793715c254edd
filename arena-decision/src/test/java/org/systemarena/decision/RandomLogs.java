package org.systemarena.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.systemarena.core.Actor;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventType;
import org.systemarena.core.ObjectRef;

/**
 * Seeded random event logs for property tests: random case structures, many same-timestamp ties (broken by sequence
 * number or by input position), explicit and derived event ids and sequence numbers, null payload values, state maps
 * and object references, in shuffled input order.
 */
final class RandomLogs {
    static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
    static final List<String> STATES = List.of("new", "qualified", "proposal", "won", "lost");
    static final List<String> OUTCOMES = List.of("won", "lost", "stalled", "other");
    static final List<String> ACTIONS = List.of("call", "send_email", "wait");

    private RandomLogs() {
    }

    /** Events of a random log, in input order (cases interleaved). */
    static List<Event> events(long seed, int cases) {
        Random rnd = new Random(seed);
        List<Event> all = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            all.addAll(caseEvents(rnd, "c" + c));
        }
        Collections.shuffle(all, rnd);
        // Shuffling breaks input-order ties; restore the case-internal input order of events without a sequence.
        return stableWithinCase(all);
    }

    static EventLog log(long seed, int cases) {
        return EventLog.of(events(seed, cases));
    }

    private static List<Event> stableWithinCase(List<Event> shuffled) {
        Map<String, List<Event>> byCase = new LinkedHashMap<>();
        for (Event e : shuffled) {
            byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Integer> next = new LinkedHashMap<>();
        Map<String, List<Event>> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, List<Event>> en : byCase.entrySet()) {
            List<Event> list = new ArrayList<>(en.getValue());
            list.sort((a, b) -> Integer.compare(order(a), order(b)));
            ordered.put(en.getKey(), list);
            next.put(en.getKey(), 0);
        }
        List<Event> out = new ArrayList<>(shuffled.size());
        for (Event e : shuffled) {
            int i = next.get(e.caseId());
            out.add(ordered.get(e.caseId()).get(i));
            next.put(e.caseId(), i + 1);
        }
        return out;
    }

    private static int order(Event e) {
        return ((Long) e.outcomeLabels().get("input_order")).intValue();
    }

    private static List<Event> caseEvents(Random rnd, String caseId) {
        int n = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 40 : 14);
        boolean explicitSeq = rnd.nextBoolean();
        boolean explicitIds = rnd.nextInt(3) == 0;
        long t = micros(T0) + rnd.nextInt(30) * 3_600_000_000L;
        List<Event> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                int step = rnd.nextInt(6);
                // ties are frequent on purpose
                t += step <= 1 ? 0 : step == 2 ? 1 : step == 3 ? 3_600_000_000L : rnd.nextInt(5) * 86_400_000_000L
                        + rnd.nextInt(1000);
            }
            String type;
            Map<String, Object> payload = new LinkedHashMap<>();
            Map<String, Object> stateAfter = new LinkedHashMap<>();
            if (i == 0) {
                type = "entity.created";
                payload.put("budget", (long) rnd.nextInt(10_000));
                payload.put("source", rnd.nextBoolean() ? "web" : "referral");
            } else {
                switch (rnd.nextInt(8)) {
                    case 0, 1 -> {
                        type = "interaction.occurred";
                        payload.put("direction", rnd.nextBoolean() ? "inbound" : "outbound");
                        payload.put("channel_kind", rnd.nextBoolean() ? "email" : "phone");
                    }
                    case 2 -> {
                        type = "state.changed";
                        if (rnd.nextInt(6) > 0) {
                            payload.put("new_state", STATES.get(rnd.nextInt(STATES.size())));
                        }
                        if (rnd.nextBoolean()) {
                            stateAfter.put("status", STATES.get(rnd.nextInt(STATES.size())));
                        }
                        stateAfter.put("stage", (long) rnd.nextInt(5));
                    }
                    case 3 -> {
                        type = "decision.requested";
                        payload.put("score", rnd.nextDouble());
                    }
                    case 4 -> {
                        type = "decision.executed";
                        if (rnd.nextInt(5) > 0) {
                            payload.put("action", ACTIONS.get(rnd.nextInt(ACTIONS.size())));
                        }
                        if (rnd.nextInt(4) > 0) {
                            payload.put("propensity", rnd.nextInt(4) == 0 ? 1.0 : 0.1 + 0.8 * rnd.nextDouble());
                        }
                    }
                    case 5 -> {
                        type = "outcome.recorded";
                        payload.put("outcome", OUTCOMES.get(rnd.nextInt(OUTCOMES.size())));
                    }
                    case 6 -> {
                        type = rnd.nextBoolean() ? "won" : "note.added";
                        payload.put("budget", rnd.nextInt(4) == 0 ? null : (Object) (long) rnd.nextInt(10_000));
                        payload.put("note", "n" + rnd.nextInt(100));
                        if (rnd.nextInt(4) == 0) {
                            payload.put("state.odd", 1L); // reserved prefix: never a case attribute
                        }
                    }
                    default -> {
                        type = "timer.elapsed";
                        payload.put("flag", rnd.nextBoolean());
                        payload.put("at", Instant.ofEpochSecond(1_700_000_000L + rnd.nextInt(1000)));
                    }
                }
            }
            long seq = explicitSeq ? (rnd.nextInt(4) == 0 ? i / 2 : i) : Long.MIN_VALUE;
            String id = explicitIds && rnd.nextBoolean() ? caseId + "-e" + i : null;
            List<ObjectRef> refs = rnd.nextInt(4) == 0 ? List.of(ObjectRef.of("account", "a" + rnd.nextInt(5), "owner"))
                    : List.of();
            Actor actor = rnd.nextBoolean() ? Actor.of("human", "u" + rnd.nextInt(3), "User") : Actor.NONE;
            list.add(new Event(id, caseId, fromMicros(t), seq, EventType.of(type), null, "lead", actor,
                    rnd.nextBoolean() ? "email" : null, payload, refs, Map.of(), stateAfter,
                    Map.of("input_order", (long) i), null, rnd.nextInt(5) == 0 ? "corr" + i : null));
        }
        return list;
    }

    static long micros(Instant i) {
        return org.systemarena.core.Timestamps.toMicros(i);
    }

    static Instant fromMicros(long m) {
        return org.systemarena.core.Timestamps.fromMicros(m);
    }
}
