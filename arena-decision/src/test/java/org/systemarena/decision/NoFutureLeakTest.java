package org.systemarena.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.systemarena.core.Actor;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.CaseView;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventType;
import org.systemarena.core.ObjectRef;
import org.systemarena.core.ObjectRefTable;
import org.systemarena.core.StringColumn;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.Timestamps;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;

/** Tries to make a snapshot see the future: by changing the log after the trigger, and by walking its object graph. */
class NoFutureLeakTest {
    private static final Instant FUTURE = Instant.parse("2030-01-01T00:00:00Z");
    private static final long FUTURE_MICROS = Timestamps.toMicros(FUTURE);

    /** Conditions use built-in names only, so any mutated log passes the manifest check. */
    static Manifest manifest() {
        return TestManifests.of(List.of(
                DecisionPointSpec.of("on_request", "decision.requested", "total_events >= 2", List.of()),
                DecisionPointSpec.of("on_inbound", "interaction.occurred:inbound", null, List.of()),
                DecisionPointSpec.of("on_state", "state.changed", null, List.of()),
                DecisionPointSpec.of("on_note", "note.added", "time_since_created_days >= 0", List.of()),
                DecisionPointSpec.of("on_created", "entity.created", null, List.of())), null);
    }

    private static Extraction extract(EventLog log) {
        return DecisionPointExtractor.of(manifest(), log, ExtractionChecks.featureExtractors()).extractAll();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25})
    void changingAddingOrDeletingLaterEventsNeverChangesASnapshot(long seed) {
        EventLog log = RandomLogs.log(seed, 8);
        List<Event> events = log.events();
        Extraction base = extract(log);
        List<DecisionPoint> points = base.decisionPoints();
        assertThat(points).isNotEmpty();
        Random rnd = new Random(seed * 7919);
        for (int trial = 0; trial < 8; trial++) {
            DecisionPoint p = points.get(rnd.nextInt(points.size()));
            int t = p.triggerRow();
            int caseEnd = log.caseEnd(p.caseIndex());
            Event trigger = events.get(t);
            List<Event> mutated = mutate(events, t, caseEnd, trigger, rnd, trial % 4);
            Map<String, DecisionPoint> after = new HashMap<>();
            extract(EventLog.of(mutated)).decisionPoints().forEach(q -> after.put(q.id(), q));
            DecisionPoint q = after.get(p.id());
            assertThat(q).as("decision point %s after mutation %d", p.id(), trial % 4).isNotNull();
            PointInTimeSnapshot a = (PointInTimeSnapshot) p.snapshot();
            PointInTimeSnapshot b = (PointInTimeSnapshot) q.snapshot();
            assertThat(b.values()).as(p.id()).isEqualTo(a.values());
            for (String name : a.names()) {
                assertThat(b.get(name)).as(p.id() + " " + name).isEqualTo(a.get(name));
            }
            assertThat(b.visibleEvents()).as(p.id()).isEqualTo(a.visibleEvents());
            assertThat(b.visibleEvents()).as(p.id()).isEqualTo(events.subList(log.caseStart(p.caseIndex()), t + 1));
        }
    }

    /** op 0: delete later events; 1: change them; 2: add events after the trigger (same timestamp too); 3: all. */
    private static List<Event> mutate(List<Event> events, int t, int caseEnd, Event trigger, Random rnd, int op) {
        List<Event> out = new ArrayList<>(events.size() + 8);
        for (int r = 0; r < events.size(); r++) {
            Event e = events.get(r);
            if (r <= t || r >= caseEnd) {
                out.add(e);
            } else if ((op == 0 || op == 3) && rnd.nextBoolean()) {
                continue; // deleted
            } else if (op == 1 || op == 3) {
                out.add(change(e, rnd));
            } else {
                out.add(e);
            }
        }
        if (op == 2 || op == 3) {
            long ts = Timestamps.toMicros(trigger.timestamp());
            for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
                boolean tie = rnd.nextBoolean();
                long at = tie ? ts : ts + 1 + rnd.nextInt(1_000_000_000);
                // appended last, so a tie on (timestamp, sequence) is broken by input position: after the trigger
                long seq = tie ? trigger.sequenceNumber() + rnd.nextInt(3) : rnd.nextInt(100);
                String type = List.of("interaction.occurred", "state.changed", "note.added", "decision.requested")
                        .get(rnd.nextInt(4));
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("budget", 999_999L);
                payload.put("direction", "inbound");
                payload.put("new_state", "won");
                payload.put("note", "future-note");
                payload.put("secret", "FUTURE");
                out.add(new Event("added-" + i, trigger.caseId(), Timestamps.fromMicros(at), seq, EventType.of(type),
                        null, "lead", Actor.of("human", "future-actor"), "sms", payload,
                        List.of(ObjectRef.of("account", "future-account")), Map.of("status", "x"),
                        Map.of("status", "won", "stage", 3L), Map.of(), "future-system", "future-corr"));
            }
        }
        return out;
    }

    private static Event change(Event e, Random rnd) {
        Map<String, Object> payload = new LinkedHashMap<>(e.payload());
        payload.put("budget", rnd.nextBoolean() ? null : (Object) (long) rnd.nextInt(1_000_000));
        payload.put("secret", "FUTURE");
        payload.replaceAll((k, v) -> k.equals("direction") ? "outbound" : v);
        Instant ts = rnd.nextBoolean() ? e.timestamp() : e.timestamp().plusSeconds(rnd.nextInt(100_000));
        String type = rnd.nextInt(3) == 0 ? "note.added" : e.eventType().name();
        return new Event(e.eventId(), e.caseId(), ts, e.sequenceNumber(), EventType.of(type), e.activity() + "-x",
                e.workflowType(), Actor.of("bot", "future-actor"), "sms", payload, e.objectRefs(), e.stateBefore(),
                Map.of("stage", 42L, "status", "changed"), e.outcomeLabels(), "future-system", e.correlationId());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void nothingReachableFromASnapshotBelongsToTheLogOrToALaterEvent(long seed) {
        List<Event> events = new ArrayList<>(RandomLogs.events(seed, 10));
        // one event per case after everything else, full of marker strings; never a trigger
        for (String caseId : new java.util.TreeSet<>(events.stream().map(Event::caseId).toList())) {
            events.add(new Event("FUTURE-id-" + caseId, caseId, FUTURE, 1_000,
                    EventType.of("FUTURE.type"), "FUTURE-activity", "FUTURE-wf", Actor.of("FUTURE", "FUTURE"),
                    "FUTURE-channel", Map.of("FUTURE-key", "FUTURE-value", "budget", "FUTURE-budget"),
                    List.of(ObjectRef.of("FUTURE", "FUTURE", "FUTURE")), Map.of("FUTURE-b", "FUTURE"),
                    Map.of("status", "FUTURE-status"), Map.of("FUTURE-l", "FUTURE"), "FUTURE-src", "FUTURE-corr"));
        }
        EventLog log = EventLog.of(events);
        Extraction x = extract(log);
        assertThat(x.decisionPoints()).isNotEmpty();
        for (DecisionPoint p : x.decisionPoints()) {
            PointInTimeSnapshot s = (PointInTimeSnapshot) p.snapshot();
            int visible = s.visibleCount();
            int entries = 0;
            for (int r = log.caseStart(p.caseIndex()); r <= p.triggerRow(); r++) {
                entries += size(log.payload(), r) + size(log.stateBefore(), r) + size(log.stateAfter(), r)
                        + size(log.outcomeLabels(), r) + (log.objectRefs().end(r) - log.objectRefs().start(r));
            }
            assertThat(visible).isEqualTo(p.triggerRow() - log.caseStart(p.caseIndex()) + 1);
            ObjectGraph g = ObjectGraph.of(s);
            for (Object o : g.objects) {
                assertThat(o).as(p.id()).isNotInstanceOfAny(EventLog.class, CaseView.class, StringDictionary.class,
                        AttributeTable.class, StringColumn.class, ObjectRefTable.class, DecisionPointExtractor.class,
                        CaseWalker.class);
                if (o instanceof String str) {
                    assertThat(str).as(p.id()).doesNotContain("FUTURE");
                }
                if (o instanceof Instant i) {
                    assertThat(i).as(p.id()).isBefore(FUTURE);
                }
            }
            for (Object a : g.arrays) {
                int length = java.lang.reflect.Array.getLength(a);
                // no array has more cells than the visible prefix: 9 string columns per event, at most 3 cells per
                // attribute entry or object reference
                assertThat(length).as(p.id() + " " + a.getClass().getSimpleName())
                        .isLessThanOrEqualTo(visible * 9 + 3 * entries);
                if (a instanceof long[] longs) {
                    assertThat(longs).as(p.id()).doesNotContain(FUTURE_MICROS);
                }
            }
            // what a policy can call: the same must hold for the events it materialises
            ObjectGraph viaApi = ObjectGraph.of(List.of(s.visibleEvents(), s.triggerEvent(), s.names(),
                    new ArrayList<>(s.names().stream().map(s::get).toList())));
            for (Object o : viaApi.objects) {
                if (o instanceof String str) {
                    assertThat(str).as(p.id()).doesNotContain("FUTURE");
                }
            }
        }
    }

    private static int size(AttributeTable t, int row) {
        return t.end(row) - t.start(row);
    }
}
