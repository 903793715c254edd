package org.systemarena.integrations.ocel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.ObjectRefTable;

/**
 * An object-centric log: the events (an {@link EventLog} whose object references are the event-to-object
 * relationships, the reference role being the qualifier), the objects with their attributes, and object-to-object
 * relationships. What OCEL 2.0 JSON and XML hold, minus the type declarations, which are derived from the values.
 */
public record OcelLog(EventLog events, List<OcelObject> objects, List<ObjectRelation> objectRelations) {
    public OcelLog {
        Objects.requireNonNull(events, "events");
        objects = List.copyOf(objects);
        objectRelations = List.copyOf(objectRelations);
    }

    /**
     * The OCEL view of an event log: one object per distinct (type, id) referenced, in first-reference order (rows in
     * case order), without attributes, and no object-to-object relationships.
     *
     * @throws ArenaException when one id is referenced with two types (OCEL object ids are global)
     */
    public static OcelLog of(EventLog log) {
        ObjectRefTable refs = log.objectRefs();
        Map<String, OcelObject> byId = new LinkedHashMap<>();
        for (int e = 0; e < refs.entryCount(); e++) {
            addObject(byId, refs.idDictionary().value(refs.idCode(e)), refs.typeDictionary().value(refs.typeCode(e)));
        }
        return new OcelLog(log, new ArrayList<>(byId.values()), List.of());
    }

    static void addObject(Map<String, OcelObject> byId, String id, String type) {
        OcelObject existing = byId.get(id);
        if (existing == null) {
            byId.put(id, OcelObject.of(id, type));
        } else if (!existing.type().equals(type)) {
            throw new ArenaException("object id '" + id + "' is referenced with types '" + existing.type() + "' and '"
                    + type + "'; OCEL object ids must be unique across types");
        }
    }

    /** Objects by id. */
    public Map<String, OcelObject> objectsById() {
        Map<String, OcelObject> m = new LinkedHashMap<>();
        objects.forEach(o -> m.put(o.id(), o));
        return java.util.Collections.unmodifiableMap(m);
    }
}
