package org.systemarena.core;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds an {@link EventLog} one event at a time without creating an object per event.
 *
 * <p>Call {@link #startEvent(String, long)} (or {@link #startEvent(String, Instant)}), then setters for the current
 * event, then the next {@code startEvent} or {@link #build()}. {@link #add(Event)} does all of it for a value object.
 * Payload, state and outcome-label attributes set twice on one event keep the last value.
 *
 * <p>On {@link #build()}: missing sequence numbers become the event's position among its case's events in input
 * order; missing activities are derived as the spec says ({@code event_type}, or {@code event_type:<direction>} for
 * interactions, {@code event_type:<new_state>} for state changes, {@code event_type:<outcome>} for outcomes);
 * rows are sorted into case order.
 */
public final class EventLogBuilder {
    /** Marks a sequence number the input did not give. */
    public static final long NO_SEQUENCE = Long.MIN_VALUE;

    private final StringDictionary caseIds = new StringDictionary();
    private final GrowableArrays.Ints caseOf;
    private final GrowableArrays.Longs timestamps;
    private final GrowableArrays.Longs sequences;
    private String[] eventIds;
    private final StringColumn.Builder eventTypes = new StringColumn.Builder();
    private final StringColumn.Builder activities = new StringColumn.Builder();
    private final StringColumn.Builder workflowTypes = new StringColumn.Builder();
    private final StringColumn.Builder actorTypes = new StringColumn.Builder();
    private final StringColumn.Builder actorIds = new StringColumn.Builder();
    private final StringColumn.Builder actorNames = new StringColumn.Builder();
    private final StringColumn.Builder channels = new StringColumn.Builder();
    private final StringColumn.Builder sourceSystems = new StringColumn.Builder();
    private final StringColumn.Builder correlationIds = new StringColumn.Builder();
    private final StringDictionary attributeStrings = new StringDictionary();
    private final AttributeTable.Builder payload;
    private final AttributeTable.Builder stateBefore = new AttributeTable.Builder(1024, new StringDictionary(), attributeStrings);
    private final AttributeTable.Builder stateAfter = new AttributeTable.Builder(1024, new StringDictionary(), attributeStrings);
    private final AttributeTable.Builder outcomeLabels = new AttributeTable.Builder(1024, new StringDictionary(), attributeStrings);
    private final ObjectRefTable.Builder objectRefs;
    private int current = -1;
    private boolean built;

    EventLogBuilder(int expectedEvents) {
        caseOf = new GrowableArrays.Ints(expectedEvents);
        timestamps = new GrowableArrays.Longs(expectedEvents);
        sequences = new GrowableArrays.Longs(expectedEvents);
        payload = new AttributeTable.Builder(expectedEvents, new StringDictionary(), attributeStrings);
        objectRefs = new ObjectRefTable.Builder(expectedEvents);
        for (StringColumn.Builder column : new StringColumn.Builder[] {eventTypes, activities, workflowTypes,
            actorTypes, actorIds, actorNames, channels, sourceSystems, correlationIds}) {
            column.expectRows(expectedEvents);
        }
    }

    /** Number of events started so far. */
    public int size() {
        return caseOf.size;
    }

    public EventLogBuilder startEvent(String caseId, Instant timestamp) {
        return startEvent(caseId, Timestamps.toMicros(timestamp));
    }

    /** Starts a new event; {@code timestampMicros} is microseconds since the epoch, UTC. */
    public EventLogBuilder startEvent(String caseId, long timestampMicros) {
        if (built) {
            throw new IllegalStateException("build() was already called");
        }
        if (caseId == null) {
            throw new ArenaException("event " + (caseOf.size + 1) + " has no case id");
        }
        closeCurrent();
        current = caseOf.size;
        caseOf.add(caseIds.intern(caseId));
        timestamps.add(timestampMicros);
        sequences.add(NO_SEQUENCE);
        return this;
    }

    private void closeCurrent() {
        if (current >= 0) {
            payload.endRow();
            stateBefore.endRow();
            stateAfter.endRow();
            outcomeLabels.endRow();
            objectRefs.endRow();
        }
    }

    private void requireEvent() {
        if (current < 0) {
            throw new IllegalStateException("call startEvent first");
        }
    }

    /**
     * The dictionary-encoded string fields of an event, for loaders that intern a value once (e.g. a Parquet
     * dictionary page) and then set it by code with {@link #stringCode}.
     */
    public enum StringField {
        EVENT_TYPE, ACTIVITY, WORKFLOW_TYPE, ACTOR_TYPE, ACTOR_ID, ACTOR_NAME, CHANNEL, SOURCE_SYSTEM, CORRELATION_ID
    }

    private StringColumn.Builder column(StringField field) {
        switch (field) {
            case EVENT_TYPE:
                return eventTypes;
            case ACTIVITY:
                return activities;
            case WORKFLOW_TYPE:
                return workflowTypes;
            case ACTOR_TYPE:
                return actorTypes;
            case ACTOR_ID:
                return actorIds;
            case ACTOR_NAME:
                return actorNames;
            case CHANNEL:
                return channels;
            case SOURCE_SYSTEM:
                return sourceSystems;
            case CORRELATION_ID:
                return correlationIds;
            default:
                throw new IllegalStateException();
        }
    }

    /** The code of a value of a string field (added when new); null gives {@link StringDictionary#NULL}. */
    public int intern(StringField field, String value) {
        return column(field).intern(value);
    }

    /** Sets a string field of the current event by a code from {@link #intern(StringField, String)}. */
    public EventLogBuilder stringCode(StringField field, int code) {
        requireEvent();
        if (code != StringDictionary.NULL) {
            column(field).setCode(current, code);
        }
        return this;
    }

    /** Sets a string field of the current event; null leaves it unset. */
    public EventLogBuilder string(StringField field, String value) {
        requireEvent();
        column(field).set(current, value);
        return this;
    }

    /** Interns a case id once so a loader can start events by code ({@link #startEventForCase}). */
    public int internCaseId(String caseId) {
        if (caseId == null) {
            throw new ArenaException("event " + (caseOf.size + 1) + " has no case id");
        }
        return caseIds.intern(caseId);
    }

    /** Starts a new event of the case with this code from {@link #internCaseId}. */
    public EventLogBuilder startEventForCase(int caseCode, long timestampMicros) {
        if (built) {
            throw new IllegalStateException("build() was already called");
        }
        if (caseCode < 0 || caseCode >= caseIds.size()) {
            throw new IllegalArgumentException("unknown case code " + caseCode);
        }
        closeCurrent();
        current = caseOf.size;
        caseOf.add(caseCode);
        timestamps.add(timestampMicros);
        sequences.add(NO_SEQUENCE);
        return this;
    }

    /** The code of a payload key (added when new), for the {@code payload*(int keyCode, ...)} fast paths. */
    public int internPayloadKey(String key) {
        return payloadKey(key);
    }

    /**
     * The code of an event type seen so far, {@link StringDictionary#NULL} when none has it; nothing is added. With
     * {@link #currentEventTypeCode} and {@link #currentPayload}, a loader checks a row it has just set.
     */
    public int eventTypeCode(String type) {
        return eventTypes.code(type);
    }

    /** The current event's event type code, {@link StringDictionary#NULL} when it has none yet. */
    public int currentEventTypeCode() {
        requireEvent();
        return eventTypes.codeAt(current);
    }

    /** The code of a payload key seen so far, {@link StringDictionary#NULL} when none; nothing is added. */
    public int payloadKeyCode(String key) {
        return payload.keyDictionaryForBuilder().code(key);
    }

    /** Marks a payload attribute the current event does not have, for {@link #currentPayload}. */
    public static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "(absent)";
        }
    };

    /** The current event's payload value of a key code (null for an explicit null), or {@link #ABSENT}. */
    public Object currentPayload(int keyCode) {
        requireEvent();
        return payload.currentValue(keyCode);
    }

    /** The code of a string attribute value (added when new), for {@link #payloadStringCode}. */
    public int internAttributeString(String value) {
        return attributeStrings.intern(value);
    }

    public EventLogBuilder payloadLong(int keyCode, long value) {
        return putPayload(keyCode, ValueKind.LONG, value);
    }

    public EventLogBuilder payloadDouble(int keyCode, double value) {
        return putPayload(keyCode, ValueKind.DOUBLE, Double.doubleToRawLongBits(value));
    }

    public EventLogBuilder payloadBoolean(String key, boolean value) {
        return putPayload(payloadKey(key), ValueKind.BOOLEAN, value ? 1 : 0);
    }

    public EventLogBuilder payloadBoolean(int keyCode, boolean value) {
        return putPayload(keyCode, ValueKind.BOOLEAN, value ? 1 : 0);
    }

    /** An instant payload attribute given as microseconds since the epoch, UTC. */
    public EventLogBuilder payloadInstant(String key, long micros) {
        return putPayload(payloadKey(key), ValueKind.INSTANT, micros);
    }

    public EventLogBuilder payloadInstant(int keyCode, long micros) {
        return putPayload(keyCode, ValueKind.INSTANT, micros);
    }

    /** A payload attribute that is present with a null value (unlike an absent one). */
    public EventLogBuilder payloadNull(int keyCode) {
        return putPayload(keyCode, ValueKind.NULL, 0);
    }

    /** A string payload attribute by key code and value code from {@link #internAttributeString}. */
    public EventLogBuilder payloadStringCode(int keyCode, int valueCode) {
        if (valueCode == StringDictionary.NULL) {
            return putPayload(keyCode, ValueKind.NULL, 0);
        }
        return putPayload(keyCode, ValueKind.STRING, valueCode);
    }

    private EventLogBuilder putPayload(int keyCode, ValueKind kind, long raw) {
        requireEvent();
        payload.put(keyCode, kind.code(), raw);
        payload.dropDuplicateOfLast();
        return this;
    }

    public EventLogBuilder sequenceNumber(long sequence) {
        requireEvent();
        sequences.data[current] = sequence;
        return this;
    }

    public EventLogBuilder eventId(String id) {
        requireEvent();
        if (id != null) {
            if (eventIds == null) {
                eventIds = new String[Math.max(1024, current + 1)];
            } else if (current >= eventIds.length) {
                eventIds = Arrays.copyOf(eventIds, Math.max(GrowableArrays.grow(eventIds.length), current + 1));
            }
            eventIds[current] = id;
        }
        return this;
    }

    public EventLogBuilder eventType(String type) {
        requireEvent();
        eventTypes.set(current, type);
        return this;
    }

    /** Interns an event type once so a loader can then set it by code ({@link #eventTypeCode}). */
    public int internEventType(String type) {
        return eventTypes.intern(type);
    }

    public EventLogBuilder eventTypeCode(int code) {
        requireEvent();
        eventTypes.setCode(current, code);
        return this;
    }

    public EventLogBuilder activity(String activity) {
        requireEvent();
        activities.set(current, activity);
        return this;
    }

    public EventLogBuilder workflowType(String workflowType) {
        requireEvent();
        workflowTypes.set(current, workflowType);
        return this;
    }

    public EventLogBuilder actor(String type, String id, String name) {
        requireEvent();
        actorTypes.set(current, type);
        actorIds.set(current, id);
        actorNames.set(current, name);
        return this;
    }

    public EventLogBuilder actorType(String type) {
        requireEvent();
        actorTypes.set(current, type);
        return this;
    }

    public EventLogBuilder actorId(String id) {
        requireEvent();
        actorIds.set(current, id);
        return this;
    }

    public EventLogBuilder actorName(String name) {
        requireEvent();
        actorNames.set(current, name);
        return this;
    }

    public EventLogBuilder channel(String channel) {
        requireEvent();
        channels.set(current, channel);
        return this;
    }

    public EventLogBuilder sourceSystem(String system) {
        requireEvent();
        sourceSystems.set(current, system);
        return this;
    }

    public EventLogBuilder correlationId(String id) {
        requireEvent();
        correlationIds.set(current, id);
        return this;
    }

    /** A payload attribute of the current event (a {@link Values} type or one that widens to it). */
    public EventLogBuilder payload(String key, Object value) {
        requireEvent();
        payload.put(key, value);
        payload.dropDuplicateOfLast();
        return this;
    }

    public EventLogBuilder payloadLong(String key, long value) {
        requireEvent();
        payload.put(payloadKey(key), ValueKind.LONG.code(), value);
        payload.dropDuplicateOfLast();
        return this;
    }

    public EventLogBuilder payloadDouble(String key, double value) {
        requireEvent();
        payload.put(payloadKey(key), ValueKind.DOUBLE.code(), Double.doubleToRawLongBits(value));
        payload.dropDuplicateOfLast();
        return this;
    }

    public EventLogBuilder payloadString(String key, String value) {
        requireEvent();
        if (value == null) {
            payload.put(payloadKey(key), ValueKind.NULL.code(), 0);
        } else {
            payload.put(payloadKey(key), ValueKind.STRING.code(), attributeStrings.intern(value));
        }
        payload.dropDuplicateOfLast();
        return this;
    }

    private int payloadKey(String key) {
        return payload.keyDictionaryForBuilder().intern(key);
    }

    public EventLogBuilder payload(Map<String, ?> attributes) {
        attributes.forEach(this::payload);
        return this;
    }

    public EventLogBuilder stateBefore(String key, Object value) {
        requireEvent();
        stateBefore.put(key, value);
        stateBefore.dropDuplicateOfLast();
        return this;
    }

    public EventLogBuilder stateAfter(String key, Object value) {
        requireEvent();
        stateAfter.put(key, value);
        stateAfter.dropDuplicateOfLast();
        return this;
    }

    public EventLogBuilder outcomeLabel(String key, Object value) {
        requireEvent();
        outcomeLabels.put(key, value);
        outcomeLabels.dropDuplicateOfLast();
        return this;
    }

    public EventLogBuilder objectRef(String type, String id, String role) {
        requireEvent();
        objectRefs.add(type, id, role);
        return this;
    }

    /** The code of an object reference type (added when new), for {@link #objectRefCodes}. */
    public int internObjectRefType(String type) {
        if (type == null) {
            throw new ArenaException("object reference needs a type and an id, got type=null");
        }
        return objectRefs.typeDictionary.intern(type);
    }

    /** The code of an object reference id (added when new), for {@link #objectRefCodes}. */
    public int internObjectRefId(String id) {
        if (id == null) {
            throw new ArenaException("object reference needs a type and an id, got id=null");
        }
        return objectRefs.idDictionary.intern(id);
    }

    /** The code of an object reference role (added when new); null gives {@link StringDictionary#NULL}. */
    public int internObjectRefRole(String role) {
        return objectRefs.roleDictionary.intern(role);
    }

    /**
     * Adds an object reference to the current event by codes from {@link #internObjectRefType},
     * {@link #internObjectRefId} and {@link #internObjectRefRole}: a loader that sees the same references on many
     * events looks each one up once.
     */
    public EventLogBuilder objectRefCodes(int typeCode, int idCode, int roleCode) {
        requireEvent();
        objectRefs.addCodes(typeCode, idCode, roleCode);
        return this;
    }

    public EventLogBuilder objectRef(ObjectRef ref) {
        return objectRef(ref.type(), ref.id(), ref.role());
    }

    /** Adds a whole event. A sequence number of {@link #NO_SEQUENCE} means "not given". */
    public EventLogBuilder add(Event e) {
        startEvent(e.caseId(), e.timestamp());
        if (e.sequenceNumber() != NO_SEQUENCE) {
            sequenceNumber(e.sequenceNumber());
        }
        eventId(e.eventId());
        eventType(e.eventType().name());
        activity(e.activity());
        workflowType(e.workflowType());
        actor(e.actor().type(), e.actor().id(), e.actor().name());
        channel(e.channel());
        sourceSystem(e.sourceSystem());
        correlationId(e.correlationId());
        e.payload().forEach(this::payload);
        e.stateBefore().forEach(this::stateBefore);
        e.stateAfter().forEach(this::stateAfter);
        e.outcomeLabels().forEach(this::outcomeLabel);
        e.objectRefs().forEach(this::objectRef);
        return this;
    }

    /**
     * Appends every event of {@code other} after this builder's events, as if they had been added here in the same
     * order: each string of {@code other}'s dictionaries that is new here gets the next code, in the order of its
     * codes there (the order it was first seen), so a file read in consecutive parts, each into its own builder,
     * and merged in order, builds the log a single builder reading the whole file builds, dictionaries included.
     * Columnar: codes are recoded through one int map per dictionary, no object per event. {@code other} is used up
     * (its {@link #build()} and setters throw); the events of both are complete, so the next call on this builder
     * is {@link #startEvent} or {@link #build()}.
     */
    public EventLogBuilder appendAll(EventLogBuilder other) {
        if (built) {
            throw new IllegalStateException("build() was already called");
        }
        if (other == this) {
            throw new IllegalArgumentException("cannot append a builder to itself");
        }
        if (other.built) {
            throw new IllegalStateException("the builder to append was built or appended already");
        }
        closeCurrent();
        current = -1;
        other.closeCurrent();
        other.current = -1;
        other.built = true;
        int rows = caseOf.size;
        int otherRows = other.caseOf.size;
        int[] caseMap = caseIds.internAll(other.caseIds);
        caseOf.reserve(otherRows);
        int[] otherCases = other.caseOf.data;
        int[] cases = caseOf.data;
        for (int r = 0; r < otherRows; r++) {
            cases[rows + r] = caseMap[otherCases[r]];
        }
        caseOf.size = rows + otherRows;
        timestamps.addAll(other.timestamps.data, otherRows);
        sequences.addAll(other.sequences.data, otherRows);
        if (other.eventIds != null) {
            int n = Math.min(otherRows, other.eventIds.length);
            if (eventIds == null) {
                eventIds = new String[Math.max(1024, rows + otherRows)];
            } else if (eventIds.length < rows + otherRows) {
                eventIds = Arrays.copyOf(eventIds, rows + otherRows);
            }
            System.arraycopy(other.eventIds, 0, eventIds, rows, n);
        }
        eventTypes.append(other.eventTypes, rows, otherRows);
        activities.append(other.activities, rows, otherRows);
        workflowTypes.append(other.workflowTypes, rows, otherRows);
        actorTypes.append(other.actorTypes, rows, otherRows);
        actorIds.append(other.actorIds, rows, otherRows);
        actorNames.append(other.actorNames, rows, otherRows);
        channels.append(other.channels, rows, otherRows);
        sourceSystems.append(other.sourceSystems, rows, otherRows);
        correlationIds.append(other.correlationIds, rows, otherRows);
        int[] stringMap = attributeStrings.internAll(other.attributeStrings);
        appendTable(payload, other.payload, stringMap);
        appendTable(stateBefore, other.stateBefore, stringMap);
        appendTable(stateAfter, other.stateAfter, stringMap);
        appendTable(outcomeLabels, other.outcomeLabels, stringMap);
        objectRefs.append(other.objectRefs);
        return this;
    }

    private static void appendTable(AttributeTable.Builder to, AttributeTable.Builder from, int[] stringMap) {
        to.append(from, to.keyDictionaryForBuilder().internAll(from.keyDictionaryForBuilder()), stringMap);
    }

    /**
     * One builder with the events of {@code parts} in order ({@link #appendAll}): the first part, which the others
     * are appended to, is returned; every other part is used up.
     */
    public static EventLogBuilder concat(java.util.List<EventLogBuilder> parts) {
        if (parts.isEmpty()) {
            return new EventLogBuilder(1024);
        }
        EventLogBuilder first = parts.get(0);
        first.reserveFor(parts);
        for (int i = 1; i < parts.size(); i++) {
            first.appendAll(parts.get(i));
        }
        return first;
    }

    /** Room for the events of all {@code parts} (this one first), so that appending them copies no column twice. */
    private void reserveFor(java.util.List<EventLogBuilder> parts) {
        for (EventLogBuilder part : parts) {
            if (part.built) {
                throw new IllegalStateException("a builder to concatenate was built or appended already");
            }
            part.closeCurrent();
            part.current = -1;
        }
        int rows = 0;
        long[] entries = new long[5];
        for (EventLogBuilder part : parts) {
            rows = Math.addExact(rows, part.size());
            entries[0] += part.payload.entries();
            entries[1] += part.stateBefore.entries();
            entries[2] += part.stateAfter.entries();
            entries[3] += part.outcomeLabels.entries();
            entries[4] += part.objectRefs.entries();
        }
        caseOf.reserve(rows - caseOf.size);
        timestamps.reserve(rows - timestamps.size);
        sequences.reserve(rows - sequences.size);
        for (StringColumn.Builder column : new StringColumn.Builder[] {eventTypes, activities, workflowTypes,
            actorTypes, actorIds, actorNames, channels, sourceSystems, correlationIds}) {
            column.reserveRows(rows);
        }
        payload.reserve(rows, Math.toIntExact(entries[0]));
        stateBefore.reserve(rows, Math.toIntExact(entries[1]));
        stateAfter.reserve(rows, Math.toIntExact(entries[2]));
        outcomeLabels.reserve(rows, Math.toIntExact(entries[3]));
        objectRefs.reserve(rows, Math.toIntExact(entries[4]));
    }

    public EventLog build() {
        if (built) {
            throw new IllegalStateException("build() was already called");
        }
        closeCurrent();
        built = true;
        int n = caseOf.size;
        int[] caseOfIn = caseOf.data;
        long[] ts = timestamps.data;
        long[] seq = sequences.data;
        for (int r = 0; r < n; r++) {
            if (eventTypes.get(r) == null) {
                throw new ArenaException("event " + (r + 1) + " (case '" + caseIds.value(caseOfIn[r])
                        + "') has no event type");
            }
        }
        int cases = caseIds.size();
        // Missing sequence numbers: position among the case's events in input order.
        int[] seen = new int[cases];
        for (int r = 0; r < n; r++) {
            int c = caseOfIn[r];
            if (seq[r] == NO_SEQUENCE) {
                seq[r] = seen[c];
            }
            seen[c]++;
        }
        StringDictionary usedCaseIds = withoutUnusedCases(seen, caseOfIn, n);
        cases = usedCaseIds.size();
        deriveActivities(n);

        // Case order: first timestamp, then case id.
        long[] first = new long[cases];
        Arrays.fill(first, Long.MAX_VALUE);
        for (int r = 0; r < n; r++) {
            first[caseOfIn[r]] = Math.min(first[caseOfIn[r]], ts[r]);
        }
        Integer[] caseOrder = new Integer[cases];
        for (int c = 0; c < cases; c++) {
            caseOrder[c] = c;
        }
        Arrays.sort(caseOrder, (a, b) -> {
            int cmp = Long.compare(first[a], first[b]);
            return cmp != 0 ? cmp : usedCaseIds.value(a).compareTo(usedCaseIds.value(b));
        });
        int[] rank = new int[cases];
        for (int i = 0; i < cases; i++) {
            rank[caseOrder[i]] = i;
        }
        // Counting sort rows by case rank (stable: input order kept), then sort each case's rows.
        int[] caseStart = new int[cases + 1];
        for (int r = 0; r < n; r++) {
            caseStart[rank[caseOfIn[r]] + 1]++;
        }
        for (int i = 0; i < cases; i++) {
            caseStart[i + 1] += caseStart[i];
        }
        int[] pos = Arrays.copyOf(caseStart, cases);
        int[] order = new int[n];
        for (int r = 0; r < n; r++) {
            order[pos[rank[caseOfIn[r]]]++] = r;
        }
        for (int i = 0; i < cases; i++) {
            RowSort.sort(order, caseStart[i], caseStart[i + 1], (a, b) -> {
                int cmp = Long.compare(ts[a], ts[b]);
                if (cmp != 0) {
                    return cmp;
                }
                cmp = Long.compare(seq[a], seq[b]);
                return cmp != 0 ? cmp : Integer.compare(a, b);
            });
        }
        boolean identity = true;
        for (int i = 0; i < n && identity; i++) {
            identity = order[i] == i;
        }
        int[] ord = identity ? null : order;

        boolean casesInOrder = true;
        for (int i = 0; i < cases && casesInOrder; i++) {
            casesInOrder = caseOrder[i] == i;
        }
        StringDictionary sortedCaseIds = casesInOrder ? usedCaseIds : new StringDictionary();
        if (!casesInOrder) { // files written in case order (the writers' order) keep the dictionary as it is
            for (int i = 0; i < cases; i++) {
                sortedCaseIds.intern(usedCaseIds.value(caseOrder[i]));
            }
        }
        sortedCaseIds.freeze();
        int[] newCaseOf = new int[n];
        long[] newTs = new long[n];
        long[] newSeq = new long[n];
        String[] newIds = eventIds == null ? null : new String[n];
        for (int i = 0; i < n; i++) {
            int r = ord == null ? i : ord[i];
            newCaseOf[i] = rank[caseOfIn[r]];
            newTs[i] = ts[r];
            newSeq[i] = seq[r];
            if (newIds != null && r < eventIds.length) {
                newIds[i] = eventIds[r];
            }
        }
        attributeStrings.freeze();
        return new EventLog(n, sortedCaseIds, newCaseOf, caseStart, newTs, newSeq, newIds,
                eventTypes.build(n, ord), activities.build(n, ord), workflowTypes.build(n, ord),
                actorTypes.build(n, ord), actorIds.build(n, ord), actorNames.build(n, ord), channels.build(n, ord),
                sourceSystems.build(n, ord), correlationIds.build(n, ord), freeze(payload, ord),
                freeze(stateBefore, ord), freeze(stateAfter, ord), freeze(outcomeLabels, ord),
                objectRefs.build(ord));
    }

    /**
     * The case ids that have events, with {@code caseOf} recoded to them. A loader may intern a case id for a row
     * that then names another one (a repeated column), and an id without events is not a case.
     */
    private StringDictionary withoutUnusedCases(int[] eventsPerCase, int[] caseOf, int n) {
        int cases = eventsPerCase.length;
        int used = 0;
        for (int count : eventsPerCase) {
            used += count > 0 ? 1 : 0;
        }
        if (used == cases) {
            return caseIds;
        }
        StringDictionary kept = new StringDictionary();
        int[] recode = new int[cases];
        for (int c = 0; c < cases; c++) {
            recode[c] = eventsPerCase[c] > 0 ? kept.intern(caseIds.value(c)) : StringDictionary.NULL;
        }
        for (int r = 0; r < n; r++) {
            caseOf[r] = recode[caseOf[r]];
        }
        return kept;
    }

    private static AttributeTable freeze(AttributeTable.Builder b, int[] order) {
        b.keyDictionaryForBuilder().freeze();
        return b.build(order);
    }

    private void deriveActivities(int n) {
        int interaction = eventTypes.code(EventType.INTERACTION_OCCURRED.name());
        int stateChanged = eventTypes.code(EventType.STATE_CHANGED.name());
        int outcome = eventTypes.code(EventType.OUTCOME_RECORDED.name());
        StringDictionary keys = payload.keyDictionaryForBuilder();
        int direction = keys.code("direction");
        int newState = keys.code("new_state");
        int outcomeKey = keys.code("outcome");
        // Activity codes memoised per event type (and per suffix): a log has a handful of activities but millions of
        // rows, so the activity string is built and interned once per distinct value, not once per row.
        int[] plain = new int[eventTypes.dictionarySize()];
        Arrays.fill(plain, StringDictionary.NULL);
        Map<String, Integer>[] suffixed = newMaps(plain.length);
        for (int r = 0; r < n; r++) {
            if (activities.codeAt(r) != StringDictionary.NULL) {
                continue;
            }
            int code = eventTypes.codeAt(r);
            int key = code == StringDictionary.NULL ? -1
                    : code == interaction ? direction : code == stateChanged ? newState : code == outcome ? outcomeKey : -1;
            String suffix = key < 0 ? null : payload.stringValue(r, key);
            int activity;
            if (suffix == null) {
                activity = plain[code];
                if (activity == StringDictionary.NULL) {
                    activity = activities.intern(eventTypes.get(r));
                    plain[code] = activity;
                }
            } else {
                if (suffixed[code] == null) {
                    suffixed[code] = new HashMap<>();
                }
                Integer known = suffixed[code].get(suffix);
                if (known == null) {
                    known = activities.intern(eventTypes.get(r) + ":" + suffix);
                    suffixed[code].put(suffix, known);
                }
                activity = known;
            }
            activities.setCode(r, activity);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer>[] newMaps(int n) {
        return (Map<String, Integer>[]) new Map<?, ?>[n];
    }
}
