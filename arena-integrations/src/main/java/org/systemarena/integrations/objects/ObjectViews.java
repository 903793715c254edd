package org.systemarena.integrations.objects;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.systemarena.core.ArenaException;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.ObjectRefTable;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.Timestamps;
import org.systemarena.core.ValueKind;

/** Object-centric views of an event log: per-type statistics and flattening on one object type. */
public final class ObjectViews {
    /** Payload key holding, in a flattened log, the case id the event had in the source log. */
    public static final String SOURCE_CASE_ID = "source_case_id";

    private ObjectViews() {
    }

    /** One entry per object type referenced, sorted by type. */
    public static List<ObjectTypeStats> stats(EventLog log) {
        ObjectRefTable refs = log.objectRefs();
        StringDictionary types = refs.typeDictionary();
        int n = types.size();
        int[] events = new int[n];
        int[] references = new int[n];
        BitSet[] ids = new BitSet[n];
        int[] lastRow = new int[n];
        java.util.Arrays.fill(lastRow, -1);
        for (int r = 0; r < log.size(); r++) {
            for (int e = refs.start(r); e < refs.end(r); e++) {
                int t = refs.typeCode(e);
                references[t]++;
                if (lastRow[t] != r) {
                    lastRow[t] = r;
                    events[t]++;
                }
                if (ids[t] == null) {
                    ids[t] = new BitSet();
                }
                ids[t].set(refs.idCode(e));
            }
        }
        List<ObjectTypeStats> out = new ArrayList<>();
        for (String type : log.objectTypes()) {
            int t = types.code(type);
            out.add(new ObjectTypeStats(type, events[t], ids[t].cardinality(), references[t]));
        }
        return List.copyOf(out);
    }

    /** Distinct ids of the objects of a type, in order of first reference (rows in case order). */
    public static List<String> objectIds(EventLog log, String objectType) {
        ObjectRefTable refs = log.objectRefs();
        int type = refs.typeDictionary().code(objectType);
        BitSet seen = new BitSet();
        List<String> out = new ArrayList<>();
        for (int e = 0; e < refs.entryCount(); e++) {
            if (refs.typeCode(e) == type && !seen.get(refs.idCode(e))) {
                seen.set(refs.idCode(e));
                out.add(refs.idDictionary().value(refs.idCode(e)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Flattens on an object type, as PM4Py's {@code ocel_flattening} does: every object of the type becomes a case
     * (case id = object id) holding a copy of each event that references it, so an event naming two such objects
     * appears in both cases and an event naming none is dropped. Copies keep every column (event id, type,
     * activity, actor, payload, all object references...); the payload gains {@value #SOURCE_CASE_ID}. Within a
     * case, events on the same timestamp keep the source log's replay order.
     *
     * @throws ArenaException when no event references the type
     */
    public static EventLog flatten(EventLog log, String objectType) {
        ObjectRefTable refs = log.objectRefs();
        int type = refs.typeDictionary().code(objectType);
        if (type == StringDictionary.NULL) {
            throw new ArenaException("no event references object type '" + objectType + "' (types: "
                    + log.objectTypes() + ")");
        }
        EventLogBuilder b = EventLog.builder();
        BitSet doneIds = new BitSet();
        for (int i = 0; i < log.size(); i++) {
            int r = log.replayRow(i);
            doneIds.clear();
            for (int e = refs.start(r); e < refs.end(r); e++) {
                int id = refs.idCode(e);
                if (refs.typeCode(e) == type && !doneIds.get(id)) {
                    doneIds.set(id);
                    copyRow(log, r, refs.idDictionary().value(id), b);
                }
            }
        }
        return b.build();
    }

    private static void copyRow(EventLog log, int r, String caseId, EventLogBuilder b) {
        b.startEvent(caseId, log.timestampMicros(r));
        b.eventId(log.eventId(r));
        b.eventType(log.eventType(r));
        b.activity(log.activity(r));
        b.workflowType(log.workflowType(r));
        b.actor(log.actorTypeColumn().value(r), log.actorIdColumn().value(r), log.actorNameColumn().value(r));
        b.channel(log.channel(r));
        b.sourceSystem(log.sourceSystem(r));
        b.correlationId(log.correlationId(r));
        AttributeTable payload = log.payload();
        for (int e = payload.start(r); e < payload.end(r); e++) {
            String key = payload.key(e);
            long raw = payload.rawValue(e);
            ValueKind kind = payload.kind(e);
            switch (kind) {
                case LONG -> b.payloadLong(key, raw);
                case DOUBLE -> b.payloadDouble(key, Double.longBitsToDouble(raw));
                case STRING -> b.payloadString(key, (String) payload.value(e));
                case NULL -> b.payloadString(key, null);
                case BOOLEAN -> b.payload(key, raw != 0);
                case INSTANT -> b.payload(key, Timestamps.fromMicros(raw));
                default -> throw new IllegalStateException(kind.toString());
            }
        }
        b.payloadString(SOURCE_CASE_ID, log.caseIdOf(r));
        copyMap(log.stateBefore().map(r), b::stateBefore);
        copyMap(log.stateAfter().map(r), b::stateAfter);
        copyMap(log.outcomeLabels().map(r), b::outcomeLabel);
        ObjectRefTable refs = log.objectRefs();
        for (int e = refs.start(r); e < refs.end(r); e++) {
            b.objectRef(refs.ref(e));
        }
    }

    private static void copyMap(Map<String, Object> map, java.util.function.BiConsumer<String, Object> sink) {
        map.forEach(sink);
    }
}
