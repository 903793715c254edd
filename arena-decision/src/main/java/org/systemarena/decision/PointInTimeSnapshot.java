package org.systemarena.decision;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.core.Event;
import org.systemarena.core.Timestamps;
import org.systemarena.decision.expr.Bindings;

/**
 * The {@link CaseSnapshot} built by {@link DecisionPointExtractor}: running totals as of the trigger, private copies of
 * the latest value of every case attribute and state field, and a private copy of the visible rows. It holds no
 * reference to the log, a case view or any shared array, so nothing reachable from it can reveal an event after the
 * trigger (SPEC §2). Values are defined in docs/snapshot.md. As {@link Bindings} it answers condition names; it knows
 * no context functions.
 *
 * <p>Values are looked up on demand rather than stored in a map, which keeps a snapshot to a handful of small arrays;
 * {@link #values()} builds the map when asked.
 */
public final class PointInTimeSnapshot implements CaseSnapshot, Bindings {
    static final long NONE = Long.MIN_VALUE;
    private static final Object ABSENT = new Object();

    private final VisibleRows rows;
    private final long asOfMicros;
    private final long firstMicros;
    private final long lastInteractionMicros; // NONE: no interaction yet
    private final long lastStateChangeMicros; // NONE: no state change yet
    private final long interactions;
    private final Object status;
    private final Object stateStatus;
    private final ValueSlots attributes; // names are payload field names
    private final ValueSlots state; // names are "state.<field>"
    private final List<String> featureNames;
    private final Object[] featureValues; // null: no features
    private volatile Map<String, Object> map;

    PointInTimeSnapshot(VisibleRows rows, long asOfMicros, long firstMicros, long lastInteractionMicros,
                        long lastStateChangeMicros, long interactions, Object status, Object stateStatus,
                        ValueSlots attributes, ValueSlots state) {
        this(rows, asOfMicros, firstMicros, lastInteractionMicros, lastStateChangeMicros, interactions, status,
                stateStatus, attributes, state, List.of(), null);
    }

    private PointInTimeSnapshot(VisibleRows rows, long asOfMicros, long firstMicros, long lastInteractionMicros,
                                long lastStateChangeMicros, long interactions, Object status, Object stateStatus,
                                ValueSlots attributes, ValueSlots state, List<String> featureNames,
                                Object[] featureValues) {
        this.rows = rows;
        this.asOfMicros = asOfMicros;
        this.firstMicros = firstMicros;
        this.lastInteractionMicros = lastInteractionMicros;
        this.lastStateChangeMicros = lastStateChangeMicros;
        this.interactions = interactions;
        this.status = status;
        this.stateStatus = stateStatus;
        this.attributes = attributes;
        this.state = state;
        this.featureNames = featureNames;
        this.featureValues = featureValues;
    }

    /** This snapshot with feature values added (names: an immutable list shared by all snapshots). */
    PointInTimeSnapshot withFeatures(List<String> names, Object[] values) {
        return new PointInTimeSnapshot(rows, asOfMicros, firstMicros, lastInteractionMicros, lastStateChangeMicros,
                interactions, status, stateStatus, attributes, state, names, values);
    }

    @Override
    public String caseId() {
        return rows.caseId();
    }

    @Override
    public Instant asOf() {
        return Timestamps.fromMicros(asOfMicros);
    }

    public long asOfMicros() {
        return asOfMicros;
    }

    @Override
    public Event triggerEvent() {
        return rows.event(rows.size() - 1);
    }

    @Override
    public List<Event> visibleEvents() {
        return rows.events();
    }

    /** Number of visible events (the trigger included). */
    public int visibleCount() {
        return rows.size();
    }

    VisibleRows rows() {
        return rows;
    }

    @Override
    public Set<String> names() {
        return values().keySet();
    }

    @Override
    public Object get(String name) {
        Object v = lookup(name);
        return v == ABSENT ? null : v;
    }

    @Override
    public boolean has(String name) {
        return lookup(name) != ABSENT;
    }

    private Object lookup(String name) {
        if (featureValues != null) {
            int i = featureNames.indexOf(name);
            if (i >= 0) {
                return featureValues[i];
            }
        }
        switch (name) {
            case SnapshotNames.DAYS_SINCE_LAST_CONTACT:
            case SnapshotNames.DAYS_SINCE_LAST_INTERACTION:
                return lastInteractionMicros == NONE ? null : Timestamps.daysBetween(lastInteractionMicros, asOfMicros);
            case SnapshotNames.TOTAL_INTERACTIONS:
                return interactions;
            case SnapshotNames.TOTAL_EVENTS:
                return (long) rows.size();
            case SnapshotNames.TIME_SINCE_CREATED_DAYS:
                return Timestamps.daysBetween(firstMicros, asOfMicros);
            case SnapshotNames.TIME_IN_CURRENT_STATE_DAYS:
                return Timestamps.daysBetween(lastStateChangeMicros == NONE ? firstMicros : lastStateChangeMicros,
                        asOfMicros);
            case SnapshotNames.STATUS:
                return status;
            case SnapshotNames.EVENT_TYPE:
                return rows.eventType(rows.size() - 1);
            case SnapshotNames.ACTIVITY:
                return rows.activity(rows.size() - 1);
            case SnapshotNames.STATE_STATUS:
                return stateStatus;
            default:
                break;
        }
        if (name.startsWith(SnapshotNames.EVENT_PREFIX)) {
            return eventField(name);
        }
        if (name.startsWith(SnapshotNames.STATE_PREFIX)) {
            int i = state.indexOf(name);
            return i < 0 ? ABSENT : state.value(i);
        }
        int i = attributes.indexOf(name);
        return i < 0 ? ABSENT : attributes.value(i);
    }

