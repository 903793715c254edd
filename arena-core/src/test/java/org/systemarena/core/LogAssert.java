package org.systemarena.core;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two logs are the same column by column: every dictionary with its strings in the same code order, every code,
 * timestamp, sequence number, attribute entry (key code, kind, raw bits) and object reference, case grouping and
 * order, and the events they make. Other modules' tests use it through arena-core's test-jar.
 */
public final class LogAssert {
    private LogAssert() {
    }

    public static void assertSameLog(EventLog actual, EventLog expected) {
        assertThat(actual.size()).as("size").isEqualTo(expected.size());
        assertThat(actual.caseIds()).as("case ids").isEqualTo(expected.caseIds());
        assertThat(actual.hasExplicitEventIds()).as("explicit event ids").isEqualTo(expected.hasExplicitEventIds());
        for (int c = 0; c < expected.caseCount(); c++) {
            eq(actual.caseStart(c), expected.caseStart(c), "start of case %d", c);
            eq(actual.caseEnd(c), expected.caseEnd(c), "end of case %d", c);
        }
        int n = expected.size();
        for (int r = 0; r < n; r++) {
            eq(actual.caseOf(r), expected.caseOf(r), "case of row %d", r);
            eq(actual.timestampMicros(r), expected.timestampMicros(r), "timestamp of row %d", r);
            eq(actual.sequenceNumber(r), expected.sequenceNumber(r), "sequence of row %d", r);
            assertThat(actual.eventId(r)).as("event id of row %d", r).isEqualTo(expected.eventId(r));
        }
        sameColumn("event type", actual.eventTypeColumn(), expected.eventTypeColumn(), n);
        sameColumn("activity", actual.activityColumn(), expected.activityColumn(), n);
        sameColumn("workflow type", actual.workflowTypeColumn(), expected.workflowTypeColumn(), n);
        sameColumn("channel", actual.channelColumn(), expected.channelColumn(), n);
        sameColumn("actor type", actual.actorTypeColumn(), expected.actorTypeColumn(), n);
        sameColumn("actor id", actual.actorIdColumn(), expected.actorIdColumn(), n);
        sameColumn("actor name", actual.actorNameColumn(), expected.actorNameColumn(), n);
        sameColumn("source system", actual.sourceSystemColumn(), expected.sourceSystemColumn(), n);
        sameColumn("correlation id", actual.correlationIdColumn(), expected.correlationIdColumn(), n);
        sameTable("payload", actual.payload(), expected.payload(), n);
        sameTable("state before", actual.stateBefore(), expected.stateBefore(), n);
        sameTable("state after", actual.stateAfter(), expected.stateAfter(), n);
        sameTable("outcome labels", actual.outcomeLabels(), expected.outcomeLabels(), n);
        ObjectRefTable a = actual.objectRefs();
        ObjectRefTable e = expected.objectRefs();
        assertThat(a.typeDictionary().values()).as("object types").isEqualTo(e.typeDictionary().values());
        assertThat(a.idDictionary().values()).as("object ids").isEqualTo(e.idDictionary().values());
        assertThat(a.roleDictionary().values()).as("object roles").isEqualTo(e.roleDictionary().values());
        assertThat(a.entryCount()).as("object references").isEqualTo(e.entryCount());
        for (int r = 0; r < n; r++) {
            eq(a.start(r), e.start(r), "object references of row %d", r);
            eq(a.end(r), e.end(r), "object references of row %d", r);
        }
        for (int i = 0; i < e.entryCount(); i++) {
            eq(a.typeCode(i), e.typeCode(i), "object reference %d", i);
            eq(a.idCode(i), e.idCode(i), "object reference %d", i);
            assertThat(a.ref(i)).as("object reference %d", i).isEqualTo(e.ref(i));
        }
        assertThat(actual.fixedColumnBytesPerEvent()).as("bytes per event")
                .isEqualTo(expected.fixedColumnBytesPerEvent());
        assertThat(actual.replayOrder()).as("replay order").isEqualTo(expected.replayOrder());
        assertThat(actual.events()).as("events").isEqualTo(expected.events());
    }

    private static void eq(long actual, long expected, String what, Object... args) {
        if (actual != expected) {
            assertThat(actual).as(what, args).isEqualTo(expected);
        }
    }

    private static void sameColumn(String name, StringColumn actual, StringColumn expected, int n) {
        assertThat(actual.dictionary().values()).as("%s dictionary", name).isEqualTo(expected.dictionary().values());
        assertThat(actual.isAllNull()).as("%s all null", name).isEqualTo(expected.isAllNull());
        for (int r = 0; r < n; r++) {
            if (actual.code(r) != expected.code(r)) {
                eq(actual.code(r), expected.code(r), "%s code of row %d", name, r);
            }
        }
    }

    private static void sameTable(String name, AttributeTable actual, AttributeTable expected, int n) {
        assertThat(actual.keyDictionary().values()).as("%s keys", name).isEqualTo(expected.keyDictionary().values());
        assertThat(actual.strings().values()).as("%s strings", name).isEqualTo(expected.strings().values());
        assertThat(actual.entryCount()).as("%s entries", name).isEqualTo(expected.entryCount());
        for (int r = 0; r < n; r++) {
            eq(actual.start(r), expected.start(r), "%s start of row %d", name, r);
            eq(actual.end(r), expected.end(r), "%s end of row %d", name, r);
        }
        for (int i = 0; i < expected.entryCount(); i++) {
            eq(actual.keyCode(i), expected.keyCode(i), "%s key of entry %d", name, i);
            eq(actual.kindCode(i), expected.kindCode(i), "%s kind of entry %d", name, i);
            eq(actual.rawValue(i), expected.rawValue(i), "%s value of entry %d", name, i);
        }
    }
}
