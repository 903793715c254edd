package org.systemarena.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * An immutable, columnar event log, sorted in case order.
 *
 * <p>Events are stored as parallel primitive arrays and dictionary-encoded strings, addressed by a row index
 * {@code 0..size()-1}. Rows are grouped by case (cases ordered by their first timestamp, then case id); within a case
 * rows follow the case order of the spec: (timestamp, sequence number, input position). The arrays never leave this
 * object: accessors take a row and return a primitive or a value, so nothing handed out can be used to change the log.
 *
 * <p>Build one with {@link #builder()} (or a loader in {@code arena-datasets}); derive sub-logs with the
 * {@code filterBy*} methods, which share dictionaries with this log.
 */
public final class EventLog {
    private final int size;
    private final StringDictionary caseIds; // code == case index
    private final int[] caseOfRow;
    private final int[] caseStart;
    private final long[] timestamps;
    private final long[] sequences;
    private final String[] eventIds; // null when every id is derived
    private final StringColumn eventTypes;
    private final StringColumn activities;
    private final StringColumn workflowTypes;
    private final StringColumn actorTypes;
    private final StringColumn actorIds;
    private final StringColumn actorNames;
    private final StringColumn channels;
    private final StringColumn sourceSystems;
    private final StringColumn correlationIds;
    private final AttributeTable payload;
    private final AttributeTable stateBefore;
    private final AttributeTable stateAfter;
    private final AttributeTable outcomeLabels;
    private final ObjectRefTable objectRefs;
    private volatile int[] replayOrder;
    private volatile int[] caseIdOrder;

    EventLog(int size, StringDictionary caseIds, int[] caseOfRow, int[] caseStart, long[] timestamps,
             long[] sequences, String[] eventIds, StringColumn eventTypes, StringColumn activities,
             StringColumn workflowTypes, StringColumn actorTypes, StringColumn actorIds, StringColumn actorNames,
             StringColumn channels, StringColumn sourceSystems, StringColumn correlationIds, AttributeTable payload,
             AttributeTable stateBefore, AttributeTable stateAfter, AttributeTable outcomeLabels,
             ObjectRefTable objectRefs) {
        this.size = size;
        this.caseIds = caseIds;
        this.caseOfRow = caseOfRow;
        this.caseStart = caseStart;
        this.timestamps = timestamps;
        this.sequences = sequences;
        this.eventIds = eventIds;
        this.eventTypes = eventTypes;
        this.activities = activities;
        this.workflowTypes = workflowTypes;
        this.actorTypes = actorTypes;
        this.actorIds = actorIds;
        this.actorNames = actorNames;
        this.channels = channels;
        this.sourceSystems = sourceSystems;
        this.correlationIds = correlationIds;
        this.payload = payload;
        this.stateBefore = stateBefore;
        this.stateAfter = stateAfter;
        this.outcomeLabels = outcomeLabels;
        this.objectRefs = objectRefs;
    }

    public static EventLogBuilder builder() {
        return new EventLogBuilder(1024);
    }

    /**
     * A builder with room for about {@code expectedEvents} events (a reader that knows the row count up front, as
     * Parquet's footer tells, saves the garbage of growing the columns); more events are still accepted.
     */
    public static EventLogBuilder builder(int expectedEvents) {
        return new EventLogBuilder(Math.max(16, expectedEvents));
    }

    public static EventLog of(Collection<Event> events) {
        EventLogBuilder b = builder();
        events.forEach(b::add);
        return b.build();
    }

    public static EventLog empty() {
        return builder().build();
    }

    // ---- sizes and cases ----

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int caseCount() {
        return caseStart.length - 1;
    }

    public String caseId(int caseIndex) {
        return caseIds.value(caseIndex);
    }

    /** The case index of a case id, or -1. */
    public int caseIndex(String caseId) {
        return caseIds.code(caseId);
    }

    public int caseStart(int caseIndex) {
        return caseStart[caseIndex];
    }

    public int caseEnd(int caseIndex) {
        return caseStart[caseIndex + 1];
    }

    public CaseView caseView(int caseIndex) {
        return new CaseView(this, caseIndex);
    }

    public Optional<CaseView> caseView(String caseId) {
        int idx = caseIndex(caseId);
        return idx < 0 ? Optional.empty() : Optional.of(caseView(idx));
    }

    public List<CaseView> cases() {
        List<CaseView> list = new ArrayList<>(caseCount());
        for (int c = 0; c < caseCount(); c++) {
            list.add(new CaseView(this, c));
        }
        return List.copyOf(list);
    }

    /** Case ids in case order. */
    public List<String> caseIds() {
        return caseIds.values();
    }

    // ---- per-row columns ----

    public int caseOf(int row) {
        return caseOfRow[row];
    }

    public String caseIdOf(int row) {
        return caseIds.value(caseOfRow[row]);
    }

    public long timestampMicros(int row) {
        return timestamps[row];
    }

    public Instant timestamp(int row) {
        return Timestamps.fromMicros(timestamps[row]);
    }

    public long sequenceNumber(int row) {
        return sequences[row];
    }

    /** The event id: as given, or derived as {@code <case_id>#<sequence>}. */
    public String eventId(int row) {
        String id = eventIds == null ? null : eventIds[row];
        return id != null ? id : caseIdOf(row) + "#" + sequences[row];
    }

    public String eventType(int row) {
        return eventTypes.value(row);
    }

    public int eventTypeCode(int row) {
        return eventTypes.code(row);
    }

    public String activity(int row) {
        return activities.value(row);
    }

    public int activityCode(int row) {
        return activities.code(row);
    }

    public String workflowType(int row) {
        return workflowTypes.value(row);
    }

    public Actor actor(int row) {
        return new Actor(actorTypes.value(row), actorIds.value(row), actorNames.value(row));
    }

    public String channel(int row) {
        return channels.value(row);
    }

    public String sourceSystem(int row) {
        return sourceSystems.value(row);
    }

    public String correlationId(int row) {
        return correlationIds.value(row);
    }

    /** Payload attributes of every row; non-canonical input columns land here. */
    public AttributeTable payload() {
        return payload;
    }

    public AttributeTable stateBefore() {
        return stateBefore;
    }

    public AttributeTable stateAfter() {
        return stateAfter;
    }

    public AttributeTable outcomeLabels() {
        return outcomeLabels;
    }

    public ObjectRefTable objectRefs() {
        return objectRefs;
    }

    public StringColumn eventTypeColumn() {
        return eventTypes;
    }

    public StringColumn activityColumn() {
        return activities;
    }

    public StringColumn workflowTypeColumn() {
        return workflowTypes;
    }

    public StringColumn channelColumn() {
        return channels;
    }

    public StringColumn actorTypeColumn() {
        return actorTypes;
    }

    public StringColumn actorIdColumn() {
        return actorIds;
    }

    public StringColumn actorNameColumn() {
        return actorNames;
    }

    public StringColumn sourceSystemColumn() {
        return sourceSystems;
    }

    public StringColumn correlationIdColumn() {
        return correlationIds;
    }

    /** True when at least one event id came from the input (others are derived). */
    public boolean hasExplicitEventIds() {
        return eventIds != null;
    }

    /** One event as a value object; for convenience, not for hot loops. */
    public Event event(int row) {
        return new Event(eventId(row), caseIdOf(row), timestamp(row), sequences[row], EventType.of(eventType(row)),
                activity(row), workflowType(row), actor(row), channel(row), payload.map(row), objectRefs.refs(row),
                stateBefore.map(row), stateAfter.map(row), outcomeLabels.map(row), sourceSystem(row),
                correlationId(row));
    }

    /** All events in case order, as value objects. Allocates one object per event: for small logs and tests. */
    public List<Event> events() {
        List<Event> list = new ArrayList<>(size);
        for (int r = 0; r < size; r++) {
            list.add(event(r));
        }
        return List.copyOf(list);
    }

    // ---- global order ----

    /**
     * The row at position {@code i} of the global replay order: (timestamp, case id, sequence number), then input
     * position.
     */
    public int replayRow(int i) {
        return replayOrderArray()[i];
    }

    /** A copy of the global replay order as rows. */
    public int[] replayOrder() {
        return replayOrderArray().clone();
    }

    private int[] replayOrderArray() {
        int[] order = replayOrder;
        if (order == null) {
            synchronized (this) {
                order = replayOrder;
                if (order == null) {
                    order = computeReplayOrder();
                    replayOrder = order;
                }
            }
        }
        return order;
    }

    private int[] computeReplayOrder() {
        // Rows by (case id, case order), then a stable sort by timestamp: (timestamp, case id, sequence, input).
        int[] order = new int[size];
        int k = 0;
        for (int c : caseIdOrderArray()) {
            for (int r = caseStart[c]; r < caseStart[c + 1]; r++) {
                order[k++] = r;
            }
        }
        TimeSort.stableByTime(order, timestamps);
        return order;
    }

    /** The case indices sorted by case id (a copy). */
    public int[] caseIdOrder() {
        return caseIdOrderArray().clone();
    }

    private int[] caseIdOrderArray() {
        int[] order = caseIdOrder;
        if (order == null) {
            synchronized (this) {
                order = caseIdOrder;
                if (order == null) {
                    String[] ids = new String[caseCount()];
                    Integer[] byId = new Integer[ids.length];
                    for (int c = 0; c < ids.length; c++) {
                        ids[c] = caseIds.value(c);
                        byId[c] = c;
                    }
                    java.util.Arrays.sort(byId, (a, b) -> ids[a].compareTo(ids[b]));
                    order = new int[ids.length];
                    for (int i = 0; i < ids.length; i++) {
                        order[i] = byId[i];
                    }
                    caseIdOrder = order;
                }
            }
        }
        return order;
    }

    // ---- summaries ----

    /** First and last timestamp, empty for an empty log. */
    public Optional<TimeRange> timeRange() {
        if (size == 0) {
            return Optional.empty();
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int r = 0; r < size; r++) {
            min = Math.min(min, timestamps[r]);
            max = Math.max(max, timestamps[r]);
        }
        return Optional.of(new TimeRange(Timestamps.fromMicros(min), Timestamps.fromMicros(max)));
    }

    /** Distinct event types present, sorted. */
    public Set<String> eventTypes() {
        return distinct(eventTypes);
    }

    /** Distinct activities present, sorted. */
    public Set<String> activities() {
        return distinct(activities);
    }

    /** Distinct object types referenced, sorted. */
    public Set<String> objectTypes() {
        TreeSet<String> set = new TreeSet<>();
        for (int e = 0; e < objectRefs.entryCount(); e++) {
            set.add(objectRefs.typeDictionary().value(objectRefs.typeCode(e)));
        }
        return java.util.Collections.unmodifiableSet(set);
    }

    /** Payload attribute names present, sorted. */
    public Set<String> payloadKeys() {
        TreeSet<String> set = new TreeSet<>();
        for (int e = 0; e < payload.entryCount(); e++) {
            set.add(payload.key(e));
        }
        return java.util.Collections.unmodifiableSet(set);
    }

    private Set<String> distinct(StringColumn column) {
        boolean[] seen = new boolean[column.dictionary().size()];
        TreeSet<String> set = new TreeSet<>();
        for (int r = 0; r < size; r++) {
            int code = column.code(r);
            if (code >= 0 && !seen[code]) {
                seen[code] = true;
                set.add(column.dictionary().value(code));
            }
        }
        return java.util.Collections.unmodifiableSet(set);
    }

    /**
     * Bytes used per event by the fixed columns (case, timestamp, sequence, the dictionary-encoded string columns and
     * the row offsets of the attribute and object-reference tables), excluding dictionaries and attribute entries.
     */
    public double fixedColumnBytesPerEvent() {
        if (size == 0) {
            return 0;
        }
        long bytes = 4L * size + 8L * size + 8L * size + 4L * caseStart.length
                + eventTypes.estimatedBytes() + activities.estimatedBytes() + workflowTypes.estimatedBytes()
                + actorTypes.estimatedBytes() + actorIds.estimatedBytes() + actorNames.estimatedBytes()
                + channels.estimatedBytes() + sourceSystems.estimatedBytes() + correlationIds.estimatedBytes()
                + (payload.isEmpty() ? 0 : 4L * (size + 1)) + (stateBefore.isEmpty() ? 0 : 4L * (size + 1))
                + (stateAfter.isEmpty() ? 0 : 4L * (size + 1)) + (outcomeLabels.isEmpty() ? 0 : 4L * (size + 1))
                + (objectRefs.entryCount() == 0 ? 0 : 4L * (size + 1))
                + (eventIds == null ? 0 : 8L * size);
        return (double) bytes / size;
    }

    // ---- filters ----

    /** The events matching a row predicate, as a new log (cases re-ordered by their remaining first event). */
    public EventLog filter(IntPredicate rowPredicate) {
        int[] rows = new int[size];
        int count = 0;
        for (int r = 0; r < size; r++) {
            if (rowPredicate.test(r)) {
                rows[count++] = r;
            }
        }
        return count == size ? this : select(rows, count);
    }

    /** Events that reference an object of this type. */
    public EventLog filterByObject(String objectType) {
        int typeCode = objectRefs.typeDictionary().code(objectType);
        return filter(r -> {
            for (int e = objectRefs.start(r), end = objectRefs.end(r); e < end; e++) {
                if (objectRefs.typeCode(e) == typeCode) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Events that reference this object (type and id). */
    public EventLog filterByObject(String objectType, String objectId) {
        int typeCode = objectRefs.typeDictionary().code(objectType);
        int idCode = objectRefs.idDictionary().code(objectId);
        return filter(r -> {
            for (int e = objectRefs.start(r), end = objectRefs.end(r); e < end; e++) {
                if (objectRefs.typeCode(e) == typeCode && objectRefs.idCode(e) == idCode) {
                    return true;
                }
            }
            return false;
        });
    }

    /** All events of these cases; unknown ids are ignored. */
    public EventLog filterByCase(Collection<String> ids) {
        boolean[] keep = new boolean[caseCount()];
        for (String id : ids) {
            int c = caseIndex(id);
            if (c >= 0) {
                keep[c] = true;
            }
        }
        return filter(r -> keep[caseOfRow[r]]);
    }

    public EventLog filterByCase(String... ids) {
        return filterByCase(Arrays.asList(ids));
    }

    /** Events with {@code from <= timestamp < to}; either bound may be null for open. */
    public EventLog filterByTimeRange(Instant from, Instant to) {
        long lo = from == null ? Long.MIN_VALUE : Timestamps.toMicros(from);
        long hi = to == null ? Long.MAX_VALUE : Timestamps.toMicros(to);
        return filter(r -> timestamps[r] >= lo && timestamps[r] < hi);
    }

    /** Events of these types. */
    public EventLog filterByType(Collection<String> types) {
        Set<Integer> codes = new HashSet<>();
        for (String t : types) {
            codes.add(eventTypes.dictionary().code(t));
        }
        boolean[] keep = new boolean[eventTypes.dictionary().size()];
        codes.forEach(c -> {
            if (c >= 0) {
                keep[c] = true;
            }
        });
        return filter(r -> {
            int code = eventTypes.code(r);
            return code >= 0 && keep[code];
        });
    }

    public EventLog filterByType(String... types) {
        return filterByType(Arrays.asList(types));
    }

    private EventLog select(int[] rows, int count) {
        // Re-group by case: case order is (first timestamp, case id) among the kept rows.
        int cases = caseCount();
        int[] counts = new int[cases];
        long[] first = new long[cases];
        Arrays.fill(first, Long.MAX_VALUE);
        for (int i = 0; i < count; i++) {
            int c = caseOfRow[rows[i]];
            counts[c]++;
            first[c] = Math.min(first[c], timestamps[rows[i]]);
        }
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            if (counts[c] > 0) {
                kept.add(c);
            }
        }
        kept.sort((a, b) -> {
            int cmp = Long.compare(first[a], first[b]);
            return cmp != 0 ? cmp : caseIds.value(a).compareTo(caseIds.value(b));
        });
        int[] newIndex = new int[cases];
        int[] newStart = new int[kept.size() + 1];
        StringDictionary newCaseIds = new StringDictionary();
        for (int i = 0; i < kept.size(); i++) {
            int c = kept.get(i);
            newIndex[c] = i;
            newCaseIds.intern(caseIds.value(c));
            newStart[i + 1] = newStart[i] + counts[c];
        }
        newCaseIds.freeze();
        int[] pos = Arrays.copyOf(newStart, kept.size());
        int[] order = new int[count];
        // rows are ascending, so rows of one case keep their case order
        for (int i = 0; i < count; i++) {
            int c = newIndex[caseOfRow[rows[i]]];
            order[pos[c]++] = rows[i];
        }
        int[] newCaseOf = new int[count];
        long[] newTs = new long[count];
        long[] newSeq = new long[count];
        String[] newIds = eventIds == null ? null : new String[count];
        for (int i = 0; i < count; i++) {
            int r = order[i];
            newCaseOf[i] = newIndex[caseOfRow[r]];
            newTs[i] = timestamps[r];
            newSeq[i] = sequences[r];
            if (newIds != null) {
                newIds[i] = eventIds[r];
            }
        }
        return new EventLog(count, newCaseIds, newCaseOf, newStart, newTs, newSeq, newIds,
                eventTypes.select(order, count), activities.select(order, count),
                workflowTypes.select(order, count), actorTypes.select(order, count), actorIds.select(order, count),
                actorNames.select(order, count), channels.select(order, count), sourceSystems.select(order, count),
                correlationIds.select(order, count), payload.select(order, count), stateBefore.select(order, count),
                stateAfter.select(order, count), outcomeLabels.select(order, count), objectRefs.select(order, count));
    }

    @Override
    public String toString() {
        return "EventLog[" + size + " events, " + caseCount() + " cases]";
    }

    /** Inclusive first and last timestamp of a log. */
    public record TimeRange(Instant start, Instant end) {
    }
}
