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
    private final String[] eventTypes;
    private final String[] activities;
    private final String[] workflowTypes;
    private final String[] actorTypes;
    private final String[] actorIds;
    private final String[] actorNames;
    private final String[] channels;
    private final String[] sourceSystems;
    private final String[] correlationIds;
    private final AttributeCopy payload;
    private final AttributeCopy stateBefore;
    private final AttributeCopy stateAfter;
    private final AttributeCopy outcomeLabels;
    private final ObjectRefCopy objectRefs;

    private VisibleRows(EventLog log, int from, int to, VisibleRows previous) {
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
        eventTypes = strings(log.eventTypeColumn(), from, to);
        activities = strings(log.activityColumn(), from, to);
        workflowTypes = strings(log.workflowTypeColumn(), from, to);
        actorTypes = strings(log.actorTypeColumn(), from, to);
        actorIds = strings(log.actorIdColumn(), from, to);
        actorNames = strings(log.actorNameColumn(), from, to);
        channels = strings(log.channelColumn(), from, to);
        sourceSystems = strings(log.sourceSystemColumn(), from, to);
        correlationIds = strings(log.correlationIdColumn(), from, to);
        payload = AttributeCopy.of(log.payload(), from, to);
        stateBefore = AttributeCopy.of(log.stateBefore(), from, to);
        stateAfter = AttributeCopy.of(log.stateAfter(), from, to);
        outcomeLabels = AttributeCopy.of(log.outcomeLabels(), from, to);
        objectRefs = ObjectRefCopy.of(log.objectRefs(), from, to);
    }

    /** Copies log rows {@code [from, to)} of one case, continuing {@code previous} (null for the case's first rows). */
    static VisibleRows copy(EventLog log, int from, int to, VisibleRows previous) {
        if (from >= to) {
            throw new IllegalArgumentException("empty row range " + from + ".." + to);
        }
        return new VisibleRows(log, from, to, previous);
    }

    private static String[] strings(StringColumn column, int from, int to) {
        if (column.isAllNull()) {
            return null;
        }
        String[] out = null;
        for (int r = from; r < to; r++) {
            String v = column.value(r);
            if (v != null) {
                if (out == null) {
                    out = new String[to - from];
                }
                out[r - from] = v;
            }
        }
        return out;
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
        return c.eventTypes[i - c.offset];
    }

    String activity(int i) {
        VisibleRows c = chunkOf(i);
        return c.activities == null ? null : c.activities[i - c.offset];
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
        return new Event(id, caseId, Timestamps.fromMicros(timestamps[j]), seq, EventType.of(eventTypes[j]),
                at(activities, j), at(workflowTypes, j),
                new Actor(at(actorTypes, j), at(actorIds, j), at(actorNames, j)), at(channels, j),
                payload == null ? null : payload.map(j), objectRefs == null ? null : objectRefs.refs(j),
                stateBefore == null ? null : stateBefore.map(j), stateAfter == null ? null : stateAfter.map(j),
                outcomeLabels == null ? null : outcomeLabels.map(j), at(sourceSystems, j), at(correlationIds, j));
    }

    private static String at(String[] column, int j) {
        return column == null ? null : column[j];
    }

    @Override
    public String toString() {
        return "VisibleRows[" + caseId + ", " + size() + " events]";
    }
}
