package org.systemarena.decision;

import java.util.List;
import org.systemarena.core.Actor;
import org.systemarena.core.Event;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventType;
import org.systemarena.core.StringColumn;
import org.systemarena.core.Timestamps;

/**
 * The visible events of one case, copied out of the log in chunks.
 *
 * <p>A chunk holds the rows between two consecutive triggers of a case (columnar, strings resolved) and points to the
 * chunk before it, never to a later one. A snapshot keeps the chunk of its trigger, so consecutive snapshots of a
 * case share their common prefix while copying every row at most once, and no chain of references from a snapshot
 * reaches a row after its trigger, the log or any of the log's arrays or dictionaries.
 */
final class VisibleRows {
    private final String caseId;
    private final VisibleRows previous;
    private final int offset;
    private final long[] timestamps;
    private final long[] sequences;
    private final String[] eventIds; // null: every id is derived from case id and sequence
    // The string columns a log has values in (bit c set: column c, in COLUMN order), stored row-major in
    // `strings`: row j, column c at j * width + bitCount(columns & ((1 << c) - 1)). One array instead of nine.
    private final int columns;
    private final int width;
    private final String[] strings;
    private final AttributeCopy payload;
    private final AttributeCopy stateBefore;
    private final AttributeCopy stateAfter;
    private final AttributeCopy outcomeLabels;
    private final ObjectRefCopy objectRefs;

    private VisibleRows(EventLog log, StringColumn[] all, int mask, int from, int to, VisibleRows previous) {
        this.caseId = log.caseIdOf(from);
        this.previous = previous;
        this.offset = previous == null ? 0 : previous.size();
        int n = to - from;
        timestamps = new long[n];
        sequences = new long[n];
        for (int i = 0; i < n; i++) {
            timestamps[i] = log.timestampMicros(from + i);
            sequences[i] = log.sequenceNumber(from + i);
        }
        if (log.hasExplicitEventIds()) {
            eventIds = new String[n];
            for (int i = 0; i < n; i++) {
                eventIds[i] = log.eventId(from + i);
            }
        } else {
            eventIds = null;
        }
        columns = mask;
        width = Integer.bitCount(mask);
        strings = new String[n * width];
        int k = 0;
        for (int c = 0; c < all.length; c++) {
            if ((mask & (1 << c)) != 0) {
                StringColumn column = all[c];
                for (int i = 0; i < n; i++) {
                    strings[i * width + k] = column.value(from + i);
                }
                k++;
            }
        }
        payload = AttributeCopy.of(log.payload(), from, to);
        stateBefore = AttributeCopy.of(log.stateBefore(), from, to);
        stateAfter = AttributeCopy.of(log.stateAfter(), from, to);
        outcomeLabels = AttributeCopy.of(log.outcomeLabels(), from, to);
        objectRefs = ObjectRefCopy.of(log.objectRefs(), from, to);
    }

    /** Copies log rows {@code [from, to)} of one case, continuing {@code previous} (null for the case's first rows). */
    static VisibleRows copy(Columns columns, int from, int to, VisibleRows previous) {
        if (from >= to) {
            throw new IllegalArgumentException("empty row range " + from + ".." + to);
        }
        return new VisibleRows(columns.log, columns.all, columns.mask, from, to, previous);
    }

    /** The string columns of a log and which of them hold any value; computed once per extractor. */
    static final class Columns {
        final EventLog log;
        final StringColumn[] all;
        final int mask;

        Columns(EventLog log) {
            this.log = log;
            this.all = columns(log);
            int m = 0;
            for (int c = 0; c < all.length; c++) {
                if (!all[c].isAllNull()) {
                    m |= 1 << c;
                }
            }
            this.mask = m;
        }
    }

    private static final int TYPE = 0;
    private static final int ACTIVITY = 1;
    private static final int WORKFLOW = 2;
    private static final int ACTOR_TYPE = 3;
    private static final int ACTOR_ID = 4;
    private static final int ACTOR_NAME = 5;
    private static final int CHANNEL = 6;
    private static final int SOURCE = 7;
    private static final int CORRELATION = 8;

    private static StringColumn[] columns(EventLog log) {
        return new StringColumn[] {log.eventTypeColumn(), log.activityColumn(), log.workflowTypeColumn(),
            log.actorTypeColumn(), log.actorIdColumn(), log.actorNameColumn(), log.channelColumn(),
            log.sourceSystemColumn(), log.correlationIdColumn()};
    }

    /** Column {@code column} of local row {@code j}, or null. */
    private String string(int j, int column) {
        int bit = 1 << column;
        return (columns & bit) == 0 ? null : strings[j * width + Integer.bitCount(columns & (bit - 1))];
    }

    int size() {
        return offset + timestamps.length;
    }

    String caseId() {
        return caseId;
    }

    long timestampMicros(int i) {
        VisibleRows c = chunkOf(i);
        return c.timestamps[i - c.offset];
    }

    String eventType(int i) {
        VisibleRows c = chunkOf(i);
        return c.string(i - c.offset, TYPE);
    }

    String activity(int i) {
        VisibleRows c = chunkOf(i);
        return c.string(i - c.offset, ACTIVITY);
    }

    String eventId(int i) {
        VisibleRows c = chunkOf(i);
        int j = i - c.offset;
        return c.eventIds == null || c.eventIds[j] == null ? caseId + "#" + c.sequences[j] : c.eventIds[j];
    }

    String channel(int i) {
        VisibleRows c = chunkOf(i);
        return c.string(i - c.offset, CHANNEL);
    }

    String actorType(int i) {
        VisibleRows c = chunkOf(i);
        return c.string(i - c.offset, ACTOR_TYPE);
    }

    String actorId(int i) {
        VisibleRows c = chunkOf(i);
        return c.string(i - c.offset, ACTOR_ID);
    }

    /** The payload of the last visible row (the trigger), or null when it has none. */
    AttributeCopy lastPayload() {
        return payload;
    }

    /** The row of the trigger within {@link #lastPayload()}. */
    int lastLocalRow() {
        return timestamps.length - 1;
    }

    Event event(int i) {
        VisibleRows c = chunkOf(i);
        return c.local(i - c.offset);
    }

    /** All visible events, oldest first. */
    List<Event> events() {
        Event[] out = new Event[size()];
        for (VisibleRows c = this; c != null; c = c.previous) {
            for (int j = 0; j < c.timestamps.length; j++) {
                out[c.offset + j] = c.local(j);
            }
        }
        return List.of(out);
    }

    private VisibleRows chunkOf(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("visible event " + i + " of " + size());
        }
        VisibleRows c = this;
        while (i < c.offset) {
            c = c.previous;
        }
        return c;
    }

    private Event local(int j) {
        long seq = sequences[j];
        String id = eventIds == null || eventIds[j] == null ? caseId + "#" + seq : eventIds[j];
        return new Event(id, caseId, Timestamps.fromMicros(timestamps[j]), seq, EventType.of(string(j, TYPE)),
                string(j, ACTIVITY), string(j, WORKFLOW),
                new Actor(string(j, ACTOR_TYPE), string(j, ACTOR_ID), string(j, ACTOR_NAME)), string(j, CHANNEL),
                payload == null ? null : payload.map(j), objectRefs == null ? null : objectRefs.refs(j),
                stateBefore == null ? null : stateBefore.map(j), stateAfter == null ? null : stateAfter.map(j),
                outcomeLabels == null ? null : outcomeLabels.map(j), string(j, SOURCE), string(j, CORRELATION));
    }

    @Override
    public String toString() {
        return "VisibleRows[" + caseId + ", " + size() + " events]";
    }
}
