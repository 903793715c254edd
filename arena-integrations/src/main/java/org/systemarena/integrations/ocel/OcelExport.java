package org.systemarena.integrations.ocel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.systemarena.core.AttributeTable;
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRefTable;
import org.systemarena.core.ValueKind;
import org.systemarena.core.input.IsoTimestamps;
import org.systemarena.integrations.xes.XesKeys;

/**
 * What the JSON and XML writers emit, computed once from an {@link OcelLog}: declarations, objects (with case objects
 * when the options ask for them) and, per event row, its attributes and relationships. Events come in the log's
 * global replay order (time, case, sequence).
 */
final class OcelExport {
    static final String RESOURCE = XesKeys.ORG_RESOURCE;
    static final String EVENT_TYPE = XesKeys.ARENA_EVENT_TYPE;

    final EventLog log;
    final OcelOptions options;
    final List<OcelObject> objects;
    final Map<String, List<ObjectRelation>> relationsBySource = new LinkedHashMap<>();
    final Map<String, Map<String, String>> objectTypes = new TreeMap<>();
    final Map<String, Map<String, String>> eventTypes = new TreeMap<>();
    private final Map<String, String> typeOfObject = new HashMap<>();

    OcelExport(OcelLog ocel, OcelOptions options) {
        this.log = ocel.events();
        this.options = options;
        Map<String, OcelObject> byId = new LinkedHashMap<>(ocel.objectsById());
        if (options.caseObjectType() != null) {
            for (int c = 0; c < log.caseCount(); c++) {
                if (!isPlaceholderCase(c)) {
                    OcelLog.addObject(byId, log.caseId(c), options.caseObjectType());
                }
            }
        }
        ObjectRefTable refs = log.objectRefs();
        for (int e = 0; e < refs.entryCount(); e++) {
            OcelLog.addObject(byId, refs.idDictionary().value(refs.idCode(e)),
                    refs.typeDictionary().value(refs.typeCode(e)));
        }
        this.objects = new ArrayList<>(byId.values());
        for (OcelObject o : objects) {
            typeOfObject.put(o.id(), o.type());
            Map<String, String> decl = objectTypes.computeIfAbsent(o.type(), k -> new TreeMap<>());
            for (OcelObject.AttributeValue a : o.attributes()) {
                if (a.value() != null) {
                    declare(decl, a.name(), ValueKind.of(a.value()));
                }
            }
        }
        for (ObjectRelation r : ocel.objectRelations()) {
            relationsBySource.computeIfAbsent(r.sourceId(), k -> new ArrayList<>()).add(r);
        }
        AttributeTable payload = log.payload();
        for (int r = 0; r < log.size(); r++) {
            Map<String, String> decl = eventTypes.computeIfAbsent(activity(r), k -> new TreeMap<>());
            if (log.actorIdColumn().value(r) != null) {
                decl.put(RESOURCE, "string");
            }
            if (!log.eventType(r).equals(options.eventType())) {
                decl.put(EVENT_TYPE, "string");
            }
            for (int e = payload.start(r); e < payload.end(r); e++) {
                if (payload.kind(e) != ValueKind.NULL && !isReserved(payload.key(e))) {
                    declare(decl, payload.key(e), payload.kind(e));
                }
            }
        }
    }

    /**
     * A one-event case named by its own event id is what the readers make of an OCEL event without a case object;
     * writing a case object for it would invent one on the next read.
     */
    private boolean isPlaceholderCase(int c) {
        int start = log.caseStart(c);
        return log.caseEnd(c) - start == 1 && log.eventId(start).equals(log.caseId(c));
    }

    private static void declare(Map<String, String> decl, String name, ValueKind kind) {
        String type = OcelValues.declaredType(kind);
        // Mixed kinds under one name can only be declared as strings.
        decl.merge(name, type, (a, b) -> a.equals(b) ? a : "string");
    }

    private static boolean isReserved(String key) {
        return key.equals(RESOURCE) || key.equals(EVENT_TYPE);
    }

    int eventCount() {
        return log.size();
    }

    int row(int i) {
        return log.replayRow(i);
    }

    String eventId(int row) {
        return log.eventId(row);
    }

    /** The OCEL event type: the activity (the event type when no activity is known). */
    String activity(int row) {
        String a = log.activity(row);
        return a != null ? a : log.eventType(row);
    }

    String time(int row) {
        return IsoTimestamps.format(log.timestampMicros(row));
    }

    /** {name, text} pairs of the row's attributes; text is formatted for the declared type. */
    List<String[]> attributes(int row) {
        List<String[]> list = new ArrayList<>();
        String resource = log.actorIdColumn().value(row);
        if (resource != null) {
            list.add(new String[] {RESOURCE, resource});
        }
        if (!log.eventType(row).equals(options.eventType())) {
            list.add(new String[] {EVENT_TYPE, log.eventType(row)});
        }
        AttributeTable payload = log.payload();
        for (int e = payload.start(row); e < payload.end(row); e++) {
            if (payload.kind(e) != ValueKind.NULL && !isReserved(payload.key(e))) {
                list.add(new String[] {payload.key(e), OcelValues.text(payload.value(e))});
            }
        }
        return list;
    }

    /** {objectId, qualifier, objectType} triples of the row, the case object first when exported. */
    List<String[]> relationships(int row) {
        List<String[]> list = new ArrayList<>();
        String caseType = options.caseObjectType();
        String caseId = log.caseIdOf(row);
        boolean caseReferenced = false;
        ObjectRefTable refs = log.objectRefs();
        for (int e = refs.start(row); e < refs.end(row); e++) {
            String type = refs.typeDictionary().value(refs.typeCode(e));
            String id = refs.idDictionary().value(refs.idCode(e));
            caseReferenced |= type.equals(caseType) && id.equals(caseId);
        }
        if (caseType != null && !caseReferenced && !isPlaceholderCase(log.caseOf(row))) {
            list.add(new String[] {caseId, OcelOptions.CASE_QUALIFIER, caseType});
        }
        for (int e = refs.start(row); e < refs.end(row); e++) {
            list.add(new String[] {refs.idDictionary().value(refs.idCode(e)), qualifier(refs, e),
                    refs.typeDictionary().value(refs.typeCode(e))});
        }
        return list;
    }

    private static String qualifier(ObjectRefTable refs, int entry) {
        String role = refs.ref(entry).role();
        return role == null ? "" : role;
    }

    String typeOf(String objectId) {
        return typeOfObject.get(objectId);
    }

    List<ObjectRelation> relationsOf(String objectId) {
        return relationsBySource.getOrDefault(objectId, List.of());
    }
}