    ValueSlots attributes() {
        return attributes;
    }

    /** Feature {@code i} of the extractor's features (only asked for when the extractor has features). */
    Object featureValue(int i) {
        return featureValues[i];
    }

    /** Built-in {@code which} (a {@link SnapshotReader} constant) to the sink, as {@link #get} would return it. */
    void readBuiltIn(int which, int index, SnapshotReader.Sink sink) {
        switch (which) {
            case SnapshotReader.DAYS_SINCE_LAST_CONTACT -> {
                if (lastInteractionMicros == NONE) {
                    sink.nullValue(index);
                } else {
                    sink.doubleValue(index, Timestamps.daysBetween(lastInteractionMicros, asOfMicros));
                }
            }
            case SnapshotReader.TOTAL_INTERACTIONS -> sink.longValue(index, interactions);
            case SnapshotReader.TOTAL_EVENTS -> sink.longValue(index, rows.size());
            case SnapshotReader.TIME_SINCE_CREATED_DAYS ->
                    sink.doubleValue(index, Timestamps.daysBetween(firstMicros, asOfMicros));
            case SnapshotReader.TIME_IN_CURRENT_STATE_DAYS -> sink.doubleValue(index, Timestamps.daysBetween(
                    lastStateChangeMicros == NONE ? firstMicros : lastStateChangeMicros, asOfMicros));
            case SnapshotReader.STATUS -> SnapshotReader.emit(status, index, sink);
            case SnapshotReader.EVENT_TYPE -> SnapshotReader.emit(rows.eventType(rows.size() - 1), index, sink);
            case SnapshotReader.ACTIVITY -> SnapshotReader.emit(rows.activity(rows.size() - 1), index, sink);
            default -> throw new IllegalArgumentException("built-in " + which);
        }
    }

    private Object eventField(String name) {
        AttributeCopy payload = rows.lastPayload();
        int local = rows.lastLocalRow();
        if (payload != null) {
            int e = payload.find(local, name.substring(SnapshotNames.EVENT_PREFIX.length()));
            if (e >= 0) {
                return payload.value(e);
            }
        }
        int last = rows.size() - 1;
        switch (name) {
            case "event.event_id":
                return rows.eventId(last);
            case "event.event_type":
                return rows.eventType(last);
            case "event.activity":
                return rows.activity(last);
            case "event.timestamp":
                return Timestamps.fromMicros(asOfMicros);
            case "event.channel":
                return rows.channel(last);
            case "event.actor_type":
                return rows.actorType(last);
            case "event.actor_id":
                return rows.actorId(last);
            default:
                return ABSENT;
        }
    }

    /** Every name with its value (null values kept), as an unmodifiable map; built on first use. */
    public Map<String, Object> values() {
        Map<String, Object> m = map;
        if (m == null) {
            m = Collections.unmodifiableMap(buildMap());
            map = m;
        }
        return m;
    }

    private Map<String, Object> buildMap() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (String name : SnapshotNames.BUILT_INS) {
            m.put(name, lookup(name));
        }
        for (int i = 0; i < attributes.size(); i++) {
            m.put(attributes.name(i), get(attributes.name(i)));
        }
        for (String name : SnapshotNames.EVENT_FIELDS) {
            m.put(name, get(name));
        }
        AttributeCopy payload = rows.lastPayload();
        if (payload != null) {
            int local = rows.lastLocalRow();
            for (int e = payload.start(local); e < payload.end(local); e++) {
                m.put(SnapshotNames.EVENT_PREFIX + payload.key(e), payload.value(e));
            }
        }
        for (int i = 0; i < state.size(); i++) {
            m.put(state.name(i), state.value(i));
        }
        m.put(SnapshotNames.STATE_STATUS, stateStatus);
        for (int i = 0; featureValues != null && i < featureValues.length; i++) {
            m.put(featureNames.get(i), featureValues[i]);
        }
        return m;
    }

    @Override
    public String toString() {
        return "Snapshot[case " + caseId() + " as of " + asOf() + ", " + rows.size() + " visible events]";
    }
}
