package org.systemarena.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    private static Instant t(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static EventLog sample() {
        EventLogBuilder b = EventLog.builder();
        // input deliberately out of order; case B starts before case A
        b.startEvent("A", t(10)).eventType("interaction.occurred").payload("direction", "inbound")
                .objectRef("contact", "c1", "primary");
        b.startEvent("A", t(5)).eventType("entity.created").payload("budget", 5000).objectRef("account", "acc1", null);
        b.startEvent("B", t(1)).eventType("entity.created").payload("budget", 2.5);
        b.startEvent("A", t(10)).eventType("state.changed").payload("new_state", "qualified");
        b.startEvent("B", t(20)).eventType("custom.thing").activity("Do Thing");
        b.startEvent("A", t(30)).eventType("outcome.recorded").payload("outcome", "converted")
                .objectRef("contact", "c1", "primary");
        return b.build();
    }

    @Test
    void groupsCasesByFirstTimestampAndSortsWithinCase() {
        EventLog log = sample();
        assertThat(log.size()).isEqualTo(6);
        assertThat(log.caseCount()).isEqualTo(2);
        assertThat(log.caseIds()).containsExactly("B", "A");
        List<String> order = new ArrayList<>();
        for (int r = 0; r < log.size(); r++) {
            order.add(log.caseIdOf(r) + ":" + log.activity(r));
        }
        // A's two events at t(10) tie on timestamp; derived sequence numbers (input order within case) break the tie
        assertThat(order).containsExactly("B:entity.created", "B:Do Thing", "A:entity.created",
                "A:interaction.occurred:inbound", "A:state.changed:qualified", "A:outcome.recorded:converted");
    }

    @Test
    void derivesSequenceNumbersAndEventIdsFromInputOrder() {
        EventLog log = sample();
        // A's events in input order: interaction (0), created (1), state (2), outcome (3)
        assertThat(log.sequenceNumber(2)).isEqualTo(1);
        assertThat(log.eventId(2)).isEqualTo("A#1");
        assertThat(log.eventId(3)).isEqualTo("A#0");
        assertThat(log.hasExplicitEventIds()).isFalse();
    }

    @Test
    void explicitSequenceNumbersBreakTimestampTies() {
        EventLogBuilder b = EventLog.builder();
        b.startEvent("c", t(0)).eventType("x").sequenceNumber(7);
        b.startEvent("c", t(0)).eventType("y").sequenceNumber(3);
        b.startEvent("c", t(0)).eventType("z").sequenceNumber(3);
        EventLog log = b.build();
        assertThat(List.of(log.eventType(0), log.eventType(1), log.eventType(2))).containsExactly("y", "z", "x");
    }

    @Test
    void keepsCustomEventTypesAsWritten() {
        EventLog log = sample();
        assertThat(log.eventTypes()).contains("custom.thing");
        assertThat(EventType.of("custom.thing").isCanonical()).isFalse();
        assertThat(EventType.of("state.changed")).isSameAs(EventType.STATE_CHANGED);
    }

    @Test
    void payloadValuesKeepTheirTypesAndLastWriteWins() {
        EventLogBuilder b = EventLog.builder();
        b.startEvent("c", t(0)).eventType("x").payload("n", 1).payload("n", 2L).payload("d", 1.5f)
                .payload("s", "v").payload("b", true).payload("i", T0).payload("z", null);
        EventLog log = b.build();
        Map<String, Object> p = log.payload().map(0);
        assertThat(p).containsEntry("n", 2L).containsEntry("d", 1.5).containsEntry("s", "v")
                .containsEntry("b", true).containsEntry("i", T0).containsEntry("z", null);
        assertThat(p).hasSize(6);
        assertThat(log.payload().get(0, "missing")).isNull();
    }

    @Test
    void eventRoundTripsThroughTheBuilder() {
        Event e = new Event("ev-1", "case-9", T0.plusNanos(123_000), 4, EventType.INTERACTION_OCCURRED, "call",
                "lead_followup", Actor.of("human", "rep-1", "Ann"), "phone", Map.of("budget", 10L),
                List.of(ObjectRef.of("contact", "c9", "primary")), Map.of("stage", "new"), Map.of("stage", "open"),
                Map.of("converted", false), "crm", "corr-1");
        EventLog log = EventLog.of(List.of(e));
        assertThat(log.event(0)).isEqualTo(e);
        assertThat(log.events()).containsExactly(e);
        assertThat(log.hasExplicitEventIds()).isTrue();
    }

    @Test
    void filtersByObjectTypeAndId() {
        EventLog log = sample();
        assertThat(log.objectTypes()).containsExactly("account", "contact");
        EventLog contacts = log.filterByObject("contact");
        assertThat(contacts.size()).isEqualTo(2);
        assertThat(contacts.caseIds()).containsExactly("A");
        assertThat(log.filterByObject("contact", "c1").size()).isEqualTo(2);
        assertThat(log.filterByObject("contact", "nope").size()).isZero();
        assertThat(log.filterByObject("unknown-type").isEmpty()).isTrue();
        assertThat(contacts.objectRefs().refs(0)).containsExactly(ObjectRef.of("contact", "c1", "primary"));
    }

    @Test
    void filtersByCaseTimeAndTypeAndReordersCases() {
        EventLog log = sample();
        assertThat(log.filterByCase("A").size()).isEqualTo(4);
        assertThat(log.filterByCase("A", "missing").caseIds()).containsExactly("A");
        EventLog window = log.filterByTimeRange(t(5), t(20));
        assertThat(window.size()).isEqualTo(3);
        assertThat(window.caseIds()).containsExactly("A");
        EventLog later = log.filterByType("custom.thing", "outcome.recorded");
        // B's remaining event is at t(20), A's at t(30): B stays first
        assertThat(later.caseIds()).containsExactly("B", "A");
        EventLog onlyA = log.filterByType("state.changed", "custom.thing");
        // A's state change (t10) now precedes B's custom event (t20)
        assertThat(onlyA.caseIds()).containsExactly("A", "B");
        assertThat(onlyA.payload().map(0)).containsEntry("new_state", "qualified");
    }

    @Test
    void replayOrderIsTimestampThenCaseIdThenSequence() {
        EventLogBuilder b = EventLog.builder();
        b.startEvent("b", t(1)).eventType("e1");
        b.startEvent("a", t(1)).eventType("e2");
        b.startEvent("a", t(0)).eventType("e3");
        b.startEvent("b", t(1)).eventType("e4").sequenceNumber(-1);
        EventLog log = b.build();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            int r = log.replayRow(i);
            order.add(log.caseIdOf(r) + ":" + log.eventType(r));
        }
        assertThat(order).containsExactly("a:e3", "a:e2", "b:e4", "b:e1");
    }

    @Test
    void timeRangeAndCaseViews() {
        EventLog log = sample();
        assertThat(log.timeRange()).contains(new EventLog.TimeRange(t(1), t(30)));
        CaseView a = log.caseView("A").orElseThrow();
        assertThat(a.size()).isEqualTo(4);
        assertThat(a.event(0).eventType()).isEqualTo(EventType.ENTITY_CREATED);
        assertThat(log.caseView("zzz")).isEmpty();
        assertThat(EventLog.empty().timeRange()).isEmpty();
    }

    @Test
    void rejectsEventsWithoutCaseOrType() {
        assertThatThrownBy(() -> EventLog.builder().startEvent(null, T0))
                .isInstanceOf(ArenaException.class).hasMessage("event 1 has no case id");
        EventLogBuilder b = EventLog.builder();
        b.startEvent("c1", T0);
        assertThatThrownBy(b::build).isInstanceOf(ArenaException.class)
                .hasMessage("event 1 (case 'c1') has no event type");
    }

    @Test
    void fixedColumnsStayUnder80BytesPerEvent() {
        EventLogBuilder b = EventLog.builder();
        for (int i = 0; i < 10_000; i++) {
            b.startEvent("case-" + (i / 10), T0.plusSeconds(i)).eventType("interaction.occurred")
                    .actor("human", "rep-" + (i % 7), null).channel("email").workflowType("w")
                    .sourceSystem("crm").correlationId("x").payload("direction", "outbound")
                    .objectRef("contact", "c" + i, null);
        }
        EventLog log = b.build();
        assertThat(log.fixedColumnBytesPerEvent()).isLessThanOrEqualTo(80.0);
    }

    @Test
    void eventTimestampsKeepMicroseconds() {
        Instant precise = Instant.parse("2024-01-01T00:00:00.123456Z");
        EventLog log = EventLog.of(List.of(Event.of("c", precise, "x")));
        assertThat(log.timestamp(0)).isEqualTo(precise);
        assertThat(Timestamps.fromMicros(Timestamps.toMicros(Instant.parse("1969-12-31T23:59:59.999999Z"))))
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    }

    @Test
    void locationsDescribeFileRowColumnAndValue() {
        ArenaException e = new ArenaException("unparseable timestamp",
                ArenaException.Location.row("data/events.csv", 12, "timestamp", "2024-13-01"));
        assertThat(e).hasMessage("data/events.csv, row 12, column 'timestamp', value '2024-13-01': unparseable timestamp");
        assertThat(new ArenaException("x", ArenaException.Location.line("m.yaml", 3, 7))).hasMessage("m.yaml:3:7: x");
    }
}
